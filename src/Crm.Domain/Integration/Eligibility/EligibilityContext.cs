using Crm.Domain.Accounts.Configuration;
using Crm.Domain.Accounts.Integration;

namespace Crm.Domain.Integration.Eligibility;

/// <summary>
/// What eligibility rules read besides the account: the tenant's settings (client type × account type mapping, client
/// groups and whether each is integrated), the master data the ERP knows, who holds each short name, and which system
/// (ERP or <i>Gestão de Planos</i>) the account would be sent to. The settings are indexed by packed code once, here, so that
/// evaluating each account reads no string.
/// </summary>
/// <param name="Settings">The tenant's registration settings.</param>
/// <param name="MasterData">Representatives, carriers, portadores, payment conditions and price tables the ERP knows.</param>
/// <param name="ShortNames">Who holds each short name among the tenant's leads and accounts.</param>
/// <param name="System">The destination: the ERP, or GP.</param>
public sealed record EligibilityContext(
    AccountSettings Settings,
    IntegratedMasterData MasterData,
    IShortNameDirectory ShortNames,
    IntegrationSystem System = IntegrationSystem.Erp)
{
    private readonly AccountSettings _settings = Settings ?? throw new ArgumentNullException(nameof(Settings));

    /// <summary>The tenant's registration settings.</summary>
    public AccountSettings Settings
    {
        get => _settings;
        init
        {
            _settings = value ?? throw new ArgumentNullException(nameof(value));
            Index = new SettingsIndex(value);
        }
    }

    /// <summary>The settings, indexed by packed code (rebuilt when a copy changes <see cref="Settings"/>).</summary>
    internal SettingsIndex Index { get; private init; } = new(Settings);

    /// <summary>Equal when the settings, master data, short names and destination are.</summary>
    public bool Equals(EligibilityContext? other) =>
        other is not null && Equals(Settings, other.Settings) && Equals(MasterData, other.MasterData)
        && Equals(ShortNames, other.ShortNames) && System == other.System;

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(Settings, MasterData, ShortNames, System);
}
