using Crm.Domain.Accounts.Duplicates;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;

namespace Crm.Domain.Tests.Accounts;

public class NameNormalizerTests
{
    [Theory]
    [InlineData("Padaria São João Ltda - ME", "PADARIA SAO JOAO")]
    [InlineData("PADARIA SAO JOAO", "PADARIA SAO JOAO")]
    [InlineData("Açougue & Cia. Ltda.", "ACOUGUE")]
    [InlineData("Petróleo Brasileiro S.A.", "PETROLEO BRASILEIRO")]
    [InlineData("Petroleo Brasileiro S/A", "PETROLEO BRASILEIRO")]
    [InlineData("Petroleo Brasileiro SA", "PETROLEO BRASILEIRO")]
    [InlineData("Comércio de Peças Eireli EPP", "COMERCIO DE PECAS")]
    [InlineData("  josé   da  silva  ", "JOSE DA SILVA")]
    [InlineData("Consultoria Limitada", "CONSULTORIA")]
    [InlineData("Nova Empresa SLU", "NOVA EMPRESA")]
    public void Ignores_accents_case_punctuation_and_legal_suffixes(string name, string key) =>
        Assert.Equal(key, NameNormalizer.Normalize(name));

    [Theory]
    [InlineData("ME", "ME")]
    [InlineData("Ltda ME", "LTDA")]
    [InlineData("S A", "S A")]
    [InlineData("Mesa Sapatos", "MESA SAPATOS")]
    public void Never_strips_a_name_down_to_nothing_nor_inside_words(string name, string key) =>
        Assert.Equal(key, NameNormalizer.Normalize(name));

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData(" - / . ")]
    public void A_name_without_letters_or_digits_has_an_empty_key(string? name) =>
        Assert.Equal("", NameNormalizer.Normalize(name));

    private static readonly string[] Pieces =
        ["São", "joão", "LTDA", "ltda.", "S.A.", "S/A", "sa", "ME", "-", "&", "Cia", "épp", "Eireli", "Açúcar", "x", " ", "1", "Ñandú"];

    private static Arbitrary<string> Names() =>
        Gen.ArrayOf(Gen.Elements(Pieces)).Select(parts => string.Join(" ", parts)).ToArbitrary();

    [Property]
    public Property Normalizing_twice_changes_nothing_on_company_like_names() =>
        Prop.ForAll(Names(), name => NameNormalizer.Normalize(NameNormalizer.Normalize(name)) == NameNormalizer.Normalize(name));

    [Property]
    public bool Normalizing_twice_changes_nothing_on_any_text(string? text) =>
        NameNormalizer.Normalize(NameNormalizer.Normalize(text)) == NameNormalizer.Normalize(text);

    [Property]
    public Property Case_and_accents_never_change_the_key() =>
        Prop.ForAll(Names(), name => NameNormalizer.Normalize(name.ToUpperInvariant()) == NameNormalizer.Normalize(name.ToLowerInvariant())
                                     && NameNormalizer.Normalize(name.Replace("ã", "a").Replace("ú", "u")) == NameNormalizer.Normalize(name));
}
