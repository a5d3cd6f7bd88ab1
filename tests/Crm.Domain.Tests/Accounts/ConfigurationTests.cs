using Crm.Domain.Accounts.Configuration;
using Crm.Domain.Accounts.Registration;

namespace Crm.Domain.Tests.Accounts;

public class ConfigurationTests
{
    private static readonly MasterDataCode Revenda = MasterDataCode.Of("REVENDA");
    private static readonly MasterDataCode Consumidor = MasterDataCode.Of("CONSUMIDOR");
    private static readonly MasterDataCode Cliente = MasterDataCode.Of("CLIENTE");
    private static readonly MasterDataCode Prospect = MasterDataCode.Of("PROSPECT");

    // Revenda integrates as a Cliente; Consumidor is only ever a Prospect, which stays in the CRM.
    internal static ClientTypeMapping Mapping() => new(
        [new ClientType(Revenda, "Revenda"), new ClientType(Consumidor, "Consumidor final")],
        [new AccountType(Cliente, "Cliente", IntegratesWithErp: true), new AccountType(Prospect, "Prospect", IntegratesWithErp: false)],
        [(Revenda, Cliente), (Revenda, Prospect), (Consumidor, Prospect)]);

    // Datasul emitente required fields (ERP.md §1.2, TTALK CustomerPublic_1_000.json) and seed 000's integration rules.
    internal static ErpFieldRequirements Datasul() => new("Datasul",
        [RegistrationField.ShortName, RegistrationField.LegalName, RegistrationField.CorrespondenceAddress, RegistrationField.BillingAddress,
         RegistrationField.DeliveryAddress, RegistrationField.ClientGroup, RegistrationField.Representative, RegistrationField.Carrier,
         RegistrationField.Portador, RegistrationField.PaymentCondition],
        new Dictionary<RegistrationField, int> { [RegistrationField.ShortName] = 12, [RegistrationField.LegalName] = 60 });

    [Fact]
    public void A_client_type_integrates_when_mapped_to_an_integrating_account_type()
    {
        var mapping = Mapping();

        Assert.True(mapping.Integrates(Revenda));
        Assert.True(mapping.Integrates(Revenda, Cliente));
        Assert.False(mapping.Integrates(Revenda, Prospect));
        Assert.False(mapping.Integrates(Consumidor));
        Assert.False(mapping.Integrates(MasterDataCode.Of("OUTRO")));
    }

    [Fact]
    public void A_mapping_cannot_name_an_unknown_type() =>
        Assert.Throws<ArgumentException>(() => new ClientTypeMapping([], [new AccountType(Cliente, "Cliente", true)], [(Revenda, Cliente)]));

    [Fact]
    public void Unknown_and_unmapped_types_are_refused_once_types_are_configured()
    {
        var context = Samples.AccountContext(new AccountSettings(clientTypes: Mapping()));

        var codes = RegistrationRules.Validate(Samples.Company() with { ClientType = "XX", AccountType = "YY" }, context).Problems.Select(p => p.Code);
        var unmapped = RegistrationRules.Validate(Samples.Company() with { ClientType = "CONSUMIDOR", AccountType = "CLIENTE" }, context);

        Assert.Equal(["account.account_type.unknown", "account.client_type.unknown"], codes.Order());
        Assert.Equal("account.account_type.not_mapped", Assert.Single(unmapped.Problems).Code);
        Assert.True(RegistrationRules.Validate(Samples.Company() with { ClientType = "XX" }, Samples.AccountContext()).IsValid);
    }

    [Fact]
    public void A_client_group_fills_the_blanks_and_keeps_what_was_typed()
    {
        var group = new ClientGroup(MasterDataCode.Of("PJ-VAREJO"), "Varejo PJ", PersonKind.Juridica, IntegratedWithErp: true,
            new RegistrationDefaults(Representative: MasterDataCode.Of("REP1"), Carrier: MasterDataCode.Of("TRANSP9"),
                PaymentCondition: MasterDataCode.Of("30DD"), PriceTable: MasterDataCode.Of("TAB1")));
        var context = Samples.AccountContext(new AccountSettings(clientGroups: [group]));

        var data = Samples.Valid(Samples.Company() with { ClientGroup = "pj-varejo", PaymentCondition = "AVISTA" }, context).Data;

        Assert.Equal(("REP1", "TRANSP9", "AVISTA", "TAB1"),
            (data.Representative?.Value, data.Carrier?.Value, data.PaymentCondition?.Value, data.PriceTable?.Value));
        Assert.Equal("TRANSP9", Samples.Company().WithDefaultsOf(group).Carrier);
    }

    [Fact]
    public void A_client_group_is_for_one_person_kind_and_must_exist()
    {
        var group = new ClientGroup(MasterDataCode.Of("PF"), "Pessoas físicas", PersonKind.Fisica, true, new RegistrationDefaults());
        var context = Samples.AccountContext(new AccountSettings(clientGroups: [group]));

        Assert.Equal("account.client_group.person_kind",
            Assert.Single(RegistrationRules.Validate(Samples.Company() with { ClientGroup = "PF" }, context).Problems).Code);
        Assert.Equal("account.client_group.unknown",
            Assert.Single(RegistrationRules.Validate(Samples.Company() with { ClientGroup = "PJ" }, context).Problems).Code);
        Assert.True(group.Accepts(PersonKind.Estrangeiro));
    }

    [Fact]
    public void The_tenant_makes_more_fields_mandatory_for_accounts()
    {
        var settings = new AccountSettings(accountMandatory: [RegistrationField.Cnae, RegistrationField.Portfolio, RegistrationField.ResponsiblePerson]);

        var codes = RegistrationRules.Validate(Samples.Company(), Samples.AccountContext(settings)).Problems.Select(p => p.Code);

        Assert.Equal(["account.cnae.required", "account.portfolio.required", "account.responsible_people.required"], codes.Order());
    }

    [Fact]
    public void With_the_parameter_on_an_integrating_client_type_must_fill_every_erp_field_named_at_once()
    {
        var settings = new AccountSettings(considerErpMandatoryFields: true, erp: Datasul(), clientTypes: Mapping());
        var form = Samples.Company() with { ClientType = "REVENDA", AccountType = "CLIENTE", ShortName = "PADARIA-SAO-JOAO" };

        var problems = RegistrationRules.Validate(form, Samples.AccountContext(settings)).Problems;

        Assert.Equal(["account.carrier.required_by_erp", "account.client_group.required_by_erp", "account.payment_condition.required_by_erp",
                      "account.portador.required_by_erp", "account.representative.required_by_erp", "account.short_name.too_long_for_erp"],
            problems.Select(p => p.Code).Order());
        Assert.Contains(problems, p => p.Message == "Transportadora é obrigatório para integração com o ERP Datasul.");
    }

    [Fact]
    public void Erp_fields_are_not_required_when_the_parameter_is_off_the_type_does_not_integrate_or_a_lead_is_saved()
    {
        var on = new AccountSettings(considerErpMandatoryFields: true, erp: Datasul(), clientTypes: Mapping());
        var off = new AccountSettings(considerErpMandatoryFields: false, erp: Datasul(), clientTypes: Mapping());
        var integrating = Samples.Company() with { ClientType = "REVENDA", AccountType = "CLIENTE" };

        Assert.True(RegistrationRules.Validate(integrating, Samples.AccountContext(off)).IsValid);
        Assert.True(RegistrationRules.Validate(integrating with { ClientType = "CONSUMIDOR", AccountType = "PROSPECT" }, Samples.AccountContext(on)).IsValid);
        Assert.True(RegistrationRules.Validate(integrating, Samples.LeadContext(on)).IsValid);
        Assert.Null(on.ErpRequirementsFor(null, null));
    }

    [Fact]
    public void Every_registration_field_has_a_distinct_path_and_a_label()
    {
        var fields = Enum.GetValues<RegistrationField>();

        Assert.Equal(fields.Length, fields.Select(f => f.Path()).Distinct().Count());
        Assert.All(fields, f => Assert.False(string.IsNullOrWhiteSpace(f.Label())));
    }
}
