using Crm.Domain.Matrices.Tax;
using Crm.Domain.Taxes;
using FsCheck;
using FsCheck.Xunit;

namespace Crm.Domain.Tests.Taxes;

/// <summary>Properties of every breakdown, over random items, rates, recipients and rounding policies.</summary>
public class TaxBreakdownProperties
{
    [Property]
    public bool Item_total_is_the_sum_of_its_parts(NonNegativeInt quantity, NonNegativeInt priceCents, NonNegativeInt freightCents, byte rateSeed, bool consumer, bool later)
    {
        var taxes = Compute(quantity, priceCents, freightCents, rateSeed, consumer, later);

        var expected = taxes.Product - taxes.Discount + taxes.IcmsSt.Value + taxes.FcpSt.Value + taxes.Freight + taxes.Insurance
                       + taxes.OtherExpenses + taxes.Ipi.Value + (taxes.IbsCbsInTotal ? taxes.Cbs.Value + taxes.Ibs : 0m);
        return taxes.ItemTotal == expected && taxes.IbsCbsInTotal == later;
    }

    [Property]
    public bool The_pis_cofins_and_ibs_cbs_bases_are_the_operation_value_less_what_each_takes_out(
        NonNegativeInt quantity, NonNegativeInt priceCents, NonNegativeInt freightCents, byte rateSeed, bool consumer, bool later)
    {
        var t = Compute(quantity, priceCents, freightCents, rateSeed, consumer, later);

        var operation = t.Product + t.Freight + t.Insurance + t.OtherExpenses - t.Discount;
        var excludesIcms = rateSeed % 2 == 1; // as Compute sets PIS/COFINS up
        return t.OperationValue == operation
               && t.Pis.Base == operation - (excludesIcms ? t.Icms.Value : 0m) && t.Cofins.Base == t.Pis.Base
               && t.Cbs.Base == operation - t.Pis.Value - t.Cofins.Value - t.Icms.Value - t.Fcp.Value - t.Difal.Value - t.FcpDestination.Value
               && t.IbsUf.Base == t.Cbs.Base && t.IbsMun.Base == t.Cbs.Base;
    }

    // SEFAZ checks vTax = vBC × p with a ±0.01 tolerance for every tax (NT 2013.005 §7); ST, FCP-ST and DIFAL also deduct the own tax.
    [Property]
    public bool Every_value_passes_the_sefaz_base_times_rate_check(NonNegativeInt quantity, NonNegativeInt priceCents, NonNegativeInt freightCents, byte rateSeed, bool consumer)
    {
        var t = Compute(quantity, priceCents, freightCents, rateSeed, consumer, false);

        static bool Close(TaxLine line, decimal deducted = 0m) => Math.Abs(line.Value + deducted - line.Base * line.Rate / 100m) <= 0.01m;
        // a deducting tax is floored at zero when the own tax exceeds it
        static bool Deducted(TaxLine line, decimal own) => line.Value == 0m ? line.Base * line.Rate / 100m <= own + 0.01m : Close(line, own);
        return new[] { t.Ipi, t.Icms, t.Fcp, t.Pis, t.Cofins, t.Cbs, t.IbsUf, t.IbsMun, t.FcpDestination }.All(l => Close(l))
               && Deducted(t.IcmsSt, t.Icms.Value) && Deducted(t.FcpSt, t.Fcp.Value) && Deducted(t.Difal, t.Icms.Value)
               && new[] { t.Icms.Base, t.IcmsSt.Base, t.Difal.Base, t.Cbs.Base }.All(b => decimal.Round(b, 2) == b);
    }

    // NF-e: vUnCom keeps up to 10 places and vProd = qCom × vUnCom is rounded once (|vProd − qCom × vUnCom| ≤ 0.01, rejections 629/630).
    [Property]
    public bool Only_vProd_is_rounded_and_the_unit_price_is_kept_whole(PositiveInt quantity, long priceDigits, byte places, byte policySeed)
    {
        var digits = (ulong)Math.Abs(priceDigits % 1_000_000_000_000L);
        var unitPrice = new decimal((int)(uint)digits, (int)(digits >> 32), 0, false, (byte)(places % 11));
        var q = quantity.Get % 100_000 / 100m;
        if (q == 0m)
            return true;
        var policy = (RoundingPolicy)(policySeed % 3);
        var taxes = TaxFixtures.Calculate(TaxFixtures.Item(q, unitPrice), TaxFixtures.Parameters(TaxFixtures.ContributorForResale, rounding: RoundingProfile.Uniform(policy)));
        return taxes.Product == policy.ToCents(q * unitPrice) && Math.Abs(taxes.Product - q * unitPrice) < 0.01m;
    }

    private static TaxBreakdown Compute(NonNegativeInt quantity, NonNegativeInt priceCents, NonNegativeInt freightCents, byte rateSeed, bool consumer, bool later)
    {
        var policy = (RoundingPolicy)(rateSeed % 3);
        var item = TaxFixtures.Item(quantity.Get % 1000 + 1, priceCents.Get / 100m + 0.001m * (rateSeed % 10), freight: freightCents.Get % 100000 / 100m);
        var recipient = consumer ? TaxFixtures.InterstateConsumer : TaxFixtures.InterstateContributor;
        var st = consumer ? (IcmsStParameters?)null : new IcmsStParameters(rateSeed % 90, 18m, "st", AdjustMva: rateSeed % 2 == 0, FcpRate: rateSeed % 3);
        var parameters = TaxFixtures.Parameters(recipient, ipiRate: rateSeed % 20, icmsRate: 4m + rateSeed % 9, cst: consumer ? "00" : "10",
            fcpRate: rateSeed % 3, pisCofins: PisCofinsParameters.NonCumulative("pc", excludeIcms: rateSeed % 2 == 1),
            ibsCbs: new IbsCbsParameters(0.90m, 0.10m, 0.05m, "rtc", rateSeed % 4 * 20m, rateSeed % 5 * 20m, rateSeed % 3 * 30m, later),
            st: st, difal: new DifalParameters(17m + rateSeed % 6, (DifalMethod)(rateSeed % 3), "difal", rateSeed % 2),
            rounding: RoundingProfile.Uniform(policy));
        return TaxFixtures.Calculate(item, parameters);
    }
}
