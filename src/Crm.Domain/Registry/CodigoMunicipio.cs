using System.Globalization;
using Crm.Domain.Problems;
using static Crm.Domain.Registry.Uf;

namespace Crm.Domain.Registry;

/// <summary>
/// IBGE municipality code (código do município): 7 digits — the 2-digit IBGE code of the state, a 4-digit
/// municipality number (never 0000) and a check digit (weights 1,2,1,2,1,2; the digits of the products are
/// added; DV = (10 − sum mod 10) mod 10). Nine real codes break the check-digit rule and are accepted as
/// published (list in erpbrasil.base <c>codigo_municipio.py</c>). <c>9999999</c> is the NF-e code for
/// abroad (exterior): valid, with <see cref="IsExterior"/> true and no <see cref="Uf"/>.
/// </summary>
public readonly record struct CodigoMunicipio
{
    private const int Length = 7;
    private const string ExteriorCode = "9999999";

    // IBGE state codes (REGISTRY.md §3).
    private static readonly Dictionary<int, Uf> States = new()
    {
        [11] = RO, [12] = AC, [13] = AM, [14] = RR,
        [15] = PA, [16] = AP, [17] = TO, [21] = MA,
        [22] = PI, [23] = CE, [24] = RN, [25] = PB,
        [26] = PE, [27] = AL, [28] = SE, [29] = BA,
        [31] = MG, [32] = ES, [33] = RJ, [35] = SP,
        [41] = PR, [42] = SC, [43] = RS, [50] = MS,
        [51] = MT, [52] = GO, [53] = DF,
    };

    // Real municipalities created with a code that breaks the check-digit rule (erpbrasil.base codigo_municipio.py).
    private static readonly HashSet<string> Exceptions =
        ["4305871", "2201919", "2202251", "2201988", "2611533", "3117836", "3152131", "5203939", "5203962"];

    private static readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> ExceptionsBySpan =
        Exceptions.GetAlternateLookup<ReadOnlySpan<char>>();

    private CodigoMunicipio(string value) => Value = value;

    /// <summary>The code for abroad (exterior) used by the NF-e, <c>9999999</c>.</summary>
    public static CodigoMunicipio Exterior { get; } = new(ExteriorCode);

    /// <summary>The 7 digits.</summary>
    public string Value { get; }

    /// <summary>True for <c>9999999</c>, the NF-e code for a place abroad.</summary>
    public bool IsExterior => Value == ExteriorCode;

    /// <summary>The state the municipality belongs to; null for <see cref="Exterior"/>.</summary>
    public Uf? Uf => IsExterior ? null : States[int.Parse(Value.AsSpan(0, 2), CultureInfo.InvariantCulture)];

    /// <summary>Parses an IBGE municipality code, reporting every problem found.</summary>
    public static Outcome<CodigoMunicipio> Parse(string? value) =>
        DocumentShape.Parse(value, Length, Inspect, v => new CodigoMunicipio(v), Describe);

    /// <summary>True when <paramref name="value"/> is a valid IBGE municipality code or <c>9999999</c>.</summary>
    public static bool IsValid(string? value) => Inspect(value, stackalloc char[Length]) == Defects.None;

    /// <summary>Parses without reporting why; false when invalid.</summary>
    public static bool TryParse(string? value, out CodigoMunicipio result) =>
        Parse(value).TryPickT0(out result, out _);

    /// <summary>The 7 digits (IBGE codes are written without a mask).</summary>
    public override string ToString() => Value ?? "";

    /// <summary>The check digit of the first six digits of a municipality code.</summary>
    internal static int CheckDigit(ReadOnlySpan<char> firstSix)
    {
        var sum = 0;
        for (var i = 0; i < 6; i++)
        {
            var product = (firstSix[i] - '0') * (i % 2 == 0 ? 1 : 2);
            sum += product / 10 + product % 10;
        }
        return (10 - sum % 10) % 10;
    }

    private static Defects Inspect(ReadOnlySpan<char> value, Span<char> digits)
    {
        var defects = DocumentShape.Unmask(value, digits, DocumentShape.Digits);
        if (defects != Defects.None || digits.SequenceEqual(ExteriorCode))
            return defects;
        if (!States.ContainsKey(int.Parse(digits[..2], CultureInfo.InvariantCulture)) || digits[2..6].SequenceEqual("0000"))
            defects |= Defects.Range;
        if (digits[6] - '0' != CheckDigit(digits) && !ExceptionsBySpan.Contains(digits))
            defects |= Defects.CheckDigit;
        return defects;
    }

    private static Problem Describe(Defects defect) => new("codigoMunicipio", defect.Code(), defect switch
    {
        Defects.Empty => "Código do município não informado.",
        Defects.Length => "Código do município (IBGE) deve ter 7 dígitos.",
        Defects.Characters => "Código do município deve conter apenas dígitos.",
        Defects.Range => "Código do município deve começar com o código IBGE de um estado e não ter o número 0000.",
        _ => "Dígito verificador do código do município não confere.",
    });
}
