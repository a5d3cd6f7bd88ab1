using Crm.Domain.Problems;
using Crm.Domain.Registry;

namespace Crm.Domain.Tests.Registry;

/// <summary>The model around the numbers: kinds, NF-e indicator, masks, canonical values, problem reporting.</summary>
public class InscricaoEstadualModelTests
{
    // Inputs are published examples (see InscricaoEstadualExamples for their sources); outputs are the state masks.
    [Theory]
    [InlineData(Uf.AC, "0100482300112", "01.004.823/001-12")]
    [InlineData(Uf.AL, "240000048", "24.000.004-8")]
    [InlineData(Uf.AM, "041939808", "04.193.980-8")]
    [InlineData(Uf.AP, "030123459", "03.012.345-9")]
    [InlineData(Uf.BA, "61234557", "612345-57")]
    [InlineData(Uf.BA, "123456748", "1234567-48")]
    [InlineData(Uf.CE, "060000015", "06.000.001-5")]
    [InlineData(Uf.DF, "0740873800250", "07.408.738/002-50")]
    [InlineData(Uf.ES, "082223548", "082.223.54-8")]
    [InlineData(Uf.GO, "109876547", "10.987.654-7")]
    [InlineData(Uf.MA, "120000385", "12.000.038-5")]
    [InlineData(Uf.MG, "0623079040081", "062.307.904/0081")]
    [InlineData(Uf.MS, "283037598", "28.303.759-8")]
    [InlineData(Uf.MT, "13.193.686-7", "0013193686-7")]
    [InlineData(Uf.PA, "159999995", "15.999.999-5")]
    [InlineData(Uf.PB, "160000017", "16.000.001-7")]
    [InlineData(Uf.PE, "032141840", "0321418-40")]
    [InlineData(Uf.PE, "18100100000049", "18.1.001.0000004-9")]
    [InlineData(Uf.PI, "193016567", "19.301.656-7")]
    [InlineData(Uf.PR, "1234567850", "123.45678-50")]
    [InlineData(Uf.RJ, "78045302", "78.045.302")]
    [InlineData(Uf.RN, "200400401", "20.040.040-1")]
    [InlineData(Uf.RN, "2000400400", "20.0.040.040-0")]
    [InlineData(Uf.RO, "101.62521-3", "0000000062521-3")]
    [InlineData(Uf.RR, "240017556", "24001755-6")]
    [InlineData(Uf.RS, "2243658792", "224/3658792")]
    [InlineData(Uf.SC, "251040852", "251.040.852")]
    [InlineData(Uf.SE, "271234563", "27123456-3")]
    [InlineData(Uf.SP, "110042490114", "110.042.490.114")]
    [InlineData(Uf.SP, "p011004243002", "P-01100424.3/002")]
    [InlineData(Uf.TO, "290406366", "29.040.636-6")]
    [InlineData(Uf.TO, "29010227836", "29.01.022.783-6")]
    public void ToString_gives_the_state_mask(Uf uf, string input, string masked) =>
        Assert.Equal(masked, InscricaoEstadual.Parse(input, uf).AsT0.ToString());

    [Fact]
    public void Value_is_unmasked_and_keeps_the_rural_producer_P()
    {
        Assert.Equal("110042490114", InscricaoEstadual.Parse("110.042.490.114", Uf.SP).AsT0.Value);
        var rural = InscricaoEstadual.Parse("P-01100424.3/002", Uf.SP).AsT0;
        Assert.Equal("P011004243002", rural.Value);
        Assert.True(rural.IsRuralProducer);
        Assert.False(InscricaoEstadual.Parse("110.042.490.114", Uf.SP).AsT0.IsRuralProducer);
    }

    [Fact]
    public void Old_rondonia_numbers_take_their_2000_form_and_equal_it()
    {
        // SINTEGRA cad_RO: 101.62521-3 becomes 0000000062521-3, keeping the DV.
        var old = InscricaoEstadual.Parse("101.62521-3", Uf.RO).AsT0;
        var current = InscricaoEstadual.Parse("0000000062521-3", Uf.RO).AsT0;
        Assert.Equal("00000000625213", old.Value);
        Assert.Equal(current, old);
        Assert.Equal(current.GetHashCode(), old.GetHashCode());
    }

    [Theory]
    [InlineData("13.193.686-7")]
    [InlineData("0131936867")]
    [InlineData("00131936867")]
    public void Mato_grosso_numbers_are_padded_to_eleven_digits(string input) =>
        Assert.Equal("00131936867", InscricaoEstadual.Parse(input, Uf.MT).AsT0.Value);

    [Fact]
    public void Mato_grosso_does_not_pad_fewer_than_eight_digits() =>
        Assert.Equal(RegistryCodes.Length, Assert.Single(InscricaoEstadual.Parse("0000000", Uf.MT).Problems).Code);

    [Fact]
    public void Acre_accepts_the_legacy_nine_digit_form()
    {
        // Constructed from the spec rule (01 + 6 digits + DV, w 9..2, rotina E): 0*9 + 1*8 = 8, 11 − 8 = 3.
        var ie = InscricaoEstadual.Parse("01.000.000-3", Uf.AC).AsT0;
        Assert.Equal("010000003", ie.Value);
        Assert.Equal("010000003", ie.ToString());
        Assert.False(InscricaoEstadual.IsValid("010000004", Uf.AC));
    }

    [Fact]
    public void A_registered_number_is_a_taxpayer_for_nfe()
    {
        var ie = InscricaoEstadual.Parse("110.042.490.114", Uf.SP).AsT0;
        Assert.Equal(InscricaoEstadualKind.Registered, ie.Kind);
        Assert.True(ie.IsRegistered);
        Assert.Equal(IndIEDest.Taxpayer, ie.IndIEDest);
        Assert.Equal(1, (int)ie.IndIEDest);
    }

    // The IE field: ISENTO for the exempt, blank for a non-taxpayer; indIEDest 2 and 9.
    [Theory]
    [InlineData(InscricaoEstadualKind.ExemptFromRegistration, 2, "ISENTO")]
    [InlineData(InscricaoEstadualKind.NonTaxpayer, 9, "")]
    public void Exempt_and_non_taxpayer_are_cases_of_their_own_not_numbers(InscricaoEstadualKind kind, int indIEDest, string text)
    {
        var ie = kind == InscricaoEstadualKind.NonTaxpayer ? InscricaoEstadual.NonTaxpayer(Uf.BA) : InscricaoEstadual.Exempt(Uf.BA);
        Assert.Equal(kind, ie.Kind);
        Assert.Equal(Uf.BA, ie.Uf);
        Assert.False(ie.IsRegistered);
        Assert.False(ie.IsRuralProducer);
        Assert.Null(ie.Value);
        Assert.Empty(ie.Warnings);
        Assert.Equal(indIEDest, (int)ie.IndIEDest);
        Assert.Equal(text, ie.ToString());
    }

    [Fact]
    public void The_three_kinds_are_distinct_and_carry_their_uf()
    {
        Assert.Equal(InscricaoEstadual.Exempt(Uf.BA), InscricaoEstadual.Parse("Isento", Uf.BA).AsT0);
        Assert.NotEqual(InscricaoEstadual.Exempt(Uf.BA), InscricaoEstadual.Exempt(Uf.SP));
        Assert.NotEqual(InscricaoEstadual.NonTaxpayer(Uf.RJ), InscricaoEstadual.Exempt(Uf.RJ));
        Assert.Equal(InscricaoEstadual.NonTaxpayer(Uf.RJ), InscricaoEstadual.NonTaxpayer(Uf.RJ));
        Assert.NotEqual(InscricaoEstadual.Exempt(Uf.RJ), InscricaoEstadual.Parse("78.045.302", Uf.RJ).AsT0);
    }

    [Fact]
    public void Equal_numbers_are_equal_whatever_the_mask()
    {
        var masked = InscricaoEstadual.Parse("062.307.904/0081", Uf.MG).AsT0;
        var plain = InscricaoEstadual.Parse("0623079040081", Uf.MG).AsT0;
        Assert.True(masked == plain);
        Assert.False(masked != plain);
        Assert.True(masked.Equals((object)plain));
        Assert.NotEqual(masked, InscricaoEstadual.Parse("2615950220092", Uf.MG).AsT0);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData(".-/")]
    public void Nothing_given_is_an_empty_problem(string? input)
    {
        Assert.False(InscricaoEstadual.IsValid(input, Uf.SP));
        var problem = Assert.Single(InscricaoEstadual.Parse(input, Uf.SP).Problems);
        Assert.Equal(RegistryCodes.Empty, problem.Code);
        Assert.Contains("ISENTO", problem.Message);
    }

    [Fact]
    public void Every_problem_is_listed_not_only_the_first()
    {
        // GO 121031131 (brazilian-utils go.test.ts): prefix 12 is not Goiás, and the DV is wrong too.
        var codes = InscricaoEstadual.Parse("121031131", Uf.GO).Problems.Select(p => p.Code);
        Assert.Equal([RegistryCodes.Prefix, RegistryCodes.CheckDigit], codes);

        var shape = InscricaoEstadual.Parse("24A", Uf.AL).Problems.Select(p => p.Code);
        Assert.Equal([RegistryCodes.Length, RegistryCodes.Characters], shape);
    }

    [Fact]
    public void A_rejected_ie_still_reports_its_warnings()
    {
        // TO 01047737427 (brazilian-utils to.test.ts): type 04 does not exist, and 01 is not the usual prefix.
        var problems = InscricaoEstadual.Parse("01047737427", Uf.TO).Problems;
        Assert.Contains(problems, p => p is { Code: RegistryCodes.Range, Severity: Severity.Error });
        Assert.Contains(problems, p => p is { Code: RegistryCodes.Prefix, Severity: Severity.Warning });
    }

    [Fact]
    public void Old_pernambuco_numbers_need_a_third_digit_from_one_to_nine()
    {
        // Constructed from the spec rule: 1801001000000 weighs 47, 11 − 47 mod 11 = 8; only d3 = 0 is wrong.
        var problem = Assert.Single(InscricaoEstadual.Parse("18010010000008", Uf.PE).Problems);
        Assert.Equal(RegistryCodes.Range, problem.Code);
        Assert.Contains("3º dígito", problem.Message);
    }

    [Theory]
    [InlineData(Uf.PE, "12345678901234567890")]
    [InlineData(Uf.SP, "P-12345678901234567890")]
    public void Input_too_long_for_any_state_is_a_length_problem(Uf uf, string input) =>
        Assert.Equal(RegistryCodes.Length, Assert.Single(InscricaoEstadual.Parse(input, uf).Problems).Code);

    [Fact]
    public void Input_too_long_with_letters_reports_both() =>
        Assert.Equal([RegistryCodes.Length, RegistryCodes.Characters],
            InscricaoEstadual.Parse("ABC12345678901234567890", Uf.RS).Problems.Select(p => p.Code));

    [Fact]
    public void Only_sao_paulo_has_the_rural_producer_P()
    {
        Assert.Contains(InscricaoEstadual.Parse("P24000004", Uf.AL).Problems, p => p.Code == RegistryCodes.Characters);
        Assert.Contains("produtor rural", Assert.Single(InscricaoEstadual.Parse("1234567a9012", Uf.SP).Problems).Message);
    }

    [Theory]
    // Constructed from the spec rules (w 9..2, rotina E); no published example uses these tolerated prefixes.
    [InlineData(Uf.GO, "150000006")] // 1*9 + 5*8 = 49, r = 5, DV 6
    [InlineData(Uf.MS, "500000000")] // 5*9 = 45, r = 1, DV 0
    public void Tolerated_legacy_prefixes_are_accepted_with_a_warning(Uf uf, string input)
    {
        var ie = InscricaoEstadual.Parse(input, uf).AsT0;
        Assert.False(ie.Warnings is ICollection<Problem> { IsReadOnly: false }, "warnings must not be mutable through a cast");
        var warning = Assert.Single(ie.Warnings);
        Assert.Equal(Severity.Warning, warning.Severity);
        Assert.Equal(RegistryCodes.Prefix, warning.Code);
        Assert.Contains(input[..2], warning.Message);
    }

    [Theory]
    [InlineData(Uf.SP, "110042491114", "o 1º dígito verificador")] // 110.042.490.114 with its 9th digit changed
    [InlineData(Uf.SP, "110042490118", "o 2º dígito verificador")]
    [InlineData(Uf.RS, "2243658793", "o dígito verificador")]
    public void Check_digit_messages_name_the_uf_the_digit_and_the_rule(Uf uf, string input, string which)
    {
        var problem = InscricaoEstadual.Parse(input, uf).Problems[0];
        Assert.Equal(RegistryCodes.CheckDigit, problem.Code);
        Assert.StartsWith($"IE de {uf}: {which} não confere", problem.Message);
        Assert.Contains("pesos", problem.Message);
    }

    [Theory]
    [InlineData(Uf.RN, "9 ou 10")]
    [InlineData(Uf.MT, "8 a 11")]
    [InlineData(Uf.SP, "12 ou P + 12")]
    [InlineData(Uf.RO, "14 ou 9")]
    public void Length_messages_list_the_accepted_lengths(Uf uf, string lengths) =>
        Assert.Contains($"deve ter {lengths} dígitos", Assert.Single(InscricaoEstadual.Parse("1", uf).Problems).Message);

    [Fact]
    public void TryParse_gives_the_value_or_null()
    {
        Assert.True(InscricaoEstadual.TryParse("P-01100424.3/002", Uf.SP, out var rural));
        Assert.Equal("P011004243002", rural.Value);
        Assert.False(InscricaoEstadual.TryParse("P-01100424.5/002", Uf.SP, out var none));
        Assert.Null(none);
    }

    [Fact]
    public void An_undefined_uf_is_a_bug()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => InscricaoEstadual.IsValid("110042490114", (Uf)99));
        Assert.Throws<ArgumentOutOfRangeException>(() => InscricaoEstadual.Parse("110042490114", (Uf)99));
        Assert.Throws<ArgumentOutOfRangeException>(() => InscricaoEstadual.Exempt((Uf)99));
        Assert.Throws<ArgumentOutOfRangeException>(() => InscricaoEstadual.NonTaxpayer((Uf)(-1)));
    }
}
