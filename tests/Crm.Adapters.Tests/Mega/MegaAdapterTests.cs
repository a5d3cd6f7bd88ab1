using Crm.Adapters.Mega;
using Crm.Adapters.Mega.SeniorX;
using Crm.Adapters.Testing;
using Crm.Domain.Accounts.Configuration;
using Crm.Domain.Accounts.ErpLink;
using Crm.Domain.Accounts.Registration;
using Crm.Domain.Integration;
using Crm.Domain.Integration.Eligibility;

namespace Crm.Adapters.Tests.Mega;

/// <summary>Senior X routes and key login, the initial load and its sync filters.</summary>
public sealed class MegaAdapterTests
{
    private static readonly MegaAdapter Adapter = new();

    [Fact]
    public void Routes_follow_the_senior_x_pattern()
    {
        var platform = new Uri("https://platform.senior.com.br/");

        Assert.Equal("https://platform.senior.com.br/t/senior.com.br/bridge/1.0/anonymous/rest/platform/authentication/actions/loginWithKey",
            SeniorXRoute.LoginWithKey(platform).AbsoluteUri);
        Assert.Equal("https://platform.senior.com.br/t/senior.com.br/bridge/1.0/rest/crm/account/entities/account",
            SeniorXRoute.Of(platform, "crm", "account", PrimitiveKind.Entities, "account").AbsoluteUri);
    }

    [Fact]
    public async Task Every_send_logs_in_with_the_application_key_then_calls_integration_mega()
    {
        var platform = SeniorXFakes.Platform();

        var result = await platform.SendAsync(Adapter.Prepare(Samples.Register(Samples.Company())));

        Assert.True(result.IsT0);
        Assert.Equal(
            ["anonymous/rest/platform/authentication/actions/loginWithKey", "rest/crm/integration_mega/actions/upsertAgent"],
            platform.Requests.Select(u => u.AbsoluteUri.Split("/bridge/1.0/")[1]));
    }

    [Fact]
    public async Task A_wrong_key_is_refused_without_quoting_it()
    {
        var platform = SeniorXFakes.Platform(SeniorXFakes.Options(secret: "segredo-errado-999"));

        var result = await platform.SendAsync(Adapter.Prepare(Samples.Register(Samples.Company())));

        var problem = Assert.Single(result.AsT1.Problems);
        Assert.Equal("platform.authentication.invalid_key", problem.Code);
        Assert.DoesNotContain("segredo-errado-999", problem.Message, StringComparison.Ordinal);
        Assert.Equal(0, platform.Applied);
    }

    [Fact]
    public async Task The_initial_load_takes_active_customers_receivable_active_conditions_and_active_tables()
    {
        var platform = SeniorXFakes.Platform();
        await platform.SendAsync(Adapter.Prepare(Samples.Register(Samples.Company())));
        var second = (await platform.SendAsync(Adapter.Prepare(Samples.Register(Samples.Company() with { ShortName = "PADSJ2", LegalName = "Padaria Filial Ltda" })))).AsT0.ErpCode;
        platform.Deactivate(second);
        platform.Companies = [new MegaCompany("1", "Padaria São João"), new MegaCompany("2", "Confeitaria")];
        platform.Branches = [new MegaBranch("1", "1", "Matriz"), new MegaBranch("2", "1", "Filial"), new MegaBranch("9", "1", "Órfã")];
        platform.Representatives = [new MegaRepresentative("7", "Sul", Active: true), new MegaRepresentative("8", "Antigo", Active: false)];
        platform.PaymentConditions =
        [
            new MegaPaymentCondition("15", "30 dias", Receivable: true, Active: true), new MegaPaymentCondition("60", "Fornecedor", Receivable: false, Active: true),
            new MegaPaymentCondition("28", "28 dias", Receivable: true, Active: false),
        ];
        platform.PriceTables = [new MegaPriceTable("TB1", "2026", Active: true), new MegaPriceTable("TB9", "2019", Active: false)];
        platform.Add(new MegaAgent { AgentType = "Fornecedor", Name = "Moinho Ltda" });
        var export = platform.Export();

        var load = MegaInitialLoad.Take(export, Adapter);

        Assert.Equal(2, load.Companies.Count);
        Assert.Equal(["Matriz", "Filial"], load.Branches.Select(b => b.Name));
        var customer = Assert.Single(load.Customers);
        Assert.Equal("Padaria São João Ltda", customer.Form.LegalName);
        Assert.True(RegistrationRules.Validate(customer.Form, new RegistrationContext(Samples.Registration, RegistrationKind.Account)).IsValid);
        Assert.Equal(["15"], load.MasterData.All(MasterDataKind.PaymentCondition).Select(p => p.Code.Value));
        Assert.Equal(["TB1"], load.MasterData.All(MasterDataKind.PriceTable).Select(p => p.Code.Value));
        Assert.Equal(["7"], load.MasterData.All(MasterDataKind.Representative).Select(p => p.Code.Value));
    }

    [Fact]
    public void The_agent_carries_its_phones_by_kind_and_its_commercial_definition()
    {
        var agent = Adapter.ToPayload(Samples.Register(Samples.Company() with
        {
            Phones = [new PhoneForm(PhoneType.TelefoneErp1, "(11) 98765-1234"), new PhoneForm(PhoneType.FaxErp2, "(11) 3456-7891"), new PhoneForm(PhoneType.Other, "(11) 3000-0000")],
        }));

        Assert.Equal([(2, true), (3, false)], agent.Phones!.Select(p => (p.Type, p.Main)));
        Assert.Equal(("7", "15", "TB1", "3"), (agent.Definition!.Representative, agent.Definition.PaymentTerm, agent.Definition.PriceTable, agent.Definition.Carrier));
        Assert.Equal(("J", "11222333000181", true), (agent.PersonType, agent.Cnpj, agent.Active));
    }

    [Fact]
    public void Gestao_de_planos_is_not_a_mega_capability()
    {
        Assert.False(Adapter.Descriptor.Can(ErpCapabilities.GestaoDePlanos));
        Assert.True(Adapter.Descriptor.Can(ErpCapabilities.InitialLoad));
        Assert.Equal(["integration.gp_unsupported"],
            Adapter.Evaluate(Samples.Register(Samples.Company()), Samples.Context with { System = IntegrationSystem.Gp }).Problems.Select(p => p.Code));
    }
}
