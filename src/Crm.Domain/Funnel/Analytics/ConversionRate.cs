using Crm.Domain.Funnel.Pipelines;

namespace Crm.Domain.Funnel.Analytics;

/// <summary>How many opportunities that reached one stage went on to reach another.</summary>
/// <param name="From">The earlier stage.</param>
/// <param name="To">The later stage.</param>
/// <param name="Reached">Opportunities that entered <paramref name="From"/>.</param>
/// <param name="Converted">Of those, the ones that entered <paramref name="To"/> afterwards.</param>
public sealed record ConversionRate(StageId From, StageId To, int Reached, int Converted)
{
    /// <summary><see cref="Converted"/> / <see cref="Reached"/>, between 0 and 1; null when nothing reached <see cref="From"/>.</summary>
    public decimal? Rate => Reached == 0 ? null : (decimal)Converted / Reached;
}
