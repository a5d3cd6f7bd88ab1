using Crm.Adapters.Protheus;
using Crm.Adapters.Testing;
using Crm.Domain.Accounts.ErpLink;
using Crm.Domain.Accounts.Registration;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using NodaTime;

namespace Crm.Adapters.Tests.Protheus;

/// <summary>SA1 domains, the A1_MSBLQL status mapping, credit and the fake Protheus.</summary>
public sealed class ProtheusAdapterTests
{
    private static readonly ProtheusAdapter Adapter = new(new ProtheusOptions { CompanyId = "T1", BranchId = "D MG 01" });

    [Property]
    public Property A1_msblql_and_register_situation_map_both_ways() =>
        Prop.ForAll(Gen.Elements(ErpSituation.Active, ErpSituation.Inactive).ToArbitrary(), situation =>
            Sa1.SituationOf(Sa1.MsblqlOf(Sa1.RegisterSituation(Sa1.Msblql(situation)))) == situation);

    [Theory]
    [InlineData(ErpSituation.Active, '2', "1")]
    [InlineData(ErpSituation.Inactive, '1', "2")]
    [InlineData(ErpSituation.NotIntegrated, '2', "1")]
    public void Situations_map_to_the_documented_codes(ErpSituation situation, char msblql, string registerSituation)
    {
        Assert.Equal(msblql, Sa1.Msblql(situation));
        Assert.Equal(registerSituation, Sa1.RegisterSituation(msblql));
    }

    [Fact]
    public void A1_tipo_comes_from_the_custom_field_or_the_default_and_a1_pessoa_from_the_person_kind()
    {
        var reseller = Adapter.ToPayload(Samples.Register(Samples.Company() with { CustomFields = [new CustomField("A1_TIPO", "R")] }));
        var plain = Adapter.ToPayload(Samples.Register(Samples.Company()));
        var person = Adapter.ToPayload(Samples.Register(Samples.Company() with
        {
            Kind = PersonKind.Fisica, TaxId = Samples.Cpf, StateRegistration = null, ClientGroup = "30", ShortName = "JOSE",
        }));

        Assert.Equal(("R", "F"), (reseller.StrategicCustomerType, plain.StrategicCustomerType));
        Assert.Equal(("2", "1"), (plain.EntityType, person.EntityType));
        Assert.Equal("CPF", Assert.Single(person.GovernmentalInformation!, d => d.Scope == "Federal").Name);
    }

    [Fact]
    public void The_main_address_carries_a1_cod_mun_and_the_delivery_and_billing_addresses_their_own_sizes()
    {
        var payload = Adapter.ToPayload(Samples.Register(Samples.LongTexts()));

        Assert.Equal("47304", payload.Address!.City!.CityCode);
        Assert.Equal("Avenida Engenheiro Luís Carlos Berrini Extensão Norte do Complexo Empresarial Ja", payload.Address.Address); // A1_END 80
        Assert.Equal("Santana de Parn", payload.ShippingAddress!.City!.CityDescription);
        Assert.Equal("Distrito Industrial", payload.ShippingAddress.District); // A1_BAIRROE 20, trimmed
        Assert.Equal("Rua Professor Doutor Antônio de Almeida", payload.BillingInformation!.Address!.Address); // A1_ENDCOB 40, trimmed
    }

    [Theory]
    [InlineData("SP", "50308", "3550308")]
    [InlineData("RJ", "04557", "3304557")]
    [InlineData("MG", "06200", "3106200")]
    [InlineData("SP", "1234", null)]
    [InlineData("XX", "50308", null)]
    public void A1_cod_mun_becomes_the_ibge_code_again_with_the_state(string uf, string cityCode, string? ibge) =>
        Assert.Equal(ibge, ProtheusAdapter.IbgeCode(uf, cityCode));

    [Fact]
    public void An_integrated_customer_keeps_a1_cod_and_a1_loja_and_its_internal_id()
    {
        var payload = Adapter.ToPayload(Samples.Register(Samples.Company()).Integrated("00012302", ErpSituation.Inactive));

        Assert.Equal(("000123", "02", "T1|D MG 01|000123|02|C", "2"), (payload.Code, payload.StoreId, payload.InternalId, payload.RegisterSituation));
    }

    [Fact]
    public void Available_credit_is_the_limit_less_open_titles_and_released_orders_until_it_expires()
    {
        var credit = ProtheusAdapter.CreditOf(new ProtheusCustomer
        {
            CreditInformation = new ProtheusCreditInformation { CreditLimit = 50_000m, CreditLimitCurrency = 1, CreditLimitDate = "2026-12-31" },
        })!;

        Assert.Equal(32_500m, credit.Available(openTitles: 12_000m, releasedOrders: 5_500m, TestAccounts.Today));
        Assert.Equal(0m, credit.Available(0m, 0m, new LocalDate(2027, 1, 1)));
        Assert.Null(ProtheusAdapter.CreditOf(new ProtheusCustomer()));
        Assert.Throws<FormatException>(() => ProtheusAdapter.CreditOf(new ProtheusCustomer
        {
            CreditInformation = new ProtheusCreditInformation { CreditLimit = 100_000_000_000m },
        }));
    }

    [Fact]
    public async Task Protheus_numbers_the_customer_keeps_a_block_and_reads_it_back_as_inactive()
    {
        var protheus = ProtheusFakes.Seeded();
        var account = Samples.Register(Samples.Company());
        var code = (await protheus.SendAsync(Adapter.Prepare(account))).AsT0.ErpCode;

        protheus.Block(code);
        await protheus.SendAsync(Adapter.Prepare(account.Integrated(code)));
        var read = protheus.Read(code);

        Assert.Equal("00000101", code);
        Assert.Equal('1', protheus.Sa1["D MG 01" + "000001" + "01"].Msblql);
        Assert.Equal(ErpSituation.Inactive, Adapter.ReadState(read, TestAccounts.Today).Situation);
    }

    [Fact]
    public async Task Protheus_refuses_codes_missing_from_its_tables_all_at_once()
    {
        var protheus = new Crm.Adapters.Testing.Fakes.FakeProtheus();

        var result = await protheus.SendAsync(Adapter.Prepare(Samples.Register(Samples.Company())));

        Assert.Equal(["protheus.sa1.a1_cond", "protheus.sa1.a1_tabela", "protheus.sa1.a1_transp", "protheus.sa1.a1_vend"],
            result.AsT1.Problems.Select(p => p.Code).Order(StringComparer.Ordinal));
    }
}
