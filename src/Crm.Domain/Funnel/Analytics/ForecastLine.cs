using Crm.Domain.Funnel.Pipelines;
using Crm.Domain.Identity;
using Crm.Domain.Monetary;
using NodaTime;

namespace Crm.Domain.Funnel.Analytics;

/// <summary>
/// What the weighted forecast needs of one opportunity: a narrow projection a persistence query can select
/// (opportunity joined with its stage's probability) without loading aggregates.
/// </summary>
/// <param name="Owner">The opportunity's owner.</param>
/// <param name="Stage">Its current stage.</param>
/// <param name="Probability">The stage's closing probability in percent.</param>
/// <param name="ExpectedClose">Its expected close date, if any.</param>
/// <param name="Value">Its value.</param>
public readonly record struct ForecastLine(UserId Owner, StageId Stage, int Probability, LocalDate? ExpectedClose, Money Value)
{
    /// <summary>The opportunity's owner.</summary>
    public UserId Owner { get; } = Owner;

    /// <summary>Its current stage.</summary>
    public StageId Stage { get; } = Stage;

    /// <summary>The stage's closing probability in percent.</summary>
    public int Probability { get; } = Probability;

    /// <summary>Its expected close date, if any.</summary>
    public LocalDate? ExpectedClose { get; } = ExpectedClose;

    /// <summary>Its value.</summary>
    public Money Value { get; } = Value;

    /// <summary>The value times the probability: what the deal is worth to the forecast.</summary>
    public decimal Weighted => Value.Amount * Probability / 100m;
}
