using Crm.Domain.Accounts.Configuration;
using Crm.Domain.Accounts.Registration;

namespace Crm.Domain.Integration.Eligibility;

/// <summary>
/// The answers eligibility asks of a tenant's <see cref="AccountSettings"/> for every account, indexed by packed code
/// (<see cref="RegistrationFacts"/>) so that they read no string. Codes that do not pack are asked of the settings themselves.
/// </summary>
internal sealed class SettingsIndex
{
    private readonly AccountSettings _settings;
    private readonly HashSet<(ulong ClientType, ulong AccountType)> _integratingPairs;
    private readonly HashSet<ulong> _integratingClientTypes;
    private readonly HashSet<ulong> _clientTypesWithoutTaxId;
    private readonly HashSet<ulong> _integratedClientGroups;

    public SettingsIndex(AccountSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        _settings = settings;
        var types = settings.ClientTypes;
        _integratingPairs = [.. types.IntegratingPairs.Select(p => (RegistrationFacts.Pack(p.ClientType), RegistrationFacts.Pack(p.AccountType)))];
        _integratingClientTypes = [.. _integratingPairs.Select(p => p.ClientType)];
        _clientTypesWithoutTaxId = [.. types.ClientTypes.Where(t => !t.RequiresTaxId).Select(t => RegistrationFacts.Pack(t.Code))];
        _integratedClientGroups = [.. settings.ClientGroups.Values.Where(g => g.IntegratedWithErp).Select(g => RegistrationFacts.Pack(g.Code))];
    }

    /// <summary>The client type is mapped to an account type that integrates (<see cref="ClientTypeMapping.Integrates"/>).</summary>
    public bool ClientTypeIntegrates(RegistrationData data)
    {
        ref readonly var facts = ref data.Facts;
        if (facts.ClientType == PackedText.Absent)
            return false;
        if (facts.ClientType == PackedText.Unpackable || facts.AccountType == PackedText.Unpackable)
            return _settings.ClientTypes.Integrates(data.ClientType!.Value, data.AccountType);
        return facts.AccountType == PackedText.Absent
            ? _integratingClientTypes.Contains(facts.ClientType)
            : _integratingPairs.Contains((facts.ClientType, facts.AccountType));
    }

    /// <summary>The client type is configured and waives the CPF/CNPJ.</summary>
    public bool ClientTypeWaivesTaxId(RegistrationData data)
    {
        var clientType = data.Facts.ClientType;
        return clientType == PackedText.Unpackable
            ? _settings.ClientTypes.ClientType(data.ClientType!.Value) is { RequiresTaxId: false }
            : _clientTypesWithoutTaxId.Contains(clientType);
    }

    /// <summary>The client group, when informed, is configured and integrated with the ERP.</summary>
    public bool ClientGroupIntegratedOrAbsent(RegistrationData data)
    {
        var group = data.Facts.ClientGroup;
        return group switch
        {
            PackedText.Absent => true,
            PackedText.Unpackable => _settings.ClientGroups.TryGetValue(data.ClientGroup!.Value, out var g) && g.IntegratedWithErp,
            _ => _integratedClientGroups.Contains(group),
        };
    }
}
