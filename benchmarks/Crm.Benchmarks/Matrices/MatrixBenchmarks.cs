using BenchmarkDotNet.Attributes;
using Crm.Domain.Matrices;
using Crm.Domain.Matrices.Commercial;
using Crm.Domain.Registry;
using NodaTime;

namespace Crm.Benchmarks.Matrices;

/// <summary>
/// Rule sets shaped like a real commission/discount matrix: a default row plus six shapes (customer × product,
/// group × line, UF × full NCM, product with two validity versions, customer with three quantity tiers,
/// line × UF × payment condition), every key unique, so the build succeeds at any size.
/// </summary>
internal static class BenchmarkRules
{
    public static readonly LocalDate Date = new(2026, 6, 1);

    public static MatrixRule<CommissionRule>[] Generate(int count)
    {
        var rules = new MatrixRule<CommissionRule>[count];
        rules[0] = new("default", MatrixKey.Any, new CommissionRule(1m));
        for (var i = 1; i < count; i++)
        {
            var k = i / 6;
            var key = (i % 6) switch
            {
                0 => new MatrixKey { Customer = $"C{k}", Product = $"P{k % 5_000}" },
                1 => new MatrixKey { CustomerGroup = $"G{k}", ProductLine = $"L{k % 100}" },
                2 => new MatrixKey { DestinationUf = (Uf)(k % 27), NcmPrefix = $"{10_000_000 + k}" },
                3 => new MatrixKey
                {
                    Product = $"P{k / 2}",
                    Validity = k % 2 == 0 ? new(to: new LocalDate(2025, 12, 31)) : new(from: new LocalDate(2026, 1, 1)),
                },
                4 => new MatrixKey { Customer = $"C{k / 3}", Quantity = (k % 3) switch { 0 => new(0, 10), 1 => new(10, 100), _ => new(100, null) } },
                _ => new MatrixKey { ProductLine = $"L{k}", DestinationUf = (Uf)(k % 27), PaymentCondition = "30d" },
            };
            rules[i] = new($"r{i}", key, new CommissionRule(i % 10));
        }
        return rules;
    }

    /// <summary>Lines drawn over the whole key space (hits at every depth, and misses), with a fixed seed.</summary>
    public static MatrixContext[] Lines(int ruleCount, int lines)
    {
        var random = new Random(42);
        var k = Math.Max(1, ruleCount / 6);
        return Enumerable.Range(0, lines).Select(_ => random.Next(k)).Select(customer => new MatrixContext
        {
            Date = Date,
            Customer = $"C{customer}",
            Product = $"P{(random.Next(2) == 0 ? customer : random.Next(k)) % 5_000}",
            CustomerGroup = $"G{random.Next(k * 2)}",
            ProductLine = $"L{random.Next(k)}",
            DestinationUf = (Uf)random.Next(27),
            PaymentCondition = random.Next(2) == 0 ? "30d" : "60d",
            Ncm = Ncm.Parse($"{10_000_000 + random.Next(k * 2)}").AsT0,
            Quantity = random.Next(200),
        }).ToArray();
    }
}

/// <summary>One lookup against matrices of growing size; the cost should stay flat (target: 1M within 2× of 1k) and allocate nothing.</summary>
[MemoryDiagnoser]
public class MatrixLookupBenchmarks
{
    private const int Lines = 64;
    private Matrix<CommissionRule> _matrix = null!;
    private MatrixContext[] _lines = null!;

    /// <summary>Number of rules in the matrix.</summary>
    [Params(1_000, 100_000, 1_000_000)]
    public int RuleCount { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _matrix = Matrix<CommissionRule>.Build(BenchmarkRules.Generate(RuleCount)).AsT0;
        _lines = BenchmarkRules.Lines(RuleCount, Lines);
    }

    /// <summary>Average over 64 different lines.</summary>
    [Benchmark(OperationsPerInvoke = Lines)]
    public decimal Lookup()
    {
        var sum = 0m;
        foreach (var line in _lines)
            sum += _matrix.Find(line)?.Payload.Rate ?? 0m;
        return sum;
    }
}

/// <summary>Building (validating and indexing) matrices of growing size.</summary>
[MemoryDiagnoser]
public class MatrixBuildBenchmarks
{
    private MatrixRule<CommissionRule>[] _rules = null!;

    /// <summary>Number of rules in the matrix.</summary>
    [Params(1_000, 100_000, 1_000_000)]
    public int RuleCount { get; set; }

    [GlobalSetup]
    public void Setup() => _rules = BenchmarkRules.Generate(RuleCount);

    [Benchmark]
    public int Build() => Matrix<CommissionRule>.Build(_rules).AsT0.Rules.Count;
}

/// <summary>
/// A tenant saves one rule of a large matrix: the matrix changed by <c>With</c> against a full build of the changed list
/// (the baseline), side by side. Target of issue 14: ≤ 50 ms at 10⁵ rules.
/// </summary>
[MemoryDiagnoser]
public class MatrixChangeBenchmarks
{
    private Matrix<CommissionRule> _matrix = null!;
    private MatrixRule<CommissionRule>[] _changedRules = null!;
    private MatrixRule<CommissionRule> _changed = null!;

    /// <summary>Number of rules in the matrix.</summary>
    [Params(10_000, 100_000)]
    public int RuleCount { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        var rules = BenchmarkRules.Generate(RuleCount);
        _matrix = Matrix<CommissionRule>.Build(rules).AsT0;
        var middle = rules[RuleCount / 2];
        _changed = new(middle.Id, middle.Key, new CommissionRule(middle.Payload.Rate + 0.5m));
        _changedRules = [.. rules];
        _changedRules[RuleCount / 2] = _changed;
    }

    [Benchmark(Baseline = true)]
    public int Build() => Matrix<CommissionRule>.Build(_changedRules).AsT0.Rules.Count;

    [Benchmark]
    public int With() => _matrix.With([_changed], []).AsT0.Rules.Count;
}
