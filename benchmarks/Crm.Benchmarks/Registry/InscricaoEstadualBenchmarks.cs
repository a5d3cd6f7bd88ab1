using BenchmarkDotNet.Attributes;
using Crm.Domain.Registry;

namespace Crm.Benchmarks.Registry;

/// <summary>
/// <see cref="InscricaoEstadual.IsValid"/> on valid input, masked and unmasked. Target: ≤ 100 ns and 0 bytes.
/// The IEs are published examples (SINTEGRA / SEFAZ-BA guides and caelum-stella's tests).
/// </summary>
[MemoryDiagnoser]
public class InscricaoEstadualBenchmarks
{
    public sealed record Case(Uf Uf, string Ie, string Label)
    {
        public override string ToString() => Label;
    }

    public static IEnumerable<Case> Cases() =>
    [
        new(Uf.SP, "110.042.490.114", "SP 12"),
        new(Uf.SP, "P-01100424.3/002", "SP rural"),
        new(Uf.MG, "062.307.904/0081", "MG 13"),
        new(Uf.BA, "612345-57", "BA 8"),
        new(Uf.BA, "1234567-48", "BA 9"),
        new(Uf.BA, "123456748", "BA 9 plain"),
    ];

    [ParamsSource(nameof(Cases))]
    public Case Input { get; set; } = null!;

    [Benchmark]
    public bool IsValid() => InscricaoEstadual.IsValid(Input.Ie, Input.Uf);
}
