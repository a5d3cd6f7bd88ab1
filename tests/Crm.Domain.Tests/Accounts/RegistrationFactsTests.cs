using Crm.Domain.Accounts;
using Crm.Domain.Accounts.Configuration;
using Crm.Domain.Accounts.Registration;
using Crm.Domain.Identity;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;

namespace Crm.Domain.Tests.Accounts;

/// <summary>
/// <see cref="PackedText"/> and <see cref="ShortNameKey"/> are lossless: packed words are equal exactly when the texts are,
/// and a text that does not pack never equals one that does. <see cref="RegistrationFacts"/> describe the data they live in.
/// </summary>
public sealed class RegistrationFactsTests
{
    // ASCII letters of both cases, digits and punctuation, plus letters where naive upper-casing and OrdinalIgnoreCase disagree
    // ('ſ' upper-cases to 'S'; 'ı' does not become 'I') and ordinary Portuguese accents.
    private static Arbitrary<string> Texts() =>
        Gen.Elements('a', 'A', 'b', 'B', 'z', '0', '7', '-', ' ', 'ſ', 'ı', 'Ç', 'ã')
            .ArrayOf().Where(chars => chars.Length <= 20)
            .Select(chars => new string(chars))
            .ToArbitrary();

    // Pairs are mostly the first text with random case flips (equal ignoring case, or not for 'ſ' and 'ı'), sometimes unrelated.
    private static Arbitrary<(string, string)> Pairs() =>
        Texts().Generator.SelectMany(a => Gen.Frequency(
                (3, ArbMap.Default.GeneratorFor<int>().Select(seed => CaseFlipped(a, new Random(seed)))), (1, Texts().Generator))
            .Select(b => (a, b)))
        .ToArbitrary();

    /// <summary>The same text with random letters in the other case (<see cref="char.ToUpperInvariant"/> of 'ſ' is 'S').</summary>
    internal static string CaseFlipped(string text, Random random) => new([.. text.Select(c =>
        random.Next(2) == 0 ? c : char.IsUpper(c) ? char.ToLowerInvariant(c) : char.ToUpperInvariant(c))]);

    [Property]
    public Property Packed_words_are_equal_exactly_when_the_texts_are() =>
        Prop.ForAll(Pairs(), ((string a, string b) pair) => pair is var (a, b) &&
            Same(a, b, ignoreCase: false, string.Equals(a, b, StringComparison.Ordinal))
            && Same(a, b, ignoreCase: true, string.Equals(a, b, StringComparison.OrdinalIgnoreCase)));

    // When both pack, the words decide; when one does not, the texts must differ (else a lookup by word would miss it).
    private static bool Same(string a, string b, bool ignoreCase, bool equal)
    {
        var (x, y) = (PackedText.Pack(a, ignoreCase), PackedText.Pack(b, ignoreCase));
        return PackedText.IsPacked(x) && PackedText.IsPacked(y) ? x == y == equal
            : PackedText.IsPacked(x) != PackedText.IsPacked(y) ? !equal
            : true;
    }

    [Property]
    public Property A_packed_word_keeps_the_length_and_the_digits() =>
        Prop.ForAll(Texts(), text =>
        {
            var word = PackedText.Pack(text, ignoreCase: false);
            var packs = text.Length is > 0 and <= PackedText.MaxLength && text.All(char.IsAscii);
            return (PackedText.IsPacked(word) == packs)
                   && (!packs || PackedText.Length(word) == text.Length && PackedText.IsDigits(word) == text.All(char.IsAsciiDigit));
        });

    [Property]
    public Property Short_name_keys_are_equal_exactly_when_the_names_are_the_same_erp_key() =>
        Prop.ForAll(Pairs(), ((string a, string b) pair) =>
        {
            var (a, b) = pair;
            if (ShortName.From(a) is not { } x || ShortName.From(b) is not { } y)
                return true;
            var (kx, ky) = (ShortNameKey.Of(x), ShortNameKey.Of(y));
            return kx.IsPacked && ky.IsPacked ? kx == ky == x.SameKeyAs(y) : kx.IsPacked == ky.IsPacked || !x.SameKeyAs(y);
        });

    [Fact]
    public void Texts_pack_up_to_their_limits()
    {
        Assert.Equal(PackedText.Absent, PackedText.Pack("", ignoreCase: false));
        Assert.True(PackedText.IsPacked(PackedText.Pack("123456789", ignoreCase: false)));
        Assert.Equal(PackedText.Unpackable, PackedText.Pack("1234567890", ignoreCase: false));
        Assert.Equal(PackedText.Unpackable, PackedText.Pack("AÇÃO", ignoreCase: true));
        Assert.True(ShortNameKey.Of(ShortName.From("ABCDEFGHIJKLMNOPQR")).IsPacked);
        Assert.False(ShortNameKey.Of(ShortName.From("ABCDEFGHIJKLMNOPQRS")).IsPacked);
        Assert.Equal(default, ShortNameKey.Of(null));
        Assert.Throws<ArgumentException>(() => PackedText.Length(PackedText.Unpackable));
    }

    [Fact]
    public void Facts_describe_the_validated_data()
    {
        var data = Samples.Valid(Samples.Company() with
        {
            ClientGroup = "10",
            Representative = "rep-long-code-1",
            Addresses = [Samples.SaoPaulo(AddressKind.Correspondence) with { Municipality = null }],
            CustomFields = [new CustomField("A1_TIPO", "R")],
        }, Samples.AccountContext()).Data;
        var facts = data.Facts;

        Assert.Equal(RegistrationFacts.Pack(data.ClientGroup), Code(data, RegistrationField.ClientGroup));
        Assert.True(PackedText.IsPacked(facts.ClientGroup));
        Assert.Equal(PackedText.Absent, facts.ClientType);
        Assert.Equal(PackedText.Unpackable, Code(data, RegistrationField.Representative));
        Assert.Equal(ShortNameKey.Of(data.ShortName), facts.ShortNameKey);
        Assert.Equal((data.LegalName.Length, data.ShortName!.Value.Value.Length), (facts.LegalNameLength, facts.ShortNameLength));
        Assert.Equal(data.Emails.First(e => e.Purpose == EmailPurpose.General).Address.Value.Length, facts.GeneralEmailLength);
        Assert.Equal((data.Kind, true, true), (facts.Kind, facts.HasTaxId, facts.HasCustomFields));
        Assert.Equal((true, false, false, false),
            (facts.HasCorrespondenceAddress, facts.CorrespondenceHasMunicipality, facts.HasBillingAddress, facts.HasDefaultDeliveryAddress));
        Assert.Equal(-1, RegistrationFacts.SlotOf(RegistrationField.Portfolio));
    }

    [Fact]
    public void Facts_pack_the_codes_of_exactly_the_eight_master_data_fields_that_point_to_settings_or_erp_records()
    {
        RegistrationField[] packed =
        [
            RegistrationField.ClientType, RegistrationField.AccountType, RegistrationField.ClientGroup, RegistrationField.Representative,
            RegistrationField.Carrier, RegistrationField.Portador, RegistrationField.PaymentCondition, RegistrationField.PriceTable,
        ];
        Assert.Equal(packed, Enum.GetValues<RegistrationField>().Where(f => RegistrationFacts.SlotOf(f) >= 0));
        Assert.Equal([.. packed, RegistrationField.FiscalCategory, RegistrationField.Portfolio],
            Enum.GetValues<RegistrationField>().Where(RegistrationFacts.IsCode).OrderBy(f => RegistrationFacts.SlotOf(f) < 0));
    }

    private static ulong Code(RegistrationData data, RegistrationField field) => data.Facts.Code(RegistrationFacts.SlotOf(field));

    [Fact]
    public void An_update_brings_the_facts_of_the_new_data()
    {
        var clock = Samples.Clock();
        var account = Account.Register(new AccountId(Guid.NewGuid()), Samples.Tenant, Samples.Valid(Samples.Company(), Samples.AccountContext()),
            Samples.Ana, clock);

        account.Update(Samples.Valid(Samples.Company() with { ShortName = "OUTRO", Carrier = "9" }, Samples.AccountContext()), Samples.Bruno, clock);

        Assert.Equal(ShortNameKey.Of(ShortName.From("outro")), account.Data.Facts.ShortNameKey);
        Assert.Equal(PackedText.Pack("9", ignoreCase: false), Code(account.Data, RegistrationField.Carrier));
    }
}

/// <summary>
/// <see cref="RegistrationData"/> is immutable: the validation fills a draft, and <c>WithFacts</c> copies it into the final
/// instance whose facts are computed in its constructor. The copy must carry every property.
/// </summary>
public sealed class RegistrationDataCopyTests
{
    [Fact]
    public void The_complete_data_carries_every_property_of_the_draft()
    {
        var parsed = Samples.Valid(Samples.Company(), Samples.AccountContext()).Data;
        var draft = new RegistrationData
        {
            Kind = PersonKind.Juridica,
            LegalName = "Padaria",
            TradeName = "Pão",
            ShortName = ShortName.From("PAO"),
            TaxId = parsed.TaxId,
            ForeignId = "X-1",
            StateRegistration = parsed.StateRegistration,
            MunicipalRegistration = "123",
            Cnae = Cnae.Parse("1091102").AsT0,
            FiscalCategory = MasterDataCode.Of("F"),
            ClientType = MasterDataCode.Of("CT"),
            AccountType = MasterDataCode.Of("AT"),
            ClientGroup = MasterDataCode.Of("CG"),
            Representative = MasterDataCode.Of("R"),
            Carrier = MasterDataCode.Of("C"),
            Portador = MasterDataCode.Of("P"),
            PaymentCondition = MasterDataCode.Of("PC"),
            PriceTable = MasterDataCode.Of("PT"),
            Portfolio = MasterDataCode.Of("PF"),
            Owner = Samples.Ana,
            Company = new CompanyId(Guid.NewGuid()),
            Branch = new BranchId(Guid.NewGuid()),
            Addresses = [.. parsed.Addresses],
            Phones = [.. parsed.Phones],
            Emails = [.. parsed.Emails],
            OtherContacts = [new ElectronicContact(ElectronicContactKind.Website, "https://pao.com.br")],
            Observations = [.. parsed.Observations],
            ResponsiblePeople = [new ResponsiblePerson("Ana", null, null, null, null)],
            Marketing = [new MarketingConsent(MarketingChannel.Email, true, new NodaTime.LocalDate(2026, 1, 2), "site")],
            CustomFields = [new CustomField("K", "V")],
        };
        var properties = typeof(RegistrationData).GetProperties().Where(p => p.SetMethod is not null).ToList();
        var empty = new RegistrationData();

        var complete = draft.WithFacts();

        Assert.Equal(30, properties.Count);
        Assert.All(properties, p => Assert.NotEqual(p.GetValue(empty), p.GetValue(draft)));
        Assert.All(properties, p => Assert.Equal(p.GetValue(draft), p.GetValue(complete)));
        Assert.Equal(new RegistrationFacts(complete).ShortNameKey, complete.Facts.ShortNameKey);
        Assert.Equal((draft.LegalName.Length, true, true), (complete.Facts.LegalNameLength, complete.Facts.HasTaxId, complete.Facts.HasCustomFields));
    }
}
