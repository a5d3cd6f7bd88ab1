using System.Globalization;
using Crm.Domain.Problems;
using static Crm.Domain.Registry.Uf;

namespace Crm.Domain.Registry;

/// <summary>
/// CEP (Código de Endereçamento Postal): 8 digits written <c>00000-000</c>, with no check digit. Its
/// <see cref="Uf"/> comes from the national ranges (REGISTRY.md §3, after ACBr <c>ValidarCEP</c>). CEPs
/// below 01000-000 are rejected: no state's range starts there. A valid CEP is not proof that the address
/// exists (ask the Correios DNE or ViaCEP for that).
/// </summary>
public readonly record struct Cep
{
    private const int Length = 8;
    private const int Lowest = 1000;

    // Ranges of the 5-digit prefix, inclusive, in ascending order.
    private static readonly (int First, int Last, Uf Uf)[] Ranges =
    [
        (01000, 19999, SP), (20000, 28999, RJ), (29000, 29999, ES), (30000, 39999, MG),
        (40000, 48999, BA), (49000, 49999, SE), (50000, 56999, PE), (57000, 57999, AL),
        (58000, 58999, PB), (59000, 59999, RN), (60000, 63999, CE), (64000, 64999, PI),
        (65000, 65999, MA), (66000, 68899, PA), (68900, 68999, AP), (69000, 69299, AM),
        (69300, 69399, RR), (69400, 69899, AM), (69900, 69999, AC), (70000, 72799, DF),
        (72800, 72999, GO), (73000, 73699, DF), (73700, 76799, GO), (76800, 76999, RO),
        (77000, 77999, TO), (78000, 78899, MT), (79000, 79999, MS), (80000, 87999, PR),
        (88000, 89999, SC), (90000, 99999, RS),
    ];

    private Cep(string value) => Value = value;

    /// <summary>The 8 digits, unmasked.</summary>
    public string Value { get; }

    /// <summary>
    /// The state whose national CEP range holds this CEP; null when none does (78900-000 to 78999-999, a
    /// range that belonged to Rondônia and is no longer assigned).
    /// </summary>
    public Uf? Uf
    {
        get
        {
            var prefix = int.Parse(Value.AsSpan(0, 5), CultureInfo.InvariantCulture);
            foreach (var range in Ranges)
            {
                if (prefix >= range.First && prefix <= range.Last)
                    return range.Uf;
            }
            return null;
        }
    }

    /// <summary>Parses a CEP with or without its mask, reporting every problem found.</summary>
    public static Outcome<Cep> Parse(string? value) =>
        DocumentShape.Parse(value, Length, Inspect, v => new Cep(v), Describe);

    /// <summary>True when <paramref name="value"/> is a CEP (8 digits from 01000-000, mask allowed). Does not allocate.</summary>
    public static bool IsValid(string? value) => Inspect(value, stackalloc char[Length]) == Defects.None;

    /// <summary>Parses without reporting why; false when invalid.</summary>
    public static bool TryParse(string? value, out Cep result) =>
        Parse(value).TryPickT0(out result, out _);

    /// <summary>The masked form, <c>00000-000</c>.</summary>
    public override string ToString() => Value is null ? "" : $"{Value[..5]}-{Value[5..]}";

    private static Defects Inspect(ReadOnlySpan<char> value, Span<char> digits)
    {
        var defects = DocumentShape.Unmask(value, digits, DocumentShape.Digits);
        if (defects == Defects.None && int.Parse(digits[..5], CultureInfo.InvariantCulture) < Lowest)
            return Defects.Range;
        return defects;
    }

    private static Problem Describe(Defects defect) => new("cep", defect.Code(), defect switch
    {
        Defects.Empty => "CEP não informado.",
        Defects.Length => "CEP deve ter 8 dígitos.",
        Defects.Characters => "CEP deve conter apenas dígitos (a máscara 00000-000 é opcional).",
        _ => "CEP abaixo de 01000-000 não pertence a nenhum estado.",
    });
}
