using Crm.Domain.Problems;

namespace Crm.Domain.Registry;

/// <summary>
/// CPF (Cadastro de Pessoas Físicas): 11 digits written <c>000.000.000-00</c>; the last two are check
/// digits (rotina E with weights 10..2, then 11..2). The ten numbers made of one repeated digit pass the
/// checksum but are rejected, as the Receita Federal and the NF-e rules do.
/// </summary>
public readonly record struct Cpf
{
    private const int Length = 11;

    // The 9th digit is the fiscal region where the CPF was issued (REGISTRY.md §1; BU src/common/states.ts).
    private static readonly Uf[][] Regions =
    [
        [Uf.RS],
        [Uf.DF, Uf.GO, Uf.MS, Uf.MT, Uf.TO],
        [Uf.AC, Uf.AM, Uf.AP, Uf.PA, Uf.RO, Uf.RR],
        [Uf.CE, Uf.MA, Uf.PI],
        [Uf.AL, Uf.PB, Uf.PE, Uf.RN],
        [Uf.BA, Uf.SE],
        [Uf.MG],
        [Uf.ES, Uf.RJ],
        [Uf.SP],
        [Uf.PR, Uf.SC],
    ];

    private Cpf(string value) => Value = value;

    /// <summary>The 11 digits, unmasked.</summary>
    public string Value { get; }

    /// <summary>The 9th digit: the fiscal region (região fiscal) that issued the CPF.</summary>
    public int FiscalRegion => Value[8] - '0';

    /// <summary>The states of the <see cref="FiscalRegion"/> that issued the CPF (for example 8 → SP).</summary>
    public IReadOnlyList<Uf> FiscalRegionUfs => Regions[FiscalRegion];

    /// <summary>Parses a CPF with or without its mask, reporting every problem found.</summary>
    public static Outcome<Cpf> Parse(string? value) =>
        DocumentShape.Parse(value, Length, Inspect, v => new Cpf(v), Describe);

    /// <summary>True when <paramref name="value"/> is a valid CPF (mask allowed). Does not allocate.</summary>
    public static bool IsValid(string? value) => Inspect(value, stackalloc char[Length]) == Defects.None;

    /// <summary>Parses without reporting why; false when invalid.</summary>
    public static bool TryParse(string? value, out Cpf result) =>
        Parse(value).TryPickT0(out result, out _);

    /// <summary>The masked form, <c>000.000.000-00</c>.</summary>
    public override string ToString() =>
        Value is null ? "" : $"{Value[..3]}.{Value[3..6]}.{Value[6..9]}-{Value[9..]}";

    private static Defects Inspect(ReadOnlySpan<char> value, Span<char> digits)
    {
        var defects = DocumentShape.Unmask(value, digits, DocumentShape.Digits);
        if (defects != Defects.None)
            return defects;
        if (DocumentShape.IsRepeated(digits))
            return Defects.RepeatedDigits;
        return RotinaE.Match(digits, maxWeight: Length) ? Defects.None : Defects.CheckDigit;
    }

    private static Problem Describe(Defects defect) => new("cpf", defect.Code(), defect switch
    {
        Defects.Empty => "CPF não informado.",
        Defects.Length => "CPF deve ter 11 dígitos.",
        Defects.Characters => "CPF deve conter apenas dígitos (a máscara 000.000.000-00 é opcional).",
        Defects.RepeatedDigits => "CPF com todos os dígitos iguais não é válido.",
        _ => "Dígitos verificadores do CPF não conferem.",
    });
}
