using Crm.Domain.Accounts.Registration;
using Crm.Domain.Identity;
using Crm.Domain.Registry;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using NodaTime;

namespace Crm.Domain.Tests.Accounts;

/// <summary>
/// <see cref="StoredRegistration.Restore"/> rebuilds exactly the data the rules validated (without running them again), and
/// refuses a document the domain did not write, naming every bad field and never its value.
/// </summary>
public sealed class StoredRegistrationTests
{
    private static Gen<RegistrationForm> Forms() =>
        from basis in Gen.Elements(Samples.Company(), Samples.PersonLead())
        from cpf in Gen.Choose(1, 999_999_999)
        from cnpj in Gen.Choose(1, int.MaxValue)
        from ie in Gen.Elements<(string?, InscricaoEstadualKind?)>((null, null), ("110.042.490.114", null), (null, InscricaoEstadualKind.ExemptFromRegistration),
            (null, InscricaoEstadualKind.NonTaxpayer), ("110.042.490.114", InscricaoEstadualKind.Registered))
        from trade in Gen.Elements<string?>(null, "Acme", "Pão Quente")
        from shortName in Gen.Elements<string?>(null, "ACME", "pão-q")
        from codes in Gen.Elements<string?>(null, "01", "VAREJO")
        from responsible in Gen.Elements<ResponsiblePersonForm[]>([], [new("Ana Souza", "Compras", Samples.Cpf, "ana@example.com", "(11) 3456-7890")], [new("Bruno")])
        from marketing in Gen.Elements<MarketingConsent[]>([], [new(MarketingChannel.Email, true, new LocalDate(2026, 1, 2), "site")])
        from custom in Gen.Elements<CustomField[]>([], [new("pin", "1234", IsSecret: true), new("cor", "azul")])
        from other in Gen.Elements<ElectronicContact[]>([], [new(ElectronicContactKind.SocialNetwork, "@padaria.sj")])
        from owned in Gen.Elements(false, true)
        select basis with
        {
            TaxId = basis.Kind == PersonKind.Juridica ? Samples.CnpjFrom(cnpj) : Samples.CpfFrom(cpf),
            StateRegistration = basis.Kind == PersonKind.Juridica ? ie.Item1 : null,
            StateRegistrationKind = basis.Kind == PersonKind.Juridica ? ie.Item2 : null,
            TradeName = trade,
            ShortName = shortName,
            ClientType = codes,
            PaymentCondition = codes,
            Cnae = codes is null ? null : "4721-1/02",
            ResponsiblePeople = responsible,
            Marketing = marketing,
            CustomFields = custom,
            OtherContacts = other,
            Owner = owned ? Samples.Ana : null,
            Company = owned ? new CompanyId(Guid.Parse("00000000-0000-0000-0000-0000000000c1")) : null,
        };

    [Property(MaxTest = 200)]
    public Property Restoring_stored_data_gives_what_the_rules_validated() =>
        Prop.ForAll(Forms().ToArbitrary(), form =>
        {
            var valid = Samples.Valid(form, Samples.LeadContext()).Data;

            var restored = StoredRegistration.Restore(valid.ToForm());

            return restored.Snapshot().Equals(valid.Snapshot())
                && restored.Facts.LegalNameLength == valid.Facts.LegalNameLength
                && restored.Facts.HasCorrespondenceAddress == valid.Facts.HasCorrespondenceAddress
                && restored.StateRegistration == valid.StateRegistration
                && restored.ToForm().Addresses.SequenceEqual(valid.ToForm().Addresses);
        });

    [Fact]
    public void A_document_the_domain_did_not_write_fails_naming_every_bad_field_and_no_value()
    {
        var stored = Samples.Valid(Samples.Company(), Samples.AccountContext()).Data.ToForm();
        var corrupt = stored with
        {
            LegalName = " ",
            TaxId = "11222333000182", // wrong check digit
            Addresses = [stored.Addresses[0] with { Cep = "0131" }, .. stored.Addresses.Skip(1)],
            Emails = [new EmailForm("not an e-mail")],
        };

        var error = Assert.Throws<InvalidOperationException>(() => StoredRegistration.Restore(corrupt));

        Assert.Equal("Stored registration data is corrupt (not as the domain writes it): addresses[0].cep, legal_name, tax_id, emails[0].address.",
            error.Message);
    }

    [Fact]
    public void A_foreigner_with_a_tax_id_or_an_ie_without_a_uf_is_corrupt()
    {
        var stored = Samples.Valid(Samples.Company(), Samples.AccountContext()).Data.ToForm();

        var foreigner = Assert.Throws<InvalidOperationException>(() => StoredRegistration.Restore(stored with { Kind = PersonKind.Estrangeiro }));
        var noUf = Assert.Throws<InvalidOperationException>(() => StoredRegistration.Restore(stored with { Addresses = [] }));

        Assert.Contains("tax_id", foreigner.Message, StringComparison.Ordinal);
        Assert.Contains("state_registration", noUf.Message, StringComparison.Ordinal);
    }
}
