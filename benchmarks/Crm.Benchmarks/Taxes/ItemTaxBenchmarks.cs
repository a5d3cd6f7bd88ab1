using BenchmarkDotNet.Attributes;
using Crm.Domain.Matrices.Tax;
using Crm.Domain.Taxes;

namespace Crm.Benchmarks.Taxes;

/// <summary>Full breakdown of one item (target ≤ 1 µs, one allocation: the result).</summary>
[MemoryDiagnoser]
public class ItemTaxBenchmarks
{
    private TaxItem item;
    private TaxParameters parameters;

    /// <summary>Which taxes the item carries: own ICMS only, or everything including ST, or DIFAL (double base).</summary>
    [Params("IcmsOnly", "WithSt", "WithDifal")]
    public string Scenario { get; set; } = "";

    [GlobalSetup]
    public void Setup()
    {
        item = TaxItem.Create(7m, 123.4567m, freight: 12.34m, insurance: 1.50m, otherExpenses: 3.21m, discount: 10m).AsT0;
        var recipient = Scenario == "WithDifal"
            ? new Recipient(IeIndicator.NonContributor, true, true)
            : new Recipient(IeIndicator.Contributor, false, true);
        parameters = new TaxParameters(
            recipient,
            new IpiParameters(Scenario == "IcmsOnly" ? 0m : 6.5m, "ipi"),
            new IcmsParameters(Scenario == "WithSt" ? "10" : "00", 12m, "icms", FcpRate: 2m),
            PisCofinsParameters.NonCumulative("pc", excludeIcms: true),
            IbsCbsParameters.Test2026("rtc"),
            Scenario == "WithSt" ? new IcmsStParameters(45m, 18m, "st", AdjustMva: true, FcpRate: 2m) : null,
            Scenario == "WithDifal" ? new DifalParameters(19m, DifalMethod.DoubleBase, "difal", 2m) : null);
    }

    [Benchmark]
    public TaxBreakdown Compute() => ItemTaxCalculator.Compute(item, parameters);

    [Benchmark]
    public bool ValidateAndCompute() => ItemTaxCalculator.Calculate(item, parameters).IsValid;
}
