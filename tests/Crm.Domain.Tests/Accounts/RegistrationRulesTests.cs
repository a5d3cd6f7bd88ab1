using Crm.Domain.Accounts.Configuration;
using Crm.Domain.Accounts.Registration;
using Crm.Domain.Identity;
using Crm.Domain.Problems;
using Crm.Domain.Registry;

namespace Crm.Domain.Tests.Accounts;

public class RegistrationRulesTests
{
    private static IReadOnlyList<Problem> Problems(RegistrationForm form, RegistrationContext? context = null) =>
        RegistrationRules.Validate(form, context ?? Samples.AccountContext()).Problems;

    private static IEnumerable<string> Codes(RegistrationForm form, RegistrationContext? context = null) =>
        Problems(form, context).Select(p => p.Code);

    [Fact]
    public void A_complete_company_is_a_valid_account()
    {
        var valid = Samples.Valid(Samples.Company(), Samples.AccountContext());

        Assert.Equal("11222333000181", valid.Data.TaxId!.Digits);
        Assert.Equal(PersonKind.Juridica, valid.Data.TaxId.Kind);
        Assert.Equal(InscricaoEstadualKind.Registered, valid.Data.StateRegistration!.Kind);
        Assert.Equal(Uf.SP, valid.Data.StateRegistration.Uf);
        Assert.Equal("+551134567890", valid.Data.Phones[0].Number.Value);
        Assert.Equal(3, valid.Data.Addresses.Count);
        Assert.Empty(valid.Warnings);
    }

    [Fact]
    public void Every_violation_is_reported_at_once_with_field_code_and_message()
    {
        var form = Samples.Company() with
        {
            LegalName = " ",
            ShortName = null,
            TaxId = "11.222.333/0001-82",
            Emails = [],
            Phones = [new PhoneForm(PhoneType.TelefoneErp1, "123")],
        };

        var problems = Problems(form);

        Assert.Contains(problems, p => p is { Field: "legal_name", Code: "account.legal_name.required" });
        Assert.Contains(problems, p => p is { Field: "short_name", Code: "account.short_name.required" });
        Assert.Contains(problems, p => p is { Field: "emails", Code: "account.emails.required" });
        Assert.Contains(problems, p => p is { Field: "tax_id", Code: RegistryCodes.CheckDigit });
        Assert.Contains(problems, p => p.Field == "phones[0].number");
        Assert.All(problems, p => Assert.False(string.IsNullOrWhiteSpace(p.Message)));
    }

    [Fact]
    public void Legal_name_and_email_are_mandatory_for_leads_too()
    {
        var codes = Codes(Samples.PersonLead() with { LegalName = null, Emails = [] }, Samples.LeadContext());

        Assert.Equal(["lead.emails.required", "lead.legal_name.required"], codes.Order());
    }

    [Fact]
    public void A_lead_needs_neither_short_name_nor_cpf_unless_the_tenant_says_so()
    {
        Assert.True(RegistrationRules.Validate(Samples.PersonLead(), Samples.LeadContext()).IsValid);

        var strict = new AccountSettings(leadMandatory: [RegistrationField.TaxId, RegistrationField.Phone, RegistrationField.Owner]);
        var codes = Codes(Samples.PersonLead() with { Phones = [] }, Samples.LeadContext(strict));

        Assert.Equal(["lead.owner.required", "lead.phones.required", "lead.tax_id.required"], codes.Order());
    }

    [Fact]
    public void An_account_of_a_fisica_needs_a_cpf_and_of_a_juridica_a_cnpj()
    {
        Assert.Contains("account.tax_id.required", Codes(Samples.Company() with { TaxId = null }));
        var person = Samples.PersonLead() with { ShortName = "MSILVA" };
        Assert.Contains("account.tax_id.required", Codes(person));
        Assert.True(RegistrationRules.Validate(person with { TaxId = Samples.Cpf }, Samples.AccountContext()).IsValid);
    }

    [Theory]
    [InlineData(PersonKind.Fisica, Samples.Cnpj)]
    [InlineData(PersonKind.Juridica, Samples.Cpf)]
    public void A_document_of_the_other_person_kind_is_named_as_such(PersonKind kind, string document) =>
        Assert.Contains("account.tax_id.kind_mismatch", Codes(Samples.Company() with { Kind = kind, TaxId = document }));

    [Fact]
    public void A_foreigner_has_no_cpf_or_cnpj_and_needs_none()
    {
        var foreigner = Samples.Company() with
        {
            Kind = PersonKind.Estrangeiro, TaxId = null, StateRegistration = null, ForeignId = "AR-30-71234567-1",
            Addresses = [new AddressForm(AddressKind.Correspondence, "Av. Corrientes", "1234", City: "Buenos Aires", Country: "Argentina")],
        };

        Assert.True(RegistrationRules.Validate(foreigner, Samples.AccountContext(new AccountSettings(accountMandatory: [RegistrationField.TaxId]))).IsValid);
        Assert.Contains("account.tax_id.foreigner", Codes(foreigner with { TaxId = Samples.Cpf }));
    }

    [Fact]
    public void A_client_type_may_waive_the_tax_id()
    {
        var mapping = new ClientTypeMapping(
            [new ClientType(MasterDataCode.Of("CONSUMIDOR"), "Consumidor final", RequiresTaxId: false)],
            [new AccountType(MasterDataCode.Of("CLIENTE"), "Cliente", IntegratesWithErp: false)],
            [(MasterDataCode.Of("CONSUMIDOR"), MasterDataCode.Of("CLIENTE"))]);
        var form = Samples.Company() with { TaxId = null, ClientType = "consumidor", AccountType = "cliente" };

        Assert.True(RegistrationRules.Validate(form, Samples.AccountContext(new AccountSettings(clientTypes: mapping))).IsValid);
    }

    [Fact]
    public void The_short_name_is_unique_per_tenant_through_the_registry_answer()
    {
        var self = new AccountId(Guid.NewGuid());
        var other = new AccountId(Guid.NewGuid());

        var taken = Samples.AccountContext() with { Self = self, ShortNameOwner = other };
        var mine = Samples.AccountContext() with { Self = self, ShortNameOwner = self };

        Assert.Contains("account.short_name.duplicate", Codes(Samples.Company(), taken));
        Assert.True(RegistrationRules.Validate(Samples.Company(), mine).IsValid);
    }

    [Fact]
    public void The_short_name_is_at_most_30_characters_and_compared_without_case()
    {
        Assert.Contains("account.short_name.too_long", Codes(Samples.Company() with { ShortName = new string('X', 31) }));
        Assert.True(ShortName.From(" Padsjoao ")!.Value.SameKeyAs(ShortName.From("PADSJOAO")!.Value));
        Assert.Equal("PADSJOAO", ShortName.From("padsjoao")!.Value.Key);
    }

    [Fact]
    public void Names_longer_than_the_crm_stores_are_refused() =>
        Assert.Contains("account.legal_name.too_long", Codes(Samples.Company() with { LegalName = new string('A', 101) }));

    [Fact]
    public void The_state_registration_is_checked_in_the_uf_of_the_main_address()
    {
        var rio = Samples.Company() with
        {
            Addresses = [new AddressForm(AddressKind.Correspondence, "Rua do Catete", "10", City: "Rio de Janeiro", Uf: "RJ", Cep: "22220-000")],
        };

        Assert.Contains(Problems(rio), p => p.Field == "state_registration" && p.Code.StartsWith("registry.", StringComparison.Ordinal));
        Assert.Contains("account.state_registration.uf_required", Codes(Samples.Company() with { Addresses = [] }));
        Assert.DoesNotContain(Problems(Samples.Company() with { Addresses = [Samples.SaoPaulo(AddressKind.Correspondence) with { Street = null }] }),
            p => p.Field == "state_registration");
    }

    [Fact]
    public void Exempt_and_non_taxpayer_are_distinct_situations_without_a_number()
    {
        var exempt = Samples.Valid(Samples.Company() with { StateRegistration = "isento" }, Samples.AccountContext());
        var nonTaxpayer = Samples.Valid(Samples.Company() with { StateRegistration = null, StateRegistrationKind = InscricaoEstadualKind.NonTaxpayer },
            Samples.AccountContext());

        Assert.Equal(InscricaoEstadualKind.ExemptFromRegistration, exempt.Data.StateRegistration!.Kind);
        Assert.Equal(InscricaoEstadualKind.NonTaxpayer, nonTaxpayer.Data.StateRegistration!.Kind);
        Assert.Null(nonTaxpayer.Data.StateRegistration.Value);
        Assert.Contains("account.state_registration.kind_mismatch",
            Codes(Samples.Company() with { StateRegistrationKind = InscricaoEstadualKind.NonTaxpayer }));
        Assert.Contains("account.state_registration.kind_mismatch",
            Codes(Samples.Company() with { StateRegistration = "ISENTO", StateRegistrationKind = InscricaoEstadualKind.Registered }));
    }

    [Fact]
    public void Addresses_need_street_city_uf_and_cep_in_brazil_and_a_cep_of_their_uf()
    {
        var form = Samples.Company() with
        {
            Addresses =
            [
                new AddressForm(AddressKind.Correspondence, null, City: null, Uf: null, Cep: null),
                Samples.SaoPaulo(AddressKind.Billing) with { Uf = "RJ", Municipality = "3304557" },
                Samples.SaoPaulo(AddressKind.Delivery) with { Uf = "XX" },
            ],
            StateRegistration = null,
        };

        var problems = Problems(form);

        Assert.Contains(problems, p => p is { Field: "addresses[0].street", Code: "account.addresses.street.required" });
        Assert.Contains(problems, p => p is { Field: "addresses[0].city", Code: "account.addresses.city.required" });
        Assert.Contains(problems, p => p is { Field: "addresses[0].uf", Code: "account.addresses.uf.required" });
        Assert.Contains(problems, p => p is { Field: "addresses[0].cep", Code: "account.addresses.cep.required" });
        Assert.Contains(problems, p => p is { Field: "addresses[1].cep", Code: "account.addresses.cep.uf_mismatch" });
        Assert.DoesNotContain(problems, p => p.Field == "addresses[1].municipality");
        Assert.Contains(problems, p => p is { Field: "addresses[2].uf", Code: "account.addresses.uf.invalid" });
    }

    [Fact]
    public void The_ibge_code_must_be_of_the_address_uf() =>
        Assert.Contains("account.addresses.municipality.uf_mismatch",
            Codes(Samples.Company() with { Addresses = [Samples.SaoPaulo(AddressKind.Correspondence) with { Municipality = "3304557" }] }));

    [Fact]
    public void One_correspondence_one_billing_and_exactly_one_default_delivery_address()
    {
        var twoOfEach = Samples.Company() with
        {
            Addresses =
            [
                Samples.SaoPaulo(AddressKind.Correspondence), Samples.SaoPaulo(AddressKind.Correspondence),
                Samples.SaoPaulo(AddressKind.Billing), Samples.SaoPaulo(AddressKind.Billing),
                Samples.SaoPaulo(AddressKind.Delivery), Samples.SaoPaulo(AddressKind.Delivery),
            ],
        };
        var twoDefaults = Samples.Company() with
        {
            Addresses = [Samples.SaoPaulo(AddressKind.Delivery, true), Samples.SaoPaulo(AddressKind.Delivery, true), Samples.SaoPaulo(AddressKind.Correspondence)],
        };

        Assert.Equal(["account.addresses.billing.multiple", "account.addresses.correspondence.multiple", "account.addresses.delivery.default"],
            Codes(twoOfEach).Order());
        Assert.Equal(["account.addresses.delivery.default"], Codes(twoDefaults));
        Assert.Contains("account.addresses.default_delivery.not_delivery",
            Codes(Samples.Company() with { Addresses = [Samples.SaoPaulo(AddressKind.Correspondence, isDefaultDelivery: true)] }));
    }

    [Fact]
    public void Many_delivery_places_with_one_default_are_accepted()
    {
        var form = Samples.Company() with
        {
            Addresses =
            [
                Samples.SaoPaulo(AddressKind.Correspondence),
                Samples.SaoPaulo(AddressKind.Delivery, true) with { DeliveryPlace = "LOJA1" },
                Samples.SaoPaulo(AddressKind.Delivery, street: "Rua Augusta") with { DeliveryPlace = "LOJA2" },
                Samples.SaoPaulo(AddressKind.Delivery, street: "Rua Oscar Freire") with { DeliveryPlace = "LOJA3" },
            ],
        };

        var data = Samples.Valid(form, Samples.AccountContext()).Data;

        Assert.Equal("LOJA1", data.AddressOf(AddressKind.Delivery)!.DeliveryPlace);
        Assert.Equal(3, data.Addresses.Count(a => a.Kind == AddressKind.Delivery));
    }

    [Fact]
    public void Each_erp_phone_type_is_used_once_and_extensions_are_short_digits()
    {
        var form = Samples.Company() with
        {
            Phones =
            [
                new PhoneForm(PhoneType.TelefoneErp1, "(11) 3456-7890"), new PhoneForm(PhoneType.TelefoneErp1, "(11) 3456-7891"),
                new PhoneForm(PhoneType.Mobile, "(11) 98765-4321"), new PhoneForm(PhoneType.Mobile, "(11) 98765-4322", "12a"),
                new PhoneForm(PhoneType.Other, " "),
            ],
        };

        Assert.Equal(["account.phones.extension.invalid", "account.phones.number.required", "account.phones.type.duplicate"], Codes(form).Order());
    }

    [Fact]
    public void Only_the_four_erp_phone_types_and_integration_observations_go_to_the_erp()
    {
        Assert.Equal([PhoneType.TelefoneErp1, PhoneType.TelefoneErp2, PhoneType.FaxErp1, PhoneType.FaxErp2],
            Enum.GetValues<PhoneType>().Where(t => t.IsSyncedToErp()));
        Assert.True(new Observation(ObservationType.Integration, "x").IsSentToErp);
        Assert.False(new Observation(ObservationType.Commercial, "x").IsSentToErp);
    }

    [Fact]
    public void Lists_report_blank_items_by_position()
    {
        var form = Samples.Company() with
        {
            Emails = [new EmailForm("ok@example.com"), new EmailForm(" "), new EmailForm("sem-arroba")],
            OtherContacts = [new ElectronicContact(ElectronicContactKind.Website, "")],
            Observations = [new Observation(ObservationType.General, " ")],
            ResponsiblePeople = [new ResponsiblePersonForm(null, "Sócio", Cpf: "123")],
            CustomFields = [new CustomField("portal", "x"), new CustomField("PORTAL", "y"), new CustomField("", "z")],
        };

        var fields = Problems(form).Select(p => p.Field).ToList();

        Assert.Equal(["custom_fields[1].key", "custom_fields[2].key", "emails[1].address", "emails[2].address", "observations[0].text",
            "other_contacts[0].value", "responsible_people[0].cpf", "responsible_people[0].name"], fields.Order());
    }

    [Fact]
    public void Marketing_permissions_are_one_per_channel_with_their_source()
    {
        var day = new NodaTime.LocalDate(2026, 3, 1);
        var form = Samples.Company() with
        {
            Marketing = [new MarketingConsent(MarketingChannel.Email, true, day, "site"), new MarketingConsent(MarketingChannel.Email, false, day, " ")],
        };

        Assert.Equal(["account.marketing.channel.duplicate", "account.marketing.source.required"], Codes(form).Order());
    }

    [Fact]
    public void A_branch_needs_its_company() =>
        Assert.Contains("account.branch.company_required", Codes(Samples.Company() with { Branch = new BranchId(Guid.NewGuid()) }));

    [Fact]
    public void Master_data_codes_are_trimmed_upper_cased_and_at_most_20_characters()
    {
        var data = Samples.Valid(Samples.Company() with { Representative = " rep01 " }, Samples.AccountContext()).Data;

        Assert.Equal("REP01", data.Representative!.Value.Value);
        Assert.Contains("account.carrier.invalid", Codes(Samples.Company() with { Carrier = new string('9', 21) }));
    }

    [Fact]
    public void Cnae_is_seven_digits_written_with_its_mask()
    {
        var data = Samples.Valid(Samples.Company() with { Cnae = "1091-1/02" }, Samples.AccountContext()).Data;

        Assert.Equal("1091102", data.Cnae!.Value.Value);
        Assert.Equal("1091-1/02", data.Cnae.Value.ToString());
        Assert.Contains(Problems(Samples.Company() with { Cnae = "1091-1" }), p => p is { Field: "cnae", Code: RegistryCodes.Length });
    }

    [Fact]
    public void Duplicate_problems_join_the_other_problems_of_the_same_save()
    {
        var context = Samples.AccountContext() with
        {
            CheckDuplicates = _ => [new Problem("tax_id", "account.tax_id.duplicate", "CPF/CNPJ já cadastrado.")],
        };

        var problems = Problems(Samples.Company() with { LegalName = null }, context);

        Assert.Equal(["account.legal_name.required", "account.tax_id.duplicate"], problems.Select(p => p.Code).Order());
    }

    [Fact]
    public void Warnings_alone_do_not_refuse_the_save()
    {
        var context = Samples.AccountContext() with
        {
            CheckDuplicates = _ => [new Problem("emails", "account.emails.duplicate", "E-mail já usado.", Severity.Warning)],
        };

        var result = RegistrationRules.Validate(Samples.Company(), context);

        Assert.True(result.IsValid);
        Assert.Equal("account.emails.duplicate", Assert.Single(result.AsT0.Warnings).Code);
    }
}
