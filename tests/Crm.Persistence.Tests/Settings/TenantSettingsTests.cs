using Crm.Domain.Accounts.Configuration;
using Crm.Domain.Accounts.Registration;
using Crm.Domain.Funnel.Opportunities;
using Crm.Domain.Identity;
using Crm.Persistence.Concurrency;
using Crm.Persistence.Settings;
using Crm.Persistence.Tests.Infrastructure;
using FsCheck;
using FsCheck.Fluent;
using Microsoft.EntityFrameworkCore;

namespace Crm.Persistence.Tests.Settings;

public sealed class TenantSettingsTests
{
    private static readonly MasterDataCode Revenda = MasterDataCode.Of("REV"), Final = MasterDataCode.Of("FINAL"),
        Cliente = MasterDataCode.Of("CLI"), Prospect = MasterDataCode.Of("PROSP");

    internal static AccountSettings Full() => new(
        leadMandatory: [RegistrationField.TradeName],
        accountMandatory: [RegistrationField.ShortName, RegistrationField.ClientGroup],
        considerErpMandatoryFields: true,
        erp: new ErpFieldRequirements("Datasul", [RegistrationField.ShortName, RegistrationField.Representative],
            new Dictionary<RegistrationField, int> { [RegistrationField.ShortName] = 12 }),
        clientTypes: new ClientTypeMapping(
            [new ClientType(Revenda, "Revenda"), new ClientType(Final, "Consumidor final", RequiresTaxId: false)],
            [new AccountType(Cliente, "Cliente", IntegratesWithErp: true), new AccountType(Prospect, "Prospect", IntegratesWithErp: false)],
            [(Revenda, Cliente), (Revenda, Prospect), (Final, Prospect)]),
        clientGroups:
        [
            new ClientGroup(MasterDataCode.Of("G1"), "Atacado PJ", PersonKind.Juridica, IntegratedWithErp: true,
                new RegistrationDefaults(ClientType: Revenda, AccountType: Cliente, PriceTable: MasterDataCode.Of("T1"))),
            new ClientGroup(MasterDataCode.Of("G2"), "Varejo PF", PersonKind.Fisica, IntegratedWithErp: false, new RegistrationDefaults()),
        ]);

    [Theory, SqliteData, PostgresData]
    public async Task A_tenant_without_stored_settings_reads_the_defaults_and_reading_writes_nothing(string provider)
    {
        await using var db = await TestDatabase.Create(provider);
        await using var session = db.Open(new TenantId(Guid.NewGuid()));

        Assert.Same(AccountSettings.Default, await session.Settings.AccountsAsync());
        Assert.Same(OpportunitySettings.Default, await session.Settings.OpportunitiesAsync());
        Assert.Equal(0, (await session.SaveAsync()).AsT0.Changes);
        Assert.Equal(0, await session.Set<StoredSettings>().IgnoreQueryFilters().CountAsync());
    }

    [Theory, SqliteData, PostgresData]
    public async Task Stored_settings_read_back_with_every_part_and_answer_as_the_originals(string provider)
    {
        await using var db = await TestDatabase.Create(provider);
        var tenant = new TenantId(Guid.NewGuid());
        var opportunities = new OpportunitySettings(new HashSet<OpportunityField> { OpportunityField.Value, OpportunityField.Source },
            QuantitativeGoals: true, ForeignCurrency: true, BaseCurrency: "USD");
        await using (var write = db.Open(tenant))
        {
            await write.Settings.SetAccountsAsync(Full());
            await write.Settings.SetOpportunitiesAsync(opportunities);
            Assert.Equal(2, (await write.SaveAsync()).AsT0.Changes);
        }

        await using var read = db.Open(tenant);
        var back = await read.Settings.AccountsAsync();
        Assert.Equal(SettingsDocuments.Write(Full()), SettingsDocuments.Write(back));
        Assert.Equal([RegistrationField.ShortName, RegistrationField.ClientGroup], back.AccountMandatory.Order());
        Assert.Equal(12, back.ErpRequirementsFor(Revenda, Cliente)!.MaxLengths[RegistrationField.ShortName]);
        Assert.Null(back.ErpRequirementsFor(Final, Prospect));
        Assert.True(back.ClientTypes.IsMapped(Final, Prospect));
        Assert.False(back.ClientTypes.ClientType(Final)!.RequiresTaxId);
        Assert.Equal(MasterDataCode.Of("T1"), back.ClientGroups[MasterDataCode.Of("G1")].Defaults.PriceTable);
        var opportunitiesBack = await read.Settings.OpportunitiesAsync();
        Assert.Equal((true, true, "USD"), (opportunitiesBack.QuantitativeGoals, opportunitiesBack.ForeignCurrency, opportunitiesBack.BaseCurrency));
        Assert.Equal([OpportunityField.Value, OpportunityField.Source], opportunitiesBack.MandatoryFields.Order());
        await using var other = db.Open(new TenantId(Guid.NewGuid()));
        Assert.Same(AccountSettings.Default, await other.Settings.AccountsAsync());
    }

    [Theory, SqliteData, PostgresData]
    public async Task Any_settings_read_back_as_they_were_written(string provider)
    {
        await using var db = await TestDatabase.Create(provider);
        Check.One(Config.QuickThrowOnFailure.WithMaxTest(20), Prop.ForAll(RandomSettings().ToArbitrary(), settings =>
        {
            var tenant = new TenantId(Guid.NewGuid());
            using (var write = db.Open(tenant))
            {
                write.Settings.SetAccountsAsync(settings).GetAwaiter().GetResult();
                Assert.True(write.SaveAsync().GetAwaiter().GetResult().IsSaved);
            }
            using var read = db.Open(tenant);
            return SettingsDocuments.Write(read.Settings.AccountsAsync().GetAwaiter().GetResult()) == SettingsDocuments.Write(settings);
        }));
    }

    [Theory, SqliteData, PostgresData]
    public async Task Settings_saved_by_someone_else_since_they_were_read_are_a_conflict_and_changing_them_again_saves(string provider)
    {
        await using var db = await TestDatabase.Create(provider);
        var tenant = new TenantId(Guid.NewGuid());
        await StoreFull(db, tenant);
        await using var mine = db.Open(tenant);
        await using var theirs = db.Open(tenant);
        await mine.Settings.AccountsAsync();
        await theirs.Settings.SetAccountsAsync(AccountSettings.Default);
        Assert.True((await theirs.SaveAsync()).IsSaved);

        await mine.Settings.SetAccountsAsync(new AccountSettings(considerErpMandatoryFields: true));
        Assert.IsType<Conflict>((await mine.SaveAsync()).Value);

        await using var again = db.Open(tenant);
        Assert.Empty((await again.Settings.AccountsAsync()).AccountMandatory);
        await again.Settings.SetAccountsAsync(new AccountSettings(considerErpMandatoryFields: true));
        Assert.True((await again.SaveAsync()).IsSaved);
        await using var read = db.Open(tenant);
        Assert.True((await read.Settings.AccountsAsync()).ConsiderErpMandatoryFields);
    }

    [Theory, SqliteData, PostgresData]
    public async Task Settings_and_an_account_staged_in_one_unit_of_work_are_written_together(string provider)
    {
        await using var db = await TestDatabase.Create(provider);
        var tenant = new TenantId(Guid.NewGuid());
        await using (var write = db.Open(tenant))
        {
            await write.Settings.SetOpportunitiesAsync(new OpportunitySettings(new HashSet<OpportunityField>(), BaseCurrency: "EUR"));
            write.Accounts.Add(Records.Account(tenant, 1));
            Assert.True((await write.SaveAsync()).IsSaved);
        }
        await using var read = db.Open(tenant);
        Assert.Equal("EUR", (await read.Settings.OpportunitiesAsync()).BaseCurrency);
        Assert.Equal(1, await read.Accounts.CountAsync());
    }

    [Theory, SqliteData, PostgresData]
    public async Task Stored_settings_that_the_domain_no_longer_accepts_fail_loudly(string provider)
    {
        await using var db = await TestDatabase.Create(provider);
        var tenant = new TenantId(Guid.NewGuid());
        await StoreFull(db, tenant);
        await using var edit = db.Open(tenant);
        var row = await edit.Set<StoredSettings>().SingleAsync();
        row.Document = row.Document.Replace("\"AccountType\":\"PROSP\"", "\"AccountType\":\"NOPE\"", StringComparison.Ordinal);
        Assert.True((await edit.SaveAsync()).IsSaved);

        await using var read = db.Open(tenant);
        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => read.Settings.AccountsAsync());
        Assert.Contains("NOPE", error.Message, StringComparison.Ordinal);
    }

    private static async Task StoreFull(TestDatabase db, TenantId tenant)
    {
        await using var write = db.Open(tenant);
        await write.Settings.SetAccountsAsync(Full());
        Assert.True((await write.SaveAsync()).IsSaved);
    }

    private static Gen<AccountSettings> RandomSettings()
    {
        var fields = Gen.SubListOf(Enum.GetValues<RegistrationField>());
        var code = Gen.OneOf(Gen.Constant<MasterDataCode?>(null), Gen.Elements("A", "B", "C").Select(c => (MasterDataCode?)MasterDataCode.Of(c)));
        var erp = Gen.OneOf(Gen.Constant<ErpFieldRequirements?>(null),
            from required in fields
            from length in Gen.Choose(1, 60)
            select (ErpFieldRequirements?)new ErpFieldRequirements("Protheus", required, required.ToDictionary(f => f, _ => length)));
        var mapping =
            from clientCodes in Gen.SubListOf(new[] { "A", "B", "C" })
            from accountCodes in Gen.SubListOf(new[] { "C", "D" })
            from chosen in Gen.Choose(0, (1 << 6) - 1)
            let clients = clientCodes.Select(c => new ClientType(MasterDataCode.Of(c), "Tipo " + c, c != "B")).ToList()
            let accounts = accountCodes.Select(a => new AccountType(MasterDataCode.Of(a), "Conta " + a, a == "C")).ToList()
            select new ClientTypeMapping(clients, accounts,
                clients.SelectMany(c => accounts.Select(a => (c.Code, a.Code))).Where((_, i) => (chosen & (1 << i)) != 0));
        var clientGroup =
            from name in Gen.Elements("G1", "G2", "G3")
            from kind in Gen.Elements(Enum.GetValues<PersonKind>())
            from integrated in Gen.Elements(true, false)
            from defaults in code
            select new ClientGroup(MasterDataCode.Of(name), "Grupo " + name, kind, integrated,
                new RegistrationDefaults(ClientType: defaults, Carrier: defaults));
        return
            from lead in fields
            from account in fields
            from consider in Gen.Elements(true, false)
            from requirements in erp
            from types in mapping
            from groups in clientGroup.ListOf()
            select new AccountSettings(lead, account, consider, requirements, types, groups.DistinctBy(g => g.Code));
    }
}
