using System.Globalization;
using Crm.Domain.Accounts.Configuration;
using Crm.Domain.Accounts.History;
using Crm.Domain.Accounts.ErpLink;
using Crm.Domain.Accounts.Registration;
using Crm.Domain.Identity;
using Crm.Domain.Problems;
using NodaTime;

namespace Crm.Domain.Accounts;

/// <summary>
/// An account (customer): registration data, its link to the ERP (integration, last purchase, situation recomputed by
/// CRM1003, and the <see cref="ErpLink.ErpStanding"/> the pull last read), the lead it came from and, once merged away,
/// the account that absorbed it.
/// </summary>
public sealed class Account : RegisteredParty
{
    private readonly List<AccountId> _mergedFrom = [];

    private Account() { }

    private Account(AccountId id, TenantId tenantId, ValidRegistration registration, ChangeHistory history)
        : base(tenantId, registration, RegistrationKind.Account, history) => Id = id;

    /// <summary>Its id.</summary>
    public AccountId Id { get; private set; }

    /// <summary>Where it stands with the ERP or GP.</summary>
    public IntegrationState Integration { get; private set; } = IntegrationState.None;

    /// <summary>Its last purchase in the ERP (Datasul <c>emitente.dt-ult-venda</c>).</summary>
    public LocalDate? LastPurchase { get; private set; }

    /// <summary>Its situation in the ERP as last computed (by the CRM1003 job); informational, it never blocks.</summary>
    public ErpSituation ErpSituation { get; private set; } = ErpSituation.NotIntegrated;

    /// <summary>What the ERP said of it when the pull last read it (credit, situation, last purchase); null until then.</summary>
    public ErpStanding? ErpStanding { get; private set; }

    /// <summary>The lead it was converted from.</summary>
    public LeadId? ConvertedFrom { get; private set; }

    /// <summary>The account it was merged into; a merged account is kept, read-only, so its relations can still be followed.</summary>
    public AccountId? MergedInto { get; private set; }

    /// <summary>The accounts merged into this one; their histories are in <see cref="ChangeHistory.Absorbed"/>.</summary>
    public IReadOnlyList<AccountId> MergedFrom => _mergedFrom;

    /// <inheritdoc />
    protected override RegistrationKind Kind => RegistrationKind.Account;

    /// <inheritdoc />
    protected override string? Frozen => MergedInto is { } target ? $"A conta foi unificada com a conta {target.Value}." : null;

    /// <summary>Registers a new account from data validated as an account.</summary>
    public static Account Register(AccountId id, TenantId tenantId, ValidRegistration registration, UserId by, IClock clock)
    {
        var account = new Account(id, tenantId, registration, new ChangeHistory());
        account.History.Record(FieldSnapshot.Empty, account.Snapshot(), by, clock);
        return account;
    }

    /// <summary>The account a lead converts into: it continues the lead's history, then records what conversion changed.</summary>
    internal static Account FromLead(AccountId id, Lead lead, ValidRegistration registration, UserId by, IClock clock)
    {
        var account = new Account(id, lead.TenantId, registration, new ChangeHistory(lead.History.Entries)) { ConvertedFrom = lead.Id };
        account.History.Record(lead.Snapshot(), account.Snapshot(), by, clock);
        return account;
    }

    /// <summary>Records what the ERP says of the account (integration and last purchase), as the integration reads it.</summary>
    public IReadOnlyList<HistoryEntry> RecordErpState(IntegrationState integration, LocalDate? lastPurchase, UserId by, IClock clock)
    {
        ArgumentNullException.ThrowIfNull(integration);
        return Change(() => (Integration, LastPurchase) = (integration, lastPurchase), by, clock);
    }

    /// <summary>
    /// Records the <paramref name="standing"/> the pull read for the ERP customer <paramref name="erpCode"/>, with one history
    /// entry per changed part; an exposed last purchase also becomes <see cref="LastPurchase"/> (what CRM1003 counts from).
    /// A standing that says the same as the stored one changes nothing, not even <see cref="ErpStanding.ReadAt"/>, and
    /// records no history. Problems: <c>erp.not_integrated</c> unless the account is integrated with the ERP,
    /// <c>erp.code_mismatch</c> when <paramref name="erpCode"/> is not its ERP code, <c>account.frozen</c> once merged.
    /// </summary>
    public Outcome<IReadOnlyList<HistoryEntry>> RecordErpStanding(string erpCode, ErpStanding standing, UserId by, IClock clock)
    {
        ArgumentNullException.ThrowIfNull(erpCode);
        ArgumentNullException.ThrowIfNull(standing);
        if (FrozenProblem() is { } frozen)
            return frozen;
        if (!Integration.TryPickT1(out var erp, out _))
            return new Invalid(new Problem("erp.code", AccountCodes.ErpNotIntegrated, "A conta não está integrada ao ERP."));
        if (!string.Equals(erp.ErpCode, erpCode, StringComparison.Ordinal))
        {
            return new Invalid(new Problem("erp.code", AccountCodes.ErpCodeMismatch,
                $"A situação lida é do cliente {erpCode} do ERP, mas a conta é o cliente {erp.ErpCode}."));
        }
        if (ErpStanding is { } stored && stored.SaysTheSameAs(standing))
            return Outcome<IReadOnlyList<HistoryEntry>>.FromValue([]);
        return Outcome<IReadOnlyList<HistoryEntry>>.FromValue(Change(() =>
        {
            ErpStanding = standing;
            LastPurchase = standing.LastPurchase ?? LastPurchase;
        }, by, clock));
    }

    /// <summary>Stores a situation computed by <see cref="ErpStatusRecompute"/>. Not in the history: it is derived data.</summary>
    public void Apply(ErpStatusChange change)
    {
        ArgumentNullException.ThrowIfNull(change);
        if (change.Account != Id)
            throw new ArgumentException("The change is for another account.", nameof(change));
        ErpSituation = change.New.Situation;
    }

    /// <summary>
    /// Takes <paramref name="absorbed"/> in: the merged data, its history kept whole, and its ERP link when this account has none.
    /// </summary>
    internal void Absorb(Account absorbed, ValidRegistration merged, UserId by, IClock clock)
    {
        History.Absorb($"account:{absorbed.Id.Value}", absorbed.History);
        Change(() =>
        {
            ReplaceData(merged.Data);
            _mergedFrom.Add(absorbed.Id);
            if (!Integration.IsIntegrated && absorbed.Integration.IsIntegrated)
                (Integration, LastPurchase, ErpStanding) = (absorbed.Integration, absorbed.LastPurchase, absorbed.ErpStanding);
        }, by, clock);
    }

    /// <summary>Marks this account as merged into <paramref name="survivor"/>.</summary>
    internal void MarkMergedInto(AccountId survivor, UserId by, IClock clock) => Change(() => MergedInto = survivor, by, clock);

    /// <inheritdoc />
    protected override FieldSnapshot DescribeOwnFields(FieldSnapshot snapshot) => snapshot
        .With("erp.state", Integration.Match<string?>(_ => null, _ => "erp", _ => "gp"))
        .With("erp.code", Integration.Match<string?>(_ => null, erp => erp.ErpCode, gp => gp.GpCode))
        .With("erp.integrated_on", Integration.Match<string?>(_ => null, erp => SnapshotParts.Iso(erp.IntegratedOn), _ => null))
        .With("erp.active_term", Integration.Match<string?>(_ => null, _ => null, gp => gp.HasActiveTerm ? "true" : "false"))
        .With("erp.last_purchase", LastPurchase is { } date ? SnapshotParts.Iso(date) : null)
        .With("erp.standing.situation", ErpStanding?.Situation?.ToString())
        .With("erp.standing.credit_limit", ErpStanding?.CreditLimit?.ToString(CultureInfo.InvariantCulture))
        .With("erp.standing.credit_limit_expires_on", ErpStanding?.CreditLimitExpiresOn is { } expires ? SnapshotParts.Iso(expires) : null)
        .With("erp.standing.open_balance", ErpStanding?.OpenBalance?.ToString(CultureInfo.InvariantCulture))
        .With("converted_from_lead", ConvertedFrom?.Value.ToString())
        .With("merged_into", MergedInto?.Value.ToString())
        .Each("merged_from", _mergedFrom, (s, path, id) => s.With(path, id.Value.ToString()));
}
