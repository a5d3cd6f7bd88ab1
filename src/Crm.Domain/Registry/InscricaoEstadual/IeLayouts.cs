using Crm.Domain.Problems;
using static Crm.Domain.Registry.IeCheckDigit;

namespace Crm.Domain.Registry;

/// <summary>
/// The IE layouts of the 27 UFs, transcribed from REGISTRY.md §2 (SINTEGRA guides; ACBr, Stella and EB
/// where the guides are silent). The first layout of each UF is its current form.
/// </summary>
internal static class IeLayouts
{
    private const string StateMask = "##.###.###-#";

    /// <summary>The layouts accepted for <paramref name="uf"/>, current form first.</summary>
    public static IeLayout[] For(Uf uf) =>
        (uint)uf < (uint)Table.Length ? Table[(int)uf] : throw new ArgumentOutOfRangeException(nameof(uf), uf, "Unknown UF.");

    private static IeLayout[] Build(Uf uf) => uf switch
    {
        Uf.AC => Acre,
        Uf.AL => [Nine(DigitRule.TimesTenMod11, PrefixRule.Required("24"))],
        Uf.AM => [Nine(DigitRule.Amazonas)],
        Uf.AP => [Nine(DigitRule.Amapa, PrefixRule.Required("03"))],
        Uf.BA => Bahia,
        Uf.CE => [Nine(DigitRule.Mod11, Usually("06", "exigido pelo ACBr; Stella e brazilian-utils aceitam outros"))],
        Uf.DF => [Federal],
        Uf.ES => [Nine(DigitRule.Mod11, mask: "###.###.##-#")],
        Uf.GO => [Nine(DigitRule.Goias, Goias)],
        Uf.MA => [Nine(DigitRule.Mod11, PrefixRule.Required("12"))],
        Uf.MG => [MinasGerais],
        Uf.MS => [Nine(DigitRule.Mod11, MatoGrossoDoSul)],
        Uf.MT => [MatoGrosso],
        Uf.PA => [Nine(DigitRule.Mod11, Para)],
        Uf.PB => [Nine(DigitRule.Mod11, Usually("16", "exigido pelo ACBr; Stella e brazilian-utils aceitam outros"))],
        Uf.PE => Pernambuco,
        Uf.PI => [Nine(DigitRule.Mod11, Usually("19", "exigido pelo ACBr; erpbrasil.base aceita outros (ex.: 169609154)"))],
        Uf.PR => [Parana],
        Uf.RJ => [RioDeJaneiro],
        Uf.RN => RioGrandeDoNorte,
        Uf.RO => Rondonia,
        Uf.RR => [Nine(DigitRule.Mod9, PrefixRule.Required("24"), "########-#", [1, 2, 3, 4, 5, 6, 7, 8])],
        Uf.RS => [new IeLayout { Length = 10, Mask = "###/#######", CheckDigits = [After(DigitRule.Mod11, 2, 9, 8, 7, 6, 5, 4, 3, 2)] }],
        Uf.SC => [Nine(DigitRule.Mod11, mask: "###.###.###")],
        Uf.SE => [Nine(DigitRule.Mod11, mask: "########-#")],
        Uf.SP => SaoPaulo,
        Uf.TO => Tocantins,
        _ => throw new ArgumentOutOfRangeException(nameof(uf), uf, "Unknown UF."),
    };

    /// <summary>Nine digits, one check digit after the first eight: the shape of most states.</summary>
    private static IeLayout Nine(DigitRule rule, PrefixRule? prefix = null, string mask = StateMask, int[]? weights = null) =>
        new() { Length = 9, Mask = mask, Prefix = prefix, CheckDigits = [After(rule, weights ?? NineToTwo)] };

    /// <summary>A prefix enforced by ACBr only: a different one is a warning.</summary>
    private static PrefixRule Usually(string prefix, string why) => new([prefix], Severity.Warning, prefix, why);

    private static readonly int[] AcreFirst = [4, 3, 2, 9, 8, 7, 6, 5, 4, 3, 2];
    private static readonly int[] AcreSecond = [5, 4, 3, 2, 9, 8, 7, 6, 5, 4, 3, 2];

    private static readonly IeLayout[] Acre =
    [
        new() { Length = 13, Mask = "##.###.###/###-##", Prefix = PrefixRule.Required("01"),
                CheckDigits = [After(DigitRule.Mod11, AcreFirst), After(DigitRule.Mod11, AcreSecond)] },
        // Legacy 9-digit form still accepted by ACBr; no published mask, so plain digits.
        new() { Length = 9, Mask = "#########", Prefix = PrefixRule.Required("01"), CheckDigits = [After(DigitRule.Mod11, NineToTwo)] },
    ];

    private static readonly IeLayout Federal = Acre[0] with { Prefix = PrefixRule.Required("07", "08") };

    /// <summary>BA: the last digit (2nd DV) covers the body; the penultimate (1st DV) covers the body and the 2nd DV.</summary>
    private static readonly IeLayout[] Bahia = [BahiaLayout(8, "######-##"), BahiaLayout(9, "#######-##")];

    private static IeLayout BahiaLayout(int length, string mask)
    {
        var body = length - 2;
        var second = new IeCheckDigit(length - 1, [.. Enumerable.Range(0, body)], [.. Enumerable.Range(2, body).Reverse()], DigitRule.Bahia);
        var first = new IeCheckDigit(length - 2, [.. Enumerable.Range(0, body), length - 1], [.. Enumerable.Range(2, body + 1).Reverse()], DigitRule.Bahia);
        return new() { Length = length, Mask = mask, CheckDigits = [first, second] };
    }

    private static readonly PrefixRule Goias = new(
        ["10", "11", "20", "21", "22", "23", "24", "25", "26", "27", "28", "29"], Severity.Error,
        "10, 11 ou 20 a 29", "15 é prefixo antigo, ainda aceito pelo erpbrasil.base", Tolerated: ["15"]);

    private static readonly PrefixRule MatoGrossoDoSul = new(
        ["28"], Severity.Error, "28", "o ACBr também aceita 50, sem exemplo publicado", Tolerated: ["50"]);

    private static readonly PrefixRule Para = new(
        ["15"], Severity.Error, "15", "o ACBr e o erpbrasil.base também aceitam 75 a 79", Tolerated: ["75", "76", "77", "78", "79"]);

    /// <summary>MG: D1 over the 11 digits with a 0 inserted after the município code (weights 1,2,… with the 0 skipped), D2 rotina E.</summary>
    private static readonly IeLayout MinasGerais = new()
    {
        Length = 13,
        Mask = "###.###.###/####",
        CheckDigits =
        [
            After(DigitRule.Mod10, 1, 2, 1, 1, 2, 1, 2, 1, 2, 1, 2) with { SumsProductDigits = true },
            After(DigitRule.Mod11, 3, 2, 11, 10, 9, 8, 7, 6, 5, 4, 3, 2),
        ],
    };

    /// <summary>MT: shorter input (8–10 digits) is left-padded to 11 (Stella accepts 8–11, ACBr pads 9).</summary>
    private static readonly IeLayout MatoGrosso = new()
    {
        Length = 11, MinInput = 8, Mask = "##########-#",
        CheckDigits = [After(DigitRule.Mod11, 3, 2, 9, 8, 7, 6, 5, 4, 3, 2)],
    };

    private static readonly IeLayout[] Pernambuco =
    [
        new() { Length = 9, Mask = "#######-##", CheckDigits = [After(DigitRule.Mod11, 8, 7, 6, 5, 4, 3, 2), After(DigitRule.Mod11, NineToTwo)] },
        // Old CACEPE number: 18, then a d3 from 1 to 9.
        new() { Length = 14, Mask = "##.#.###.#######-#", Prefix = PrefixRule.Required("18"),
                Segment = new SegmentRule(2, ["1", "2", "3", "4", "5", "6", "7", "8", "9"], "o 3º dígito da IE antiga (CACEPE) deve ser de 1 a 9"),
                CheckDigits = [After(DigitRule.ElevenMinus, 5, 4, 3, 2, 1, 9, 8, 7, 6, 5, 4, 3, 2)] },
    ];

    private static readonly IeLayout Parana = new()
    {
        Length = 10, Mask = "###.#####-##",
        CheckDigits = [After(DigitRule.Mod11, 3, 2, 7, 6, 5, 4, 3, 2), After(DigitRule.Mod11, 4, 3, 2, 7, 6, 5, 4, 3, 2)],
    };

    private static readonly IeLayout RioDeJaneiro = new()
    {
        Length = 8, Mask = "##.###.###",
        Prefix = new(["1", "7", "8", "9"], Severity.Warning, "1, 7, 8 ou 9", "exigido pelo ACBr; as demais implementações aceitam outros"),
        CheckDigits = [After(DigitRule.Mod11, 2, 7, 6, 5, 4, 3, 2)],
    };

    private static readonly IeLayout[] RioGrandeDoNorte =
    [
        Nine(DigitRule.TimesTenMod11, PrefixRule.Required("20")),
        new() { Length = 10, Mask = "##.#.###.###-#", Prefix = PrefixRule.Required("20"),
                CheckDigits = [After(DigitRule.TimesTenMod11, 10, 9, 8, 7, 6, 5, 4, 3, 2)] },
    ];

    /// <summary>
    /// RO: the 14-digit form since 01/08/2000. An old 9-digit number (município + 5 company digits + DV) is
    /// stored in the new form (municipality dropped, zero-padded), whose DV is the old one (SINTEGRA cad_RO).
    /// </summary>
    private static readonly IeLayout RondoniaCurrent = new()
    {
        Length = 14, Mask = "#############-#", CheckDigits = [After(DigitRule.ElevenMinus, 6, 5, 4, 3, 2, 9, 8, 7, 6, 5, 4, 3, 2)],
    };

    private static readonly IeLayout[] Rondonia = [RondoniaCurrent, RondoniaCurrent with { MinInput = 9, MaxInput = 9, DropLeading = 3 }];

    private static readonly int[] SaoPauloFirst = [1, 3, 4, 5, 6, 7, 8, 10];

    private static readonly IeLayout[] SaoPaulo =
    [
        new() { Length = 12, Mask = "###.###.###.###",
                CheckDigits = [After(DigitRule.Mod11LastDigit, SaoPauloFirst), After(DigitRule.Mod11LastDigit, 3, 2, 10, 9, 8, 7, 6, 5, 4, 3, 2)] },
        // Rural producer: P, 8 digits, DV, 3 digits the DV does not cover. The 0 after P is required by EB, not by ACBr.
        new() { Length = 12, RuralProducer = true, Mask = "P-########.#/###",
                Prefix = new(["P0"], Severity.Warning, "P0", "o erpbrasil.base exige o 0 após o P; o ACBr não"),
                CheckDigits = [After(DigitRule.Mod11LastDigit, SaoPauloFirst)] },
    ];

    private static readonly PrefixRule TocantinsPrefix = Usually("29", "exigido pelo ACBr; Stella e brazilian-utils aceitam outros");

    /// <summary>TO: 9 digits now; the legacy 11 carry a type in d3–d4 that the DV skips.</summary>
    private static readonly IeLayout[] Tocantins =
    [
        Nine(DigitRule.Mod11, TocantinsPrefix),
        new() { Length = 11, Mask = "##.##.###.###-#", Prefix = TocantinsPrefix,
                Segment = new SegmentRule(2, ["01", "02", "03", "99"], "o tipo da IE antiga (3º e 4º dígitos) deve ser 01, 02, 03 ou 99"),
                CheckDigits = [new IeCheckDigit(10, [0, 1, 4, 5, 6, 7, 8, 9], NineToTwo, DigitRule.Mod11)] },
    ];

    // Last: static fields initialise in textual order, and the table uses every layout above.
    private static readonly IeLayout[][] Table = [.. Enum.GetValues<Uf>().Select(Build)];
}
