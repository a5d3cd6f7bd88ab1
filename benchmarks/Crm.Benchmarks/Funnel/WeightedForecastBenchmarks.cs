using BenchmarkDotNet.Attributes;
using Crm.Domain.Funnel.Analytics;
using Crm.Domain.Funnel.Pipelines;
using Crm.Domain.Identity;
using Crm.Domain.Monetary;
using NodaTime;

namespace Crm.Benchmarks.Funnel;

/// <summary>The weighted forecast over many opportunity lines: 50 owners, 6 stages, 12 months, 1 in 20 in USD.</summary>
[MemoryDiagnoser]
public class WeightedForecastBenchmarks
{
    private ForecastLine[] _lines = [];

    [Params(100_000, 1_000_000)]
    public int Opportunities { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        var random = new Random(42);
        var owners = Enumerable.Range(0, 50).Select(_ => new UserId(Guid.NewGuid())).ToArray();
        var stages = Enumerable.Range(0, 6).Select(_ => StageId.New()).ToArray();
        int[] probabilities = [10, 25, 50, 75, 100, 0];
        _lines = new ForecastLine[Opportunities];
        for (var i = 0; i < _lines.Length; i++)
        {
            var stage = random.Next(stages.Length);
            var close = random.Next(13) == 0 ? (LocalDate?)null : new LocalDate(2026, 1 + random.Next(12), 1 + random.Next(28));
            var value = new Money(random.Next(100, 5_000_000) / 100m, random.Next(20) == 0 ? "USD" : "BRL");
            _lines[i] = new ForecastLine(owners[random.Next(owners.Length)], stages[stage], probabilities[stage], close, value);
        }
    }

    [Benchmark]
    public int ByOwner() => WeightedForecast.ByOwner(_lines).Count;

    [Benchmark]
    public int ByStage() => WeightedForecast.ByStage(_lines).Count;

    [Benchmark]
    public int ByMonth() => WeightedForecast.ByMonth(_lines).Count;
}
