using Crm.Domain.Accounts.Registration;

namespace Crm.Domain.Accounts.Configuration;

/// <summary>An account type (e.g. Lead, Prospect, Cliente), marked as integrating with the ERP or not.</summary>
/// <param name="Code">Its code.</param>
/// <param name="Name">Its name.</param>
/// <param name="IntegratesWithErp">Whether accounts of this type are sent to the ERP.</param>
public sealed record AccountType(MasterDataCode Code, string Name, bool IntegratesWithErp);

/// <summary>A client type (e.g. Revenda, Consumidor final), saying whether its accounts must have a CPF/CNPJ (seed 000: "obrigatórias dependendo do tipo de cliente").</summary>
/// <param name="Code">Its code.</param>
/// <param name="Name">Its name.</param>
/// <param name="RequiresTaxId">Whether accounts of this type need a CPF (física) or CNPJ (jurídica).</param>
public sealed record ClientType(MasterDataCode Code, string Name, bool RequiresTaxId = true);

/// <summary>
/// The <i>Tipo de Conta × Tipo de Cliente</i> mapping (seed 000: CRM › Gestão de Contas › Cadastros › Tipo Cliente):
/// which client types may be used with which account types, and so which client types integrate with the ERP.
/// </summary>
public sealed class ClientTypeMapping
{
    private readonly Dictionary<MasterDataCode, ClientType> _clientTypes;
    private readonly Dictionary<MasterDataCode, AccountType> _accountTypes;
    private readonly HashSet<(MasterDataCode Client, MasterDataCode Account)> _pairs;
    private readonly HashSet<MasterDataCode> _integrating;
    private readonly HashSet<(MasterDataCode Client, MasterDataCode Account)> _integratingPairs;
    // The same answers by packed code (RegistrationFacts), so that the eligibility of a whole tenant reads no string.
    private readonly HashSet<(ulong Client, ulong Account)> _packedIntegratingPairs;
    private readonly HashSet<ulong> _packedIntegrating;
    private readonly HashSet<ulong> _packedWithoutTaxId;

    /// <summary>Builds the mapping; every pair must name a known client type and account type.</summary>
    public ClientTypeMapping(IEnumerable<ClientType> clientTypes, IEnumerable<AccountType> accountTypes,
        IEnumerable<(MasterDataCode ClientType, MasterDataCode AccountType)> pairs)
    {
        _clientTypes = clientTypes.ToDictionary(t => t.Code);
        _accountTypes = accountTypes.ToDictionary(t => t.Code);
        _pairs = [.. pairs];
        foreach (var (client, account) in _pairs)
            if (!_clientTypes.ContainsKey(client) || !_accountTypes.ContainsKey(account))
                throw new ArgumentException($"Mapping {client} × {account} names an unknown type.", nameof(pairs));
        // Precomputed so that Integrates is one look-up: ERP eligibility asks it for every account.
        _integratingPairs = [.. _pairs.Where(p => _accountTypes[p.Account].IntegratesWithErp)];
        _integrating = [.. _integratingPairs.Select(p => p.Client)];
        _packedIntegratingPairs = [.. _integratingPairs.Select(p => (RegistrationFacts.Pack(p.Client), RegistrationFacts.Pack(p.Account)))];
        _packedIntegrating = [.. _packedIntegratingPairs.Select(p => p.Client)];
        _packedWithoutTaxId = [.. _clientTypes.Values.Where(t => !t.RequiresTaxId).Select(t => RegistrationFacts.Pack(t.Code))];
    }

    /// <summary>A mapping with no types: nothing integrates.</summary>
    public static ClientTypeMapping Empty { get; } = new([], [], []);

    /// <summary>The configured client types.</summary>
    public IEnumerable<ClientType> ClientTypes => _clientTypes.Values;

    /// <summary>The configured account types.</summary>
    public IEnumerable<AccountType> AccountTypes => _accountTypes.Values;

    /// <summary>The mapped pairs of client type and account type.</summary>
    public IEnumerable<(MasterDataCode ClientType, MasterDataCode AccountType)> Pairs => _pairs;

    /// <summary>True when the tenant configured client or account types; without any, codes are not checked.</summary>
    public bool HasTypes => _clientTypes.Count > 0 || _accountTypes.Count > 0;

    /// <summary>The client type with <paramref name="code"/>, if configured.</summary>
    public ClientType? ClientType(MasterDataCode code) => _clientTypes.GetValueOrDefault(code);

    /// <summary>The account type with <paramref name="code"/>, if configured.</summary>
    public AccountType? AccountType(MasterDataCode code) => _accountTypes.GetValueOrDefault(code);

    /// <summary>True when <paramref name="clientType"/> may be used with <paramref name="accountType"/>.</summary>
    public bool IsMapped(MasterDataCode clientType, MasterDataCode accountType) => _pairs.Contains((clientType, accountType));

    /// <summary>
    /// True when accounts of <paramref name="clientType"/> integrate with the ERP: it is mapped to an account type marked to
    /// integrate; with <paramref name="accountType"/> given, that pair must be mapped and that account type must integrate.
    /// </summary>
    public bool Integrates(MasterDataCode clientType, MasterDataCode? accountType = null) =>
        accountType is { } account ? _integratingPairs.Contains((clientType, account)) : _integrating.Contains(clientType);

    /// <summary>
    /// <see cref="Integrates(MasterDataCode, MasterDataCode?)"/> for the client and account types of <paramref name="data"/>
    /// (false without a client type), read from its packed facts; codes that do not pack are asked as text.
    /// </summary>
    internal bool Integrates(RegistrationData data)
    {
        ref readonly var facts = ref data.Facts;
        if (facts.ClientType == PackedText.Absent)
            return false;
        if (facts.ClientType == PackedText.Unpackable || facts.AccountType == PackedText.Unpackable)
            return Integrates(data.ClientType!.Value, data.AccountType);
        return facts.AccountType == PackedText.Absent
            ? _packedIntegrating.Contains(facts.ClientType)
            : _packedIntegratingPairs.Contains((facts.ClientType, facts.AccountType));
    }

    /// <summary>True when the client type of <paramref name="data"/> is configured and waives the CPF/CNPJ.</summary>
    internal bool WaivesTaxId(RegistrationData data) => data.Facts.ClientType switch
    {
        PackedText.Absent => false,
        PackedText.Unpackable => ClientType(data.ClientType!.Value) is { RequiresTaxId: false },
        var clientType => _packedWithoutTaxId.Contains(clientType),
    };
}
