using BenchmarkDotNet.Attributes;
using Crm.Domain.Matrices.Tax;
using Crm.Domain.Taxes;

namespace Crm.Benchmarks.Taxes;

/// <summary>
/// Full breakdown of one item, per item shape, against a baseline that computes the same NF-e fields as straight-line
/// decimal arithmetic (no validation, no explanation, nothing kept). Target: every shape within 3× of its baseline, the
/// full item within 2×, one allocation (the result).
/// </summary>
/// <remarks>On a shared machine, compare the Min column: the least disturbed run of each case.</remarks>
[MemoryDiagnoser]
[MinColumn]
public class ItemTaxBenchmarks
{
    private TaxItem item;
    private TaxParameters parameters;
    private decimal stMvaFactor;

    /// <summary>
    /// Which taxes the item carries: own ICMS only; ICMS and IPI; with DIFAL (double base, destination FCP); with ST
    /// (adjusted MVA, FCP-ST); the full item (ST, DIFAL, PIS/COFINS, CBS/IBS).
    /// </summary>
    [Params("IcmsOnly", "IcmsIpi", "WithDifal", "WithSt", "Full")]
    public string Shape { get; set; } = "";

    [GlobalSetup]
    public void Setup()
    {
        item = TaxItem.Create(7m, 123.4567m, freight: 12.34m, insurance: 1.50m, otherExpenses: 3.21m, discount: 10m).AsT0;
        var consumer = Shape is "WithDifal" or "Full";
        var st = Shape is "WithSt" or "Full";
        parameters = new TaxParameters(
            consumer ? new Recipient(IeIndicator.NonContributor, true, true) : new Recipient(IeIndicator.Contributor, false, Shape != "IcmsOnly" && Shape != "IcmsIpi"),
            new IpiParameters(Shape == "IcmsOnly" ? 0m : 6.5m, "ipi"),
            new IcmsParameters(st ? "10" : "00", Shape is "IcmsOnly" or "IcmsIpi" ? 18m : 12m, "icms", FcpRate: consumer || st ? 2m : 0m),
            Shape == "Full" ? PisCofinsParameters.NonCumulative("pc", excludeIcms: true) : new PisCofinsParameters(PisCofinsRegime.NonCumulative, 0m, 0m, "pc"),
            Shape == "Full" ? IbsCbsParameters.Test2026("rtc") : new IbsCbsParameters(0m, 0m, 0m, "rtc"),
            st ? new IcmsStParameters(45m, 18m, "st", AdjustMva: true, FcpRate: 2m) : null,
            consumer ? new DifalParameters(19m, DifalMethod.DoubleBase, "difal", 2m) : null);
        stMvaFactor = st ? 1m + ItemTaxCalculator.AdjustedMva(45m, 12m, 18m) / 100m : 0m;
        var expected = StraightLineBaseline.SameFields(Compute(), Shape);
        if (StraightLine() != expected)
            throw new InvalidOperationException($"The baseline of {Shape} does not compute the calculator's fields: {StraightLine()} ≠ {expected}.");
    }

    [Benchmark]
    public TaxBreakdown Compute() => ItemTaxCalculator.Compute(item, parameters);

    [Benchmark]
    public bool ValidateAndCompute() => ItemTaxCalculator.Calculate(item, parameters).IsValid;

    /// <summary>The same fields as <see cref="Compute"/> for this shape, as straight-line decimal arithmetic; the sum of them keeps them alive.</summary>
    [Benchmark(Baseline = true)]
    public decimal StraightLine() => Shape switch
    {
        "IcmsOnly" => StraightLineBaseline.IcmsOnly(item, parameters),
        "IcmsIpi" => StraightLineBaseline.IcmsIpi(item, parameters),
        "WithDifal" => StraightLineBaseline.WithDifal(item, parameters),
        "WithSt" => StraightLineBaseline.WithSt(item, parameters, stMvaFactor),
        _ => StraightLineBaseline.Full(item, parameters, stMvaFactor),
    };
}

/// <summary>
/// Each item shape's NF-e fields written out by hand, half-up to the cent as the calculator's default profile: what the
/// breakdown costs at the least. The benchmark's setup checks that both give the same fields (<see cref="SameFields"/>);
/// the adjusted MVA is computed once, as the calculator caches it.
/// </summary>
internal static class StraightLineBaseline
{
    private static decimal R(decimal value) => decimal.Round(value, 2, MidpointRounding.AwayFromZero);

    private static decimal Operation(in TaxItem i, out decimal product)
    {
        product = R(i.Quantity * i.UnitPrice);
        return product + i.Freight + i.Insurance + i.OtherExpenses - i.Discount;
    }

    public static decimal IcmsOnly(in TaxItem i, in TaxParameters p)
    {
        var operation = Operation(i, out var product);
        var icmsBase = operation;
        var icms = R(icmsBase * p.Icms.Rate * 0.01m);
        var total = product - i.Discount + i.Freight + i.Insurance + i.OtherExpenses;
        return operation + icmsBase + icms + total;
    }

    public static decimal IcmsIpi(in TaxItem i, in TaxParameters p)
    {
        var operation = Operation(i, out var product);
        var ipi = R(operation * p.Ipi.Rate * 0.01m);
        var icmsBase = operation;
        var icms = R(icmsBase * p.Icms.Rate * 0.01m);
        var total = product - i.Discount + i.Freight + i.Insurance + i.OtherExpenses + ipi;
        return operation + ipi + icmsBase + icms + total;
    }

    public static decimal WithDifal(in TaxItem i, in TaxParameters p)
    {
        var operation = Operation(i, out var product);
        var ipi = R(operation * p.Ipi.Rate * 0.01m);
        var icmsBase = operation + ipi;
        var icms = R(icmsBase * p.Icms.Rate * 0.01m);
        var fcp = R(icmsBase * p.Icms.FcpRate * 0.01m);
        var d = p.Difal!.Value;
        var difalBase = R((icmsBase - icms) / (1m - d.DestinationRate * 0.01m));
        var difal = Math.Max(0m, R(difalBase * d.DestinationRate * 0.01m) - icms);
        var fcpDestination = R(difalBase * d.DestinationFcpRate * 0.01m);
        var total = product - i.Discount + i.Freight + i.Insurance + i.OtherExpenses + ipi;
        return operation + ipi + icmsBase + icms + fcp + difalBase + difal + fcpDestination + total;
    }

    public static decimal WithSt(in TaxItem i, in TaxParameters p, decimal mvaFactor)
    {
        var operation = Operation(i, out var product);
        var ipi = R(operation * p.Ipi.Rate * 0.01m);
        var icmsBase = operation;
        var icms = R(icmsBase * p.Icms.Rate * 0.01m);
        var fcp = R(icmsBase * p.Icms.FcpRate * 0.01m);
        var (stBase, icmsSt, fcpSt) = St(p, operation + ipi, icms, fcp, mvaFactor);
        var total = product - i.Discount + i.Freight + i.Insurance + i.OtherExpenses + ipi + icmsSt + fcpSt;
        return operation + ipi + icmsBase + icms + fcp + stBase + icmsSt + fcpSt + total;
    }

    public static decimal Full(in TaxItem i, in TaxParameters p, decimal mvaFactor)
    {
        var operation = Operation(i, out var product);
        var ipi = R(operation * p.Ipi.Rate * 0.01m);
        var icmsBase = operation + ipi;
        var icms = R(icmsBase * p.Icms.Rate * 0.01m);
        var fcp = R(icmsBase * p.Icms.FcpRate * 0.01m);
        var (stBase, icmsSt, fcpSt) = St(p, operation + ipi, icms, fcp, mvaFactor);
        var d = p.Difal!.Value;
        var difalBase = R((icmsBase - icms) / (1m - d.DestinationRate * 0.01m));
        var difal = Math.Max(0m, R(difalBase * d.DestinationRate * 0.01m) - icms);
        var fcpDestination = R(difalBase * d.DestinationFcpRate * 0.01m);
        var pisCofinsBase = operation - icms;
        var pis = R(pisCofinsBase * p.PisCofins.PisRate * 0.01m);
        var cofins = R(pisCofinsBase * p.PisCofins.CofinsRate * 0.01m);
        var ibsCbsBase = operation - pis - cofins - icms - fcp - difal - fcpDestination;
        var cbs = R(ibsCbsBase * p.IbsCbs.CbsRate * 0.01m);
        var ibsUf = R(ibsCbsBase * p.IbsCbs.IbsUfRate * 0.01m);
        var ibsMun = R(ibsCbsBase * p.IbsCbs.IbsMunRate * 0.01m);
        var total = product - i.Discount + i.Freight + i.Insurance + i.OtherExpenses + ipi + icmsSt + fcpSt;
        return operation + ipi + icmsBase + icms + fcp + stBase + icmsSt + fcpSt + difalBase + difal + fcpDestination
               + pisCofinsBase + pis + cofins + ibsCbsBase + cbs + ibsUf + ibsMun + total;
    }

    /// <summary>ST with the adjusted MVA's factor 1 + MVA given.</summary>
    private static (decimal Base, decimal Value, decimal Fcp) St(in TaxParameters p, decimal value, decimal icms, decimal fcp, decimal mvaFactor)
    {
        var st = p.St!.Value;
        var stBase = R(value * mvaFactor);
        return (stBase, Math.Max(0m, R(stBase * st.Rate * 0.01m) - icms), Math.Max(0m, R(stBase * st.FcpRate * 0.01m) - fcp));
    }

    /// <summary>The sum the baseline of <paramref name="shape"/> returns, from the calculator's breakdown.</summary>
    public static decimal SameFields(TaxBreakdown t, string shape)
    {
        var common = t.OperationValue + t.Icms.Base + t.Icms.Value + t.ItemTotal;
        var ipi = t.Ipi.Value;
        return shape switch
        {
            "IcmsOnly" => common,
            "IcmsIpi" => common + ipi,
            "WithDifal" => common + ipi + t.Fcp.Value + t.Difal.Base + t.Difal.Value + t.FcpDestination.Value,
            "WithSt" => common + ipi + t.Fcp.Value + t.IcmsSt.Base + t.IcmsSt.Value + t.FcpSt.Value,
            _ => common + ipi + t.Fcp.Value + t.IcmsSt.Base + t.IcmsSt.Value + t.FcpSt.Value + t.Difal.Base + t.Difal.Value + t.FcpDestination.Value
                 + t.Pis.Base + t.Pis.Value + t.Cofins.Value + t.Cbs.Base + t.Cbs.Value + t.IbsUf.Value + t.IbsMun.Value,
        };
    }
}
