using Crm.Domain.Funnel.Pipelines;
using Crm.Domain.Identity;

namespace Crm.Indicators;

/// <summary>The sales indicators (isoVendas, seed 003) over <see cref="Period"/>, for the records the user sees.</summary>
/// <param name="Period">The period.</param>
/// <param name="Revenue">The total of the revenue orders (<see cref="Crm.Indicators.Revenue"/>) issued in the period and in the previous one.</param>
/// <param name="PerRepresentative">The revenue per seller, highest first; sums to <see cref="Revenue"/>.</param>
/// <param name="CustomersPerPortfolio">Accounts and buying customers per portfolio.</param>
/// <param name="BestSellers">The products with the highest value sold in the period, highest first (at most <see cref="Indicators.BestSellers"/>).</param>
/// <param name="Funnel">Opportunities per pipeline stage.</param>
/// <param name="CrossSell">Won opportunities of existing customers.</param>
public sealed record SalesIndicators(
    IndicatorPeriod Period,
    Compared<decimal> Revenue,
    IReadOnlyList<RepresentativeRevenue> PerRepresentative,
    IReadOnlyList<PortfolioCustomers> CustomersPerPortfolio,
    IReadOnlyList<ProductSales> BestSellers,
    IReadOnlyList<StageCount> Funnel,
    CrossSell CrossSell);

/// <summary>The revenue orders of one seller (representante).</summary>
/// <param name="Seller">The seller.</param>
/// <param name="Revenue">Their total in the period and in the previous one.</param>
/// <param name="Orders">How many in the period and in the previous one.</param>
public sealed record RepresentativeRevenue(UserId Seller, Compared<decimal> Revenue, Compared<long> Orders);

/// <summary>One portfolio's size (carteira: the live accounts of one owner; null for accounts without owner).</summary>
/// <param name="Portfolio">The owner.</param>
/// <param name="Accounts">Its live accounts now.</param>
/// <param name="Buying">Its accounts with a revenue order issued in the period and in the previous one.</param>
public sealed record PortfolioCustomers(UserId? Portfolio, long Accounts, Compared<long> Buying);

/// <summary>What was sold of one product in revenue orders: open items only (a cancelled item is out of every total).</summary>
/// <param name="Product">The product code.</param>
/// <param name="Quantity">The quantity sold, in the units of the items, in the period and in the previous one.</param>
/// <param name="Value">The items' totals (with taxes, as priced) in the period and in the previous one.</param>
public sealed record ProductSales(string Product, Compared<decimal> Quantity, Compared<decimal> Value);

/// <summary>The opportunities of one stage of a pipeline.</summary>
/// <param name="Pipeline">The pipeline.</param>
/// <param name="Stage">The stage.</param>
/// <param name="Name">The stage's name.</param>
/// <param name="Outcome">What the stage means (open, won, lost).</param>
/// <param name="Now">The opportunities in the stage now.</param>
/// <param name="Entered">The opportunities that entered the stage in the period and in the previous one.</param>
public sealed record StageCount(PipelineId Pipeline, StageId Stage, string Name, StageOutcome Outcome, long Now, Compared<long> Entered);

/// <summary>
/// Cross- and up-selling: opportunities won in the period (their won stage entered in it) for accounts that already had a
/// revenue order issued before the period, i.e. new business with existing customers.
/// </summary>
/// <param name="Won">How many, in the period and in the previous one.</param>
/// <param name="Value">Their value (opportunities without a value count as zero), in the period and in the previous one.</param>
public sealed record CrossSell(Compared<long> Won, Compared<decimal> Value);
