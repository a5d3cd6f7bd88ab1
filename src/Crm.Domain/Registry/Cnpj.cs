using System.Buffers;
using Crm.Domain.Problems;

namespace Crm.Domain.Registry;

/// <summary>
/// CNPJ (Cadastro Nacional da Pessoa Jurídica), numeric or alphanumeric (IN RFB nº 2.229/2024, for new
/// registrations from July 2026): 14 characters written <c>SS.SSS.SSS/SSSS-NN</c> — an 8-character root
/// (raiz), a 4-character order (ordem) and two numeric check digits. Root and order may hold <c>0-9</c> and
/// <c>A-Z</c>; one algorithm checks both kinds, each character being worth its ASCII code − 48 (digits 0–9,
/// A=17 … Z=42), with rotina E over weights 5,4,3,2,9,…,2 and 6,5,4,3,2,9,…,2. Lower-case letters are
/// accepted and stored upper-case. The all-zero CNPJ passes the checksum and is rejected, as in the NF-e
/// rules (rejections 207/208).
/// </summary>
public readonly record struct Cnpj
{
    private const int Length = 14;
    private static readonly SearchValues<char> Alphanumerics = SearchValues.Create("0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ");

    private Cnpj(string value) => Value = value;

    /// <summary>The 14 characters, unmasked, letters upper-case.</summary>
    public string Value { get; }

    /// <summary>True when the root or the order holds a letter (a CNPJ issued under the alphanumeric rules).</summary>
    public bool IsAlphanumeric => Value.AsSpan(0, 12).ContainsAnyInRange('A', 'Z');

    /// <summary>The 8-character root (raiz): the company, shared by all its establishments.</summary>
    public string Root => Value[..8];

    /// <summary>The 4-character order (ordem): the establishment within the company.</summary>
    public string Order => Value[8..12];

    /// <summary>True for the head office (matriz), order <c>0001</c>; branches (filiais) have other orders.</summary>
    public bool IsHeadOffice => Value.AsSpan(8, 4).SequenceEqual("0001");

    /// <summary>The two numeric check digits.</summary>
    public string CheckDigits => Value[12..];

    /// <summary>Parses a CNPJ with or without its mask, in any letter case, reporting every problem found.</summary>
    public static Outcome<Cnpj> Parse(string? value) =>
        DocumentShape.Parse(value, Length, Inspect, v => new Cnpj(v), Describe);

    /// <summary>True when <paramref name="value"/> is a valid CNPJ, numeric or alphanumeric (mask allowed). Does not allocate.</summary>
    public static bool IsValid(string? value) => Inspect(value, stackalloc char[Length]) == Defects.None;

    /// <summary>Parses without reporting why; false when invalid.</summary>
    public static bool TryParse(string? value, out Cnpj result) =>
        Parse(value).TryPickT0(out result, out _);

    /// <summary>The masked form, <c>SS.SSS.SSS/SSSS-NN</c>.</summary>
    public override string ToString() =>
        Value is null ? "" : $"{Value[..2]}.{Value[2..5]}.{Value[5..8]}/{Value[8..12]}-{Value[12..]}";

    private static Defects Inspect(ReadOnlySpan<char> value, Span<char> characters)
    {
        var defects = DocumentShape.Unmask(value, characters, Alphanumerics);
        if (defects == Defects.None && characters[12..].ContainsAnyExcept(DocumentShape.Digits))
            defects = Defects.Characters;
        if (defects != Defects.None)
            return defects;
        if (!characters.ContainsAnyExcept('0'))
            return Defects.RepeatedDigits;
        return RotinaE.Match(characters, maxWeight: 9) ? Defects.None : Defects.CheckDigit;
    }

    private static Problem Describe(Defects defect) => new("cnpj", defect.Code(), defect switch
    {
        Defects.Empty => "CNPJ não informado.",
        Defects.Length => "CNPJ deve ter 14 caracteres.",
        Defects.Characters => "CNPJ aceita apenas letras A-Z e dígitos na raiz e na ordem, e dígitos nos dois dígitos verificadores.",
        Defects.RepeatedDigits => "CNPJ com todos os dígitos zero não é válido.",
        _ => "Dígitos verificadores do CNPJ não conferem.",
    });
}
