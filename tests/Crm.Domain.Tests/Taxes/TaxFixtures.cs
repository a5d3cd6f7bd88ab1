using Crm.Domain.Matrices.Tax;
using Crm.Domain.Taxes;

namespace Crm.Domain.Tests.Taxes;

/// <summary>Shared builders: an item and a parameter set with no tax unless a test asks for one.</summary>
internal static class TaxFixtures
{
    public static readonly Recipient ContributorForResale = new(IeIndicator.Contributor, FinalConsumer: false, Interstate: false);
    public static readonly Recipient InterstateContributor = new(IeIndicator.Contributor, FinalConsumer: false, Interstate: true);
    public static readonly Recipient InterstateConsumer = new(IeIndicator.NonContributor, FinalConsumer: true, Interstate: true);

    public static TaxItem Item(decimal quantity, decimal unitPrice, decimal freight = 0m, decimal insurance = 0m, decimal other = 0m, decimal discount = 0m) =>
        TaxItem.Create(quantity, unitPrice, freight, insurance, other, discount).AsT0;

    public static TaxParameters Parameters(
        Recipient recipient,
        decimal ipiRate = 0m,
        decimal icmsRate = 0m,
        string cst = "00",
        decimal icmsReduction = 0m,
        decimal fcpRate = 0m,
        PisCofinsParameters? pisCofins = null,
        IbsCbsParameters? ibsCbs = null,
        IcmsStParameters? st = null,
        DifalParameters? difal = null,
        RoundingProfile rounding = default,
        IpiParameters? ipi = null) =>
        new(recipient,
            ipi ?? new IpiParameters(ipiRate, "ipi-rule"),
            new IcmsParameters(cst, icmsRate, "icms-rule", icmsReduction, fcpRate),
            pisCofins ?? new PisCofinsParameters(PisCofinsRegime.Cumulative, 0m, 0m, "pis-cofins-rule"),
            ibsCbs ?? new IbsCbsParameters(0m, 0m, 0m, "ibs-cbs-rule"),
            st, difal, rounding);

    public static TaxBreakdown Calculate(TaxItem item, TaxParameters parameters)
    {
        var result = ItemTaxCalculator.Calculate(item, parameters);
        Assert.True(result.IsValid, string.Join("; ", result.Problems));
        return result.AsT0;
    }
}
