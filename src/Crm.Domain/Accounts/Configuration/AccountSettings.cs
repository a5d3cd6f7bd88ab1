using Crm.Domain.Accounts.Registration;

namespace Crm.Domain.Accounts.Configuration;

/// <summary>What a registration is: a lead (prospect) or an account (customer). Each has its own mandatory fields.</summary>
public enum RegistrationKind
{
    /// <summary>A lead.</summary>
    Lead,

    /// <summary>An account.</summary>
    Account,
}

/// <summary>
/// A tenant's registration settings: the mandatory fields of leads and of accounts beyond the fixed rules, the
/// "consider the ERP's mandatory fields" parameter with the ERP's requirements, the client-type mapping and the client groups.
/// </summary>
public sealed record AccountSettings
{
    /// <summary>Creates the settings.</summary>
    public AccountSettings(
        IEnumerable<RegistrationField>? leadMandatory = null,
        IEnumerable<RegistrationField>? accountMandatory = null,
        bool considerErpMandatoryFields = false,
        ErpFieldRequirements? erp = null,
        ClientTypeMapping? clientTypes = null,
        IEnumerable<ClientGroup>? clientGroups = null)
    {
        LeadMandatory = (leadMandatory ?? []).ToHashSet();
        AccountMandatory = (accountMandatory ?? []).ToHashSet();
        ConsiderErpMandatoryFields = considerErpMandatoryFields;
        Erp = erp;
        ClientTypes = clientTypes ?? ClientTypeMapping.Empty;
        ClientGroups = (clientGroups ?? []).ToDictionary(g => g.Code);
        _packedIntegratedGroups = [.. ClientGroups.Values.Where(g => g.IntegratedWithErp).Select(g => RegistrationFacts.Pack(g.Code))];
    }

    // The integrated client groups by packed code (RegistrationFacts), so that the eligibility of a whole tenant reads no string.
    private readonly HashSet<ulong> _packedIntegratedGroups;

    /// <summary>The defaults: only the fixed rules apply.</summary>
    public static AccountSettings Default { get; } = new();

    /// <summary>Fields the tenant makes mandatory on leads.</summary>
    public IReadOnlySet<RegistrationField> LeadMandatory { get; }

    /// <summary>Fields the tenant makes mandatory on accounts.</summary>
    public IReadOnlySet<RegistrationField> AccountMandatory { get; }

    /// <summary>"Considera campos obrigatórios do EMS no processo de cadastro de clientes?" (seed 000).</summary>
    public bool ConsiderErpMandatoryFields { get; }

    /// <summary>What the integrated ERP requires, from its adapter; null when the tenant has no ERP.</summary>
    public ErpFieldRequirements? Erp { get; }

    /// <summary>The client type × account type mapping.</summary>
    public ClientTypeMapping ClientTypes { get; }

    /// <summary>The client groups, by code.</summary>
    public IReadOnlyDictionary<MasterDataCode, ClientGroup> ClientGroups { get; }

    /// <summary>The tenant's mandatory fields for <paramref name="kind"/>.</summary>
    public IReadOnlySet<RegistrationField> MandatoryFor(RegistrationKind kind) =>
        kind == RegistrationKind.Lead ? LeadMandatory : AccountMandatory;

    /// <summary>
    /// The ERP's requirements that apply to a record of <paramref name="clientType"/> and <paramref name="accountType"/>:
    /// only with the parameter on, an ERP configured and a client type that integrates.
    /// </summary>
    public ErpFieldRequirements? ErpRequirementsFor(MasterDataCode? clientType, MasterDataCode? accountType) =>
        ConsiderErpMandatoryFields && Erp is not null && clientType is { } client && ClientTypes.Integrates(client, accountType)
            ? Erp
            : null;

    /// <summary>
    /// True when the client group of <paramref name="data"/>, if informed, is configured and integrated with the ERP; read from
    /// its packed facts, a code that does not pack is asked as text.
    /// </summary>
    internal bool ClientGroupIntegratedOrAbsent(RegistrationData data) => data.Facts.ClientGroup switch
    {
        PackedText.Absent => true,
        PackedText.Unpackable => ClientGroups.TryGetValue(data.ClientGroup!.Value, out var group) && group.IntegratedWithErp,
        var packed => _packedIntegratedGroups.Contains(packed),
    };
}
