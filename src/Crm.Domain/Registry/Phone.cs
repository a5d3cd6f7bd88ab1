using System.Globalization;
using Crm.Domain.Problems;

namespace Crm.Domain.Registry;

/// <summary>The kind of a Brazilian <see cref="Phone"/> number.</summary>
public enum PhoneKind
{
    /// <summary>Mobile (celular): DDD + 9 + 8 digits.</summary>
    Mobile,
    /// <summary>Landline (fixo): DDD + 8 digits, the first from 2 to 5.</summary>
    Landline,
    /// <summary>Non-geographic service number (0300, 0500, 0800, 0900 + 7 digits): no DDD.</summary>
    NonGeographic,
}

/// <summary>
/// A Brazilian phone number, stored in E.164 form (<c>+55</c> + DDD + number). Mobile numbers are DDD + 9 +
/// 8 digits (the ninth digit is mandatory since 2016, Anatel Res. 553/2010); landlines are DDD + 8 digits
/// starting 2–5; the DDD must be one of the 67 in use. Input may carry a mask, the country code (<c>+55</c>,
/// <c>55</c>, <c>055</c>) or the trunk prefix <c>0</c>. Non-geographic numbers (<c>0800 123 4567</c>, also
/// 0300, 0500, 0900) are accepted as <see cref="PhoneKind.NonGeographic"/>, because customers do give them
/// as contact numbers; they are stored as <c>+55800…</c>, the international form of the national number.
/// Only Brazilian numbers are accepted. The UF is not inferred: DDDs 42, 47, 49 and 61 cross state borders.
/// </summary>
public readonly record struct Phone
{
    private const int MaxDigits = 15; // E.164

    // The 67 DDDs in use (REGISTRY.md §3, after brazilian-utils/dotnet AreaCode.fs).
    private static readonly bool[] DddInUse = CreateDddTable(
        "11 12 13 14 15 16 17 18 19 21 22 24 27 28 31 32 33 34 35 37 38 41 42 43 44 45 46 47 48 49 51 53 54 55 " +
        "61 62 63 64 65 66 67 68 69 71 73 74 75 77 79 81 82 83 84 85 86 87 88 89 91 92 93 94 95 96 97 98 99");

    private Phone(string value) => Value = value;

    /// <summary>The number in E.164 form, for example <c>+5511987654321</c>.</summary>
    public string Value { get; }

    /// <summary>The national number without country code or trunk prefix (DDD + number, or <c>800…</c>).</summary>
    public string NationalNumber => Value[3..];

    /// <summary>Mobile, landline or non-geographic.</summary>
    public PhoneKind Kind => Value.Length == 14 ? PhoneKind.Mobile
        : Value[4] == '0' ? PhoneKind.NonGeographic // no DDD ends in 0, so "x00" is a service prefix
        : PhoneKind.Landline;

    /// <summary>True for mobile (celular) numbers.</summary>
    public bool IsMobile => Kind == PhoneKind.Mobile;

    /// <summary>The 2-digit area code (DDD); null for non-geographic numbers.</summary>
    public string? Ddd => Kind == PhoneKind.NonGeographic ? null : Value[3..5];

    /// <summary>Parses a Brazilian phone number in national, international or E.164 form, reporting every problem found.</summary>
    public static Outcome<Phone> Parse(string? value)
    {
        Span<char> digits = stackalloc char[MaxDigits];
        var defects = Inspect(value, digits, out var national);
        return defects == Defects.None
            ? new Phone(string.Concat("+55", digits[national]))
            : defects.ToInvalid(Describe);
    }

    /// <summary>True when <paramref name="value"/> is a valid Brazilian phone number. Does not allocate.</summary>
    public static bool IsValid(string? value)
    {
        Span<char> digits = stackalloc char[MaxDigits];
        return Inspect(value, digits, out _) == Defects.None;
    }

    /// <summary>Parses without reporting why; false when invalid.</summary>
    public static bool TryParse(string? value, out Phone result) =>
        Parse(value).TryPickT0(out result, out _);

    /// <summary>The usual national form: <c>(11) 98765-4321</c>, <c>(11) 3456-7890</c> or <c>0800 123 4567</c>.</summary>
    public override string ToString()
    {
        if (Value is null)
            return "";
        var n = NationalNumber;
        return Kind == PhoneKind.NonGeographic
            ? $"0{n[..3]} {n[3..6]} {n[6..]}"
            : $"({n[..2]}) {n[2..^4]}-{n[^4..]}";
    }

    private static Defects Inspect(ReadOnlySpan<char> value, Span<char> digits, out Range national)
    {
        national = default;
        value = value.Trim();
        if (value.IsEmpty)
            return Defects.Empty;
        var international = value[0] == '+';
        var count = 0;
        var defects = Defects.None;
        foreach (var c in international ? value[1..] : value)
        {
            if (char.IsAsciiDigit(c))
            {
                if (count < digits.Length)
                    digits[count] = c;
                count++;
            }
            else if (!DocumentText.IsMask(c))
                defects |= Defects.Characters;
        }
        if (count is 0 or > MaxDigits)
            return defects | Defects.Length;

        var start = CountryOrTrunkPrefix(digits[..count], international);
        if (start < 0)
            return defects | Defects.Range;
        national = start..count;
        var number = digits[national];
        if (number.Length is not (10 or 11))
            return defects | Defects.Length;
        if (number.Length == 10 && number[0] is '3' or '5' or '8' or '9' && number[1..3].SequenceEqual("00"))
            return defects; // 0300, 0500, 0800, 0900
        if (!DddInUse[(number[0] - '0') * 10 + number[1] - '0'])
            defects |= Defects.Range;
        if (number.Length == 11 ? number[2] != '9' : number[2] is < '2' or > '5')
            defects |= Defects.Format;
        return defects;
    }

    // How many leading digits are country code (55) or trunk prefix (0); -1 for a foreign country code.
    // The national number has 10 or 11 digits, so the total length tells the prefixes apart.
    private static int CountryOrTrunkPrefix(ReadOnlySpan<char> digits, bool international)
    {
        if (international)
            return digits.StartsWith("55") ? 2 : -1;
        if (digits.Length is 13 or 14 && digits.StartsWith("055"))
            return 3;
        if (digits.Length is 12 or 13 && digits.StartsWith("55"))
            return 2;
        return digits.Length is 11 or 12 && digits.StartsWith("0") ? 1 : 0;
    }

    private static bool[] CreateDddTable(string ddds)
    {
        var table = new bool[100];
        foreach (var ddd in ddds.Split(' '))
            table[int.Parse(ddd, CultureInfo.InvariantCulture)] = true;
        return table;
    }

    private static Problem Describe(Defects defect) => new("phone", defect.Code(), defect switch
    {
        Defects.Empty => "Telefone não informado.",
        Defects.Length => "Telefone deve ter DDD + 8 dígitos (fixo) ou DDD + 9 dígitos (celular).",
        Defects.Characters => "Telefone deve conter apenas dígitos, '+' no início e a máscara (11) 98765-4321.",
        Defects.Range => "DDD inexistente ou código de país diferente de +55 (aceitamos apenas telefones do Brasil).",
        _ => "Celular deve ter 9 como primeiro dígito após o DDD; telefone fixo deve começar com 2, 3, 4 ou 5.",
    });
}
