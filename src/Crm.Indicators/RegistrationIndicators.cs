using Crm.Domain.Accounts.ErpLink;
using Crm.Domain.Accounts.Registration;
using Crm.Domain.Identity;

namespace Crm.Indicators;

/// <summary>
/// The registration indicators (isoCadastro, seed 003) over <see cref="Period"/>, for the records the user sees.
/// </summary>
/// <param name="Period">The period.</param>
/// <param name="Accounts">Accounts registered in the period and in the previous one (<see cref="Indicators.RegistrationAsync"/> says when an account counts as registered).</param>
/// <param name="Leads">Leads registered in the period and in the previous one.</param>
/// <param name="Base">
/// The registration base (accounts and leads) at the end of the period and at the end of the previous one, i.e. at the
/// period's start: its <see cref="Compared{T}.ChangePercent"/> is the growth of the base in the period.
/// </param>
/// <param name="Situation">The accounts by ERP situation, as the accounts stand now.</param>
/// <param name="Contacts">The contacts with an e-mail and with a phone, as they stand now.</param>
/// <param name="Churn">Customers lost per portfolio in the period and in the previous one.</param>
/// <param name="Marketing">Contacts who opted in, per channel, at the end of the period and of the previous one.</param>
public sealed record RegistrationIndicators(
    IndicatorPeriod Period,
    Compared<long> Accounts,
    Compared<long> Leads,
    Compared<long> Base,
    AccountSituations Situation,
    ContactReach Contacts,
    IReadOnlyList<PortfolioChurn> Churn,
    IReadOnlyList<ChannelPermissions> Marketing);

/// <summary>
/// The live accounts (not merged into another) by their ERP situation (<see cref="ErpSituation"/>). The situation is
/// derived data the model keeps no history of, so this is the present, not the period's end.
/// </summary>
/// <param name="Active">Active in the ERP/GP.</param>
/// <param name="Inactive">Inactive in the ERP/GP.</param>
/// <param name="NotIntegrated">Not (yet) customers of the ERP/GP.</param>
public sealed record AccountSituations(long Active, long Inactive, long NotIntegrated)
{
    /// <summary>All live accounts.</summary>
    public long Total => Active + Inactive + NotIntegrated;

    /// <summary>Active accounts in % of all; null without accounts.</summary>
    public decimal? ActivePercent => Percent.Of(Active, Total);

    /// <summary>Inactive accounts in % of all; null without accounts.</summary>
    public decimal? InactivePercent => Percent.Of(Inactive, Total);
}

/// <summary>The contacts (of accounts and leads) with at least one e-mail, and with at least one phone, as they stand now.</summary>
/// <param name="Total">All contacts.</param>
/// <param name="WithEmail">Those with an e-mail.</param>
/// <param name="WithPhone">Those with a phone.</param>
public sealed record ContactReach(long Total, long WithEmail, long WithPhone)
{
    /// <summary>Contacts with an e-mail in % of all; null without contacts.</summary>
    public decimal? EmailPercent => Percent.Of(WithEmail, Total);

    /// <summary>Contacts with a phone in % of all; null without contacts.</summary>
    public decimal? PhonePercent => Percent.Of(WithPhone, Total);
}

/// <summary>
/// The churn of one portfolio (carteira: the accounts of one owner; <see cref="Portfolio"/> null for accounts without
/// owner). A customer of a period is an account with a revenue order (<see cref="Revenue"/>) issued in it; the
/// customers lost in a period are the previous period's customers without a revenue order in it.
/// </summary>
/// <param name="Portfolio">The owner of the accounts.</param>
/// <param name="Current">The period's churn: the previous period's customers, and those lost in the period.</param>
/// <param name="Previous">The previous period's churn, measured the same way against the period before it.</param>
public sealed record PortfolioChurn(UserId? Portfolio, Churn Current, Churn Previous);

/// <summary>Customers at risk and customers lost in one period.</summary>
/// <param name="Customers">The customers of the period before (the base the churn is measured on).</param>
/// <param name="Lost">Those of them without a revenue order in the period.</param>
public sealed record Churn(long Customers, long Lost)
{
    /// <summary>Lost customers in % of <see cref="Customers"/>; null when there were none.</summary>
    public decimal? LostPercent => Percent.Of(Lost, Customers);
}

/// <summary>
/// The contacts whose consent for <see cref="Channel"/> is an opt-in given on or before the end of the period (and of
/// the previous one). A consent records its latest answer only, so a contact who opted in and later out counts in neither.
/// </summary>
/// <param name="Channel">The marketing channel.</param>
/// <param name="OptedIn">Contacts opted in at the end of the period and of the previous one.</param>
public sealed record ChannelPermissions(MarketingChannel Channel, Compared<long> OptedIn);
