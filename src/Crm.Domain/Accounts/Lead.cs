using Crm.Domain.Accounts.Configuration;
using Crm.Domain.Accounts.History;
using Crm.Domain.Accounts.ErpLink;
using Crm.Domain.Accounts.Registration;
using Crm.Domain.Identity;
using NodaTime;

namespace Crm.Domain.Accounts;

/// <summary>Where a lead stands.</summary>
public enum LeadStatus
{
    /// <summary>Being worked on.</summary>
    Open,

    /// <summary>Converted into an account; read-only from then on.</summary>
    Converted,
}

/// <summary>A lead (prospect): registration data under the lead rules, until it converts into an account.</summary>
public sealed class Lead : RegisteredParty
{
    private Lead() { }

    private Lead(LeadId id, TenantId tenantId, ValidRegistration registration)
        : base(tenantId, registration, RegistrationKind.Lead, new ChangeHistory()) => Id = id;

    /// <summary>Its id.</summary>
    public LeadId Id { get; private set; }

    /// <summary>Open or converted.</summary>
    public LeadStatus Status { get; private set; }

    /// <summary>The account it became.</summary>
    public AccountId? ConvertedTo { get; private set; }

    /// <inheritdoc />
    protected override RegistrationKind Kind => RegistrationKind.Lead;

    /// <inheritdoc />
    protected override string? Frozen => ConvertedTo is { } account ? $"O lead já foi convertido na conta {account.Value}." : null;

    /// <summary>A lead is never integrated: <c>Não integrado ERP</c> (or GP) until it converts into a valid ERP customer (seed 000).</summary>
    public static ErpStatus ErpStatus(IntegrationSystem system) => ErpLink.ErpStatus.OfLead(system);

    /// <summary>Registers a new lead from data validated as a lead.</summary>
    public static Lead Register(LeadId id, TenantId tenantId, ValidRegistration registration, UserId by, IClock clock)
    {
        var lead = new Lead(id, tenantId, registration);
        lead.History.Record(FieldSnapshot.Empty, lead.Snapshot(), by, clock);
        return lead;
    }

    internal void MarkConverted(AccountId account, UserId by, IClock clock) =>
        Change(() => (Status, ConvertedTo) = (LeadStatus.Converted, account), by, clock);

    /// <inheritdoc />
    protected override FieldSnapshot DescribeOwnFields(FieldSnapshot snapshot) => snapshot
        .With("lead.status", Status.ToString())
        .With("lead.converted_to", ConvertedTo?.Value.ToString());
}
