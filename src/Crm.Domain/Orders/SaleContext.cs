using Crm.Domain.Catalog;
using Crm.Domain.Pricing;
using Crm.Domain.Problems;
using NodaTime;

namespace Crm.Domain.Orders;

/// <summary>The margins an item may be sold at, in % of its merchandise value; a null bound is open.</summary>
/// <param name="MinimumGross">The lowest gross margin (MB): (value − cost) / value.</param>
/// <param name="MaximumGross">The highest gross margin (MB).</param>
/// <param name="MinimumContribution">The lowest contribution margin (MC): (value − ICMS − PIS − COFINS − cost) / value.</param>
public sealed record MarginRange(decimal? MinimumGross = null, decimal? MaximumGross = null, decimal? MinimumContribution = null)
{
    /// <summary>The lowest gross margin (MB): (value − cost) / value.</summary>
    public decimal? MinimumGross { get; init; } = MinimumGross;

    /// <summary>The highest gross margin (MB).</summary>
    public decimal? MaximumGross { get; init; } = MaximumGross;

    /// <summary>The lowest contribution margin (MC): (value − ICMS − PIS − COFINS − cost) / value.</summary>
    public decimal? MinimumContribution { get; init; } = MinimumContribution;
}

/// <summary>
/// What the sale rules check an order against: the catalog, the pricing sources (whose list price should be
/// <see cref="ProductCatalog.ListPrices"/> of the order's table), the margins and the day it is checked on.
/// </summary>
public sealed record SaleContext
{
    /// <summary>The company's catalog.</summary>
    public required ProductCatalog Catalog { get; init; }

    /// <summary>The pricing pipeline's sources; its <see cref="PricingSources.MaximumDiscount"/> is the alçada.</summary>
    public required PricingSources Pricing { get; init; }

    /// <summary>Today, for expired programming and promise dates.</summary>
    public required LocalDate Today { get; init; }

    /// <summary>The margin range; null when margins are not checked.</summary>
    public MarginRange? Margins { get; init; }
}

/// <summary>The result of checking an order's sale rules: every sale problem with its reason, and the pricing when it succeeded.</summary>
public sealed class SaleCheck
{
    internal SaleCheck(IReadOnlyList<Problem> problems, OrderPricing? pricing)
    {
        Problems = problems;
        Pricing = pricing;
    }

    /// <summary>Every sale problem (itens com problema de venda): fields <c>items[N].…</c> by item number, the reason in the message.</summary>
    public IReadOnlyList<Problem> Problems { get; }

    /// <summary>The pricing of the open items; null when a pricing problem stopped it.</summary>
    public OrderPricing? Pricing { get; }

    /// <summary>True when a problem stops the sale (warnings such as lead time do not).</summary>
    public bool HasErrors => Problems.Any(p => p.Severity == Severity.Error);
}
