using Crm.Domain.Access;
using Crm.Domain.Accounts.Configuration;
using Crm.Domain.Accounts.Registration;
using Crm.Domain.Funnel.Opportunities;
using Crm.Sdk.Tests.Infrastructure;
using static Crm.Sdk.Tests.Infrastructure.TestHost;

namespace Crm.Sdk.Tests;

/// <summary>Settings saved through the engine are stored and drive the registrations; only Settings › Edit changes them.</summary>
public sealed class SettingsTests
{
    [Theory, SqliteData, PostgresData]
    public async Task Mandatory_fields_saved_by_the_diretor_apply_to_the_next_registration(string provider)
    {
        await using var host = await Create(provider);
        Ok(await host.As(host.Diretor).Settings.SaveMandatoryFieldsAsync(RegistrationKind.Account, [RegistrationField.TradeName]));

        var refused = await host.As(host.Usuario).Accounts.RegisterAsync(Forms.Company(40) with { TradeName = null });
        var lead = await host.As(host.Usuario).Leads.RegisterAsync(Forms.Company(41) with { TradeName = null });

        Assert.Contains(Assert.IsType<Crm.Domain.Problems.Invalid>(refused.Value).Problems, p => p.Field == "trade_name");
        Assert.True(lead.Succeeded);
        Assert.Contains(RegistrationField.TradeName, Ok(await host.As(host.Coordenador).Settings.AccountsAsync()).AccountMandatory);
    }

    [Theory, SqliteData, PostgresData]
    public async Task Client_types_and_groups_are_stored_and_checked_on_registration(string provider)
    {
        await using var host = await Create(provider);
        var settings = host.As(host.Diretor).Settings;
        var revenda = MasterDataCode.Of("REV");
        var cliente = MasterDataCode.Of("CLI");
        Ok(await settings.SaveClientTypesAsync(new ClientTypeMapping(
            [new ClientType(revenda, "Revenda")], [new AccountType(cliente, "Cliente", IntegratesWithErp: true)], [(revenda, cliente)])));
        Ok(await settings.SaveClientGroupsAsync([new ClientGroup(MasterDataCode.Of("G1"), "Grupo 1", PersonKind.Juridica, true, new RegistrationDefaults())]));

        var stored = Ok(await settings.AccountsAsync());
        var unknown = await host.As(host.Usuario).Accounts.RegisterAsync(Forms.Company(42) with { ClientType = "XYZ" });
        var known = await host.As(host.Usuario).Accounts.RegisterAsync(Forms.Company(43) with { ClientType = "REV", AccountType = "CLI", ClientGroup = "G1" });

        Assert.True(stored.ClientTypes.Integrates(revenda, cliente));
        Assert.Single(stored.ClientGroups);
        Assert.IsType<Crm.Domain.Problems.Invalid>(unknown.Value);
        Assert.True(known.Succeeded, string.Join("\n", known.Problems));
    }

    [Theory, SqliteData, PostgresData]
    public async Task A_usuario_cannot_read_settings_and_a_coordenador_cannot_change_them(string provider)
    {
        await using var host = await Create(provider);

        var read = await host.As(host.Usuario).Settings.OpportunitiesAsync();
        var save = await host.As(host.Coordenador).Settings.SaveOpportunitiesAsync(OpportunitySettings.Default with { ForeignCurrency = true });

        Assert.Equal((Module.Settings, Permission.Access | Permission.View), (Assert.IsType<Denied>(read.Value).Module, Assert.IsType<Denied>(read.Value).Action));
        Assert.Equal(Permission.Access | Permission.Edit, Assert.IsType<Denied>(save.Value).Action);
        Assert.False(Ok(await host.As(host.Diretor).Settings.OpportunitiesAsync()).ForeignCurrency);
    }

    [Theory, SqliteData, PostgresData]
    public async Task Opportunity_settings_round_trip(string provider)
    {
        await using var host = await Create(provider);
        var wanted = new OpportunitySettings(new HashSet<OpportunityField> { OpportunityField.ExpectedClose }, QuantitativeGoals: true);

        Ok(await host.As(host.Diretor).Settings.SaveOpportunitiesAsync(wanted));

        var stored = Ok(await host.As(host.Diretor).Settings.OpportunitiesAsync());
        Assert.True(stored.QuantitativeGoals);
        Assert.Equal(wanted.MandatoryFields, stored.MandatoryFields);
    }
}
