using System.Runtime.CompilerServices;
using Crm.Domain.Matrices.Tax;
using Crm.Domain.Registry;
using Crm.Domain.Problems;

namespace Crm.Domain.Taxes;

/// <summary>
/// Computes the taxes of one NF-e item in the order of TAXES.md §0: IPI → ICMS + FCP → ICMS-ST + FCP-ST →
/// DIFAL + destination FCP → PIS/COFINS → CBS/IBS. Every base and value is rounded once, as its NF-e field,
/// with the policy the <see cref="RoundingProfile"/> gives that tax, and each later tax reads the rounded
/// values of the earlier ones. The only allocation is the <see cref="TaxBreakdown"/>.
/// </summary>
public static class ItemTaxCalculator
{
    /// <summary>Checks the parameters, listing every problem, and computes the breakdown when they are sound.</summary>
    public static Outcome<TaxBreakdown> Calculate(in TaxItem item, in TaxParameters parameters)
    {
        var problems = Validate(parameters);
        return problems.HasProblems ? problems.ToInvalid() : Compute(item, parameters);
    }

    /// <summary>
    /// The adjusted MVA of Conv. ICMS 104/2008: [(1 + MVA) × (1 − ALQ inter) / (1 − ALQ intra)] − 1, in %,
    /// rounded half-up to 4 places (pMVAST is 3v2-4).
    /// </summary>
    /// <param name="originalMva">The original MVA, in %.</param>
    /// <param name="interstateRate">The interstate rate of the sale, in %.</param>
    /// <param name="internalRate">The destination's internal rate, in %.</param>
    public static decimal AdjustedMva(decimal originalMva, decimal interstateRate, decimal internalRate) =>
        decimal.Round(
            (Factor(originalMva) * Factor(-interstateRate) / Factor(-internalRate) - 1m) * 100m,
            4, MidpointRounding.AwayFromZero);

    internal static ProblemCollector Validate(in TaxParameters p)
    {
        var problems = new ProblemCollector();
        ref readonly var ipi = ref p.IpiRef; // by reference: the parameter sets are large structs
        problems.NotNegative("ipi.rate", ipi.Rate); // IPI rates may exceed 100 % (TIPI chapter 24)
        problems.RatePlaces("ipi.rate", ipi.Rate);
        problems.NotNegative("ipi.taxable_units_per_unit", ipi.TaxableUnitsPerUnit);
        problems.NotNegative("ipi.amount_per_unit", ipi.AmountPerUnit);
        if (DecimalBits.IsPositive(ipi.Rate) && DecimalBits.IsPositive(ipi.AmountPerUnit))
            problems.Add("ipi.amount_per_unit", TaxCodes.IpiRateAndAmount,
                $"IPI é ad valorem ({ipi.Rate} %) ou específico (R$ {ipi.AmountPerUnit} por unidade), não os dois.");
        Source(ref problems, "ipi", ipi.Source);

        ref readonly var icms = ref p.IcmsRef;
        problems.Percent("icms.rate", icms.Rate);
        problems.Reduction("icms.base_reduction", icms.BaseReduction);
        problems.Percent("icms.fcp_rate", icms.FcpRate);
        Source(ref problems, "icms", icms.Source);
        var cst = icms.Cst ?? "";
        var traits = IcmsCsts.Of(cst); // one lookup for every check of the CST
        if (traits == IcmsCstTraits.Unknown)
            problems.Add("icms.cst", TaxCodes.Cst, $"CST/CSOSN '{cst}' não existe.");
        else
        {
            if (DecimalBits.IsPositive(icms.BaseReduction) && !traits.Has(IcmsCstTraits.BaseReduction))
                problems.Add("icms.base_reduction", TaxCodes.IcmsCstMismatch, $"O CST {cst} não admite redução de base de cálculo.");
            if (DecimalBits.IsPositive(icms.Rate) && traits.Has(IcmsCstTraits.Untaxed))
                problems.Add("icms.rate", TaxCodes.IcmsCstMismatch, $"O CST/CSOSN {cst} não destaca ICMS próprio, mas a alíquota é {icms.Rate} %.");
            var withSt = p.StRef.HasValue;
            if (withSt != traits.Has(IcmsCstTraits.St) && (withSt || traits.Has(IcmsCstTraits.StRequired)))
                problems.Add("icms_st", TaxCodes.StCstMismatch, withSt
                    ? $"O CST/CSOSN {cst} não tem substituição tributária, mas há parâmetros de ICMS-ST."
                    : $"O CST/CSOSN {cst} exige ICMS-ST, mas não há parâmetros de ICMS-ST.");
        }

        ref readonly var stParameters = ref p.StRef;
        if (stParameters.HasValue)
        {
            ref readonly var st = ref Nullable.GetValueRefOrDefaultRef(in stParameters);
            problems.NotNegative("icms_st.mva", st.Mva);
            problems.RatePlaces("icms_st.mva", st.Mva);
            problems.Percent("icms_st.rate", st.Rate);
            problems.Reduction("icms_st.base_reduction", st.BaseReduction);
            problems.NotNegative("icms_st.pauta", st.Pauta);
            problems.Percent("icms_st.fcp_rate", st.FcpRate);
            Source(ref problems, "icms_st", st.Source);
        }

        ref readonly var difalParameters = ref p.DifalRef;
        if (difalParameters.HasValue)
        {
            ref readonly var difal = ref Nullable.GetValueRefOrDefaultRef(in difalParameters);
            problems.Percent("difal.destination_rate", difal.DestinationRate);
            problems.Percent("difal.destination_fcp_rate", difal.DestinationFcpRate);
            if (difal.Method == DifalMethod.DoubleBaseIncludingFcp && difal.DestinationRate + difal.DestinationFcpRate >= 100m)
                problems.Add("difal.destination_rate", TaxCodes.RateRange, "A alíquota de destino mais o FCP chegam a 100 %.");
            Source(ref problems, "difal", difal.Source);
        }

        ref readonly var pisCofins = ref p.PisCofinsRef;
        problems.Percent("pis_cofins.pis_rate", pisCofins.PisRate);
        problems.Percent("pis_cofins.cofins_rate", pisCofins.CofinsRate);
        Source(ref problems, "pis_cofins", pisCofins.Source);

        ref readonly var ibsCbs = ref p.IbsCbsRef;
        problems.Percent("ibs_cbs.cbs_rate", ibsCbs.CbsRate);
        problems.Percent("ibs_cbs.ibs_uf_rate", ibsCbs.IbsUfRate);
        problems.Percent("ibs_cbs.ibs_mun_rate", ibsCbs.IbsMunRate);
        problems.Reduction("ibs_cbs.cbs_reduction", ibsCbs.CbsReduction);
        problems.Reduction("ibs_cbs.ibs_uf_reduction", ibsCbs.IbsUfReduction);
        problems.Reduction("ibs_cbs.ibs_mun_reduction", ibsCbs.IbsMunReduction);
        Source(ref problems, "ibs_cbs", ibsCbs.Source);
        return problems;
    }

    private static void Source(ref ProblemCollector problems, string tax, string? source)
    {
        if (string.IsNullOrEmpty(source))
            SourceMissing(ref problems, tax);
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static void SourceMissing(ref ProblemCollector problems, string tax) =>
        problems.Add(tax + ".source", TaxCodes.SourceMissing, $"Os parâmetros de {tax} não dizem qual regra os produziu.");

    /// <summary>The computation proper, for parameters that passed <see cref="Validate"/>.</summary>
    internal static TaxBreakdown Compute(in TaxItem item, in TaxParameters p) => new(item, p);

    /// <summary>
    /// Computes the taxes of the item into <paramref name="v"/>, the storage of a new breakdown (all zero). The parameter sets
    /// are read by reference, a tax whose rate is zero costs a comparison, and the sums (value of the operation, PIS/COFINS
    /// and CBS/IBS bases, item total) are stored as computed.
    /// </summary>
    internal static void Fill(ref TaxValues v, in TaxItem item, in TaxParameters p)
    {
        var round = p.Rounding;
        var recipient = p.Recipient;
        var product = round.Product.ToCents(item.Quantity * item.UnitPrice);
        var operation = product + item.Freight + item.Insurance + item.OtherExpenses - item.Discount;
        (v.Product, v.Freight, v.Insurance, v.OtherExpenses, v.Discount, v.OperationValue) = (product, item.Freight, item.Insurance, item.OtherExpenses, item.Discount, operation);

        // IPI (RIPI art. 190 §1; unconditional discount out of the base, STF RE 567.935); specific IPI: quantity × vUnid
        ref readonly var ipiParameters = ref p.IpiRef;
        if (DecimalBits.IsPositive(ipiParameters.AmountPerUnit))
        {
            // qTrib may differ from qCom: a box sold, the IPI pauta charged per taxable unit (NF-e I13–I14, O11 qUnid); the item's
            // taxable units, else those its IPI parameters were given before the item carried them
            var perUnit = item.TaxableUnitsPerUnit > 0m ? item.TaxableUnitsPerUnit : ipiParameters.TaxableUnitsPerUnit;
            var taxable = perUnit > 0m ? item.Quantity * perUnit : item.Quantity;
            (v.IpiBase, v.IpiRate, v.Ipi) = (taxable, ipiParameters.AmountPerUnit, round.Ipi.ToCents(taxable * ipiParameters.AmountPerUnit));
        }
        else
        {
            var ipiBase = ipiParameters.FreightInBase || DecimalBits.IsZero(item.Freight) ? operation : operation - item.Freight;
            (v.IpiBase, v.IpiRate, v.Ipi) = (ipiBase, ipiParameters.Rate, Of(round.Ipi, ipiBase, ipiParameters.Rate));
        }
        var ipi = v.Ipi;
        (v.IpiSource, v.IpiCst) = (ipiParameters.Source, ipiParameters.Cst ?? "");

        // Own ICMS and FCP (N14–N17c)
        ref readonly var icmsParameters = ref p.IcmsRef;
        var ipiInIcms = recipient.IpiInIcmsBase && !DecimalBits.IsZero(ipi);
        var icmsValue = ipiInIcms ? operation + ipi : operation;
        var icmsBase = DecimalBits.IsZero(icmsParameters.BaseReduction) ? icmsValue : round.Icms.ToCents(icmsValue * icmsParameters.BaseFactor);
        var ownIcms = Of(round.Icms, icmsBase, icmsParameters.Rate);
        var ownFcp = Of(round.Icms, icmsBase, icmsParameters.FcpRate);
        (v.IpiInIcmsBase, v.IcmsCst) = (recipient.IpiInIcmsBase, icmsParameters.Cst);
        ref readonly var stParameters = ref p.StRef;
        if (stParameters.HasValue && IcmsCsts.Of(icmsParameters.Cst).Has(IcmsCstTraits.NotionalOwnIcms))
            v.IcmsSource = ""; // not on the invoice: the own ICMS only reduces the ST
        else
            (v.IcmsBase, v.IcmsBaseReduction, v.IcmsRate, v.Icms, v.FcpRate, v.Fcp, v.IcmsSource) =
                (icmsBase, icmsParameters.BaseReduction, icmsParameters.Rate, ownIcms, icmsParameters.FcpRate, ownFcp, icmsParameters.Source);
        var (icms, fcp) = (v.Icms, v.Fcp);

        // ICMS-ST and FCP-ST: IPI always in the ST base (Conv. ICMS 104/2008); own ICMS and FCP deducted
        v.StSource = "";
        var total = operation + ipi; // vItem so far (TAXES.md §1.8): vProd − vDesc + vFrete + vSeg + vOutro + vIPI
        if (stParameters.HasValue)
        {
            ref readonly var st = ref Nullable.GetValueRefOrDefaultRef(in stParameters);
            var (mva, mvaFactor) = st.AdjustMva ? AdjustedMvaCache.Of(st.Mva, icmsParameters.Rate, st.Rate) : (st.Mva, st.MvaFactor);
            var stBase = st.Mode switch
            {
                StBase.Mva => MvaBase(round.IcmsSt, operation + ipi, mvaFactor, st),
                StBase.Pauta => round.IcmsSt.ToCents(item.Quantity * st.Pauta),
                _ => Math.Max(MvaBase(round.IcmsSt, operation + ipi, mvaFactor, st), round.IcmsSt.ToCents(item.Quantity * st.Pauta)),
            };
            (v.StMva, v.StOwnIcms, v.StBase, v.StBaseReduction, v.StSource) = (mva, ownIcms, stBase, st.BaseReduction, st.Source);
            var (icmsSt, fcpSt) = (Deducting(round.IcmsSt, stBase, st.Rate, ownIcms), Deducting(round.IcmsSt, stBase, st.FcpRate, ownFcp));
            (v.StRate, v.IcmsSt, v.FcpStRate, v.FcpSt) = (st.Rate, icmsSt, st.FcpRate, fcpSt);
            total += icmsSt + fcpSt;
        }
        var ibsCbsBase = operation - icms - fcp; // UB16-10, less the DIFAL and PIS/COFINS below when they are charged

        // DIFAL and destination FCP (EC 87/2015, LC 190/2022): 100 % to the destination, nothing to the origin
        v.DifalSource = "";
        ref readonly var difalParameters = ref p.DifalRef;
        if (difalParameters.HasValue && recipient.SellerOwesDifal)
        {
            ref readonly var d = ref Nullable.GetValueRefOrDefaultRef(in difalParameters);
            var difalBase = d.Method == DifalMethod.SingleBase
                ? v.IcmsBase
                : round.Difal.ToCents((v.IcmsBase - icms) / d.DoubleBaseDivisor);
            (v.DifalMethod, v.DifalBase, v.DifalSource) = (d.Method, difalBase, d.Source);
            var (difal, fcpDestination) = (Deducting(round.Difal, difalBase, d.DestinationRate, icms), Of(round.Difal, difalBase, d.DestinationFcpRate));
            (v.DifalRate, v.Difal, v.FcpDestinationRate, v.FcpDestination) = (d.DestinationRate, difal, d.DestinationFcpRate, fcpDestination);
            ibsCbsBase -= difal + fcpDestination;
        }

        // PIS/COFINS: IPI never in the base; ICMS out of it under Tema 69
        ref readonly var pc = ref p.PisCofinsRef;
        (v.PisCofinsSource, v.PisCofinsCst) = (pc.Source, pc.Cst ?? "");
        (v.PisRate, v.CofinsRate) = (pc.PisRate, pc.CofinsRate);
        var pisCofinsBase = operation;
        if (pc.ExcludeIcms)
            pisCofinsBase -= icms;
        if (pc.ExcludeFcp)
            pisCofinsBase -= fcp;
        v.PisCofinsBase = pisCofinsBase;
        if (!DecimalBits.IsZero(pc.PisRate) || !DecimalBits.IsZero(pc.CofinsRate))
        {
            var (pis, cofins) = (Of(round.Pis, pisCofinsBase, pc.PisRate), Of(round.Cofins, pisCofinsBase, pc.CofinsRate));
            (v.Pis, v.Cofins) = (pis, cofins);
            ibsCbsBase -= pis + cofins;
        }

        // CBS/IBS base, rule UB16-10 (no II, ISSQN or monophasic ICMS on a CRM sale)
        ref readonly var ic = ref p.IbsCbsRef;
        (v.IbsCbsSource, v.IbsCbsCst, v.IbsCbsClassTrib, v.IbsCbsInTotal) = (ic.Source, ic.Cst ?? "", ic.ClassTrib ?? "", ic.AddsToItemTotal);
        (v.CbsReduction, v.CbsRate) = (ic.CbsReduction, ic.EffectiveCbsRate);
        (v.IbsUfReduction, v.IbsUfRate, v.IbsMunReduction, v.IbsMunRate) = (ic.IbsUfReduction, ic.EffectiveIbsUfRate, ic.IbsMunReduction, ic.EffectiveIbsMunRate);
        v.IbsCbsBase = ibsCbsBase;
        if (!DecimalBits.IsZero(ic.EffectiveCbsRate) || !DecimalBits.IsZero(ic.EffectiveIbsUfRate) || !DecimalBits.IsZero(ic.EffectiveIbsMunRate))
        {
            var (cbs, ibsUf, ibsMun) = (Of(round.IbsCbs, ibsCbsBase, ic.EffectiveCbsRate), Of(round.IbsCbs, ibsCbsBase, ic.EffectiveIbsUfRate), Of(round.IbsCbs, ibsCbsBase, ic.EffectiveIbsMunRate));
            (v.Cbs, v.IbsUf, v.IbsMun) = (cbs, ibsUf, ibsMun);
            if (ic.AddsToItemTotal)
                total += cbs + ibsUf + ibsMun; // not in 2026 (NT 2025.002 VB01-10)
        }
        v.ItemTotal = total;
    }

    /// <summary>
    /// The ICMS and FCP the item's own value bears, in % of it: (pICMS + pFCP) × (1 − pRedBC); zero when the own ICMS is
    /// not on the invoice (CST 30, CSOSN 201–203 under ST). What a "por dentro" gross-up of the price divides by (TAXES.md §1.3).
    /// </summary>
    internal static decimal OwnIcmsShare(in TaxParameters p)
    {
        ref readonly var icms = ref p.IcmsRef;
        return p.StRef.HasValue && IcmsCsts.Of(icms.Cst).Has(IcmsCstTraits.NotionalOwnIcms) ? 0m : (icms.Rate + icms.FcpRate) * icms.BaseFactor;
    }

    /// <summary>r2(base × rate) minus a tax already charged (own ICMS or FCP), never below zero.</summary>
    private static decimal Deducting(RoundingPolicy policy, decimal taxBase, decimal rate, decimal charged) =>
        Math.Max(0m, Of(policy, taxBase, rate) - charged);

    /// <summary>r2(value × (1 + MVA) × (1 − pRedBCST)), given 1 + MVA (the original or the adjusted one).</summary>
    private static decimal MvaBase(RoundingPolicy policy, decimal value, decimal mvaFactor, in IcmsStParameters st) =>
        policy.ToCents(st.BaseReduction == 0m ? value * mvaFactor : value * mvaFactor * st.BaseFactor);

    /// <summary>pAliqEfet = p × (1 − pRedAliq), 4 places (3v2-4).</summary>
    internal static decimal EffectiveRate(decimal rate, decimal reduction) =>
        decimal.Round(rate * Factor(-reduction), 4, MidpointRounding.AwayFromZero);

    /// <summary>r2(base × rate %).</summary>
    private static decimal Of(RoundingPolicy policy, decimal taxBase, decimal rate) =>
        DecimalBits.IsZero(rate) ? 0m : policy.ToCents(Percent(taxBase * rate));

    /// <summary>
    /// 1 + <paramref name="rate"/> %, with the value and scale of <c>1m + rate * 0.01m</c>. Adding decimals of different
    /// scales is decimal's slow path; 100 + rate usually shares the rate's scale.
    /// </summary>
    internal static decimal Factor(decimal rate) => rate.Scale <= MaxShiftableScale ? Percent(100m + rate) : 1m + rate * 0.01m;

    private const int MaxShiftableScale = 26;

    /// <summary>
    /// <paramref name="value"/> / 100, with the value and scale of <c>value * 0.01m</c> (exact: the same digits, the
    /// scale up by 2), by moving the decimal point instead of multiplying.
    /// </summary>
    internal static decimal Percent(decimal value)
    {
        var bits = DecimalBits.Of(value);
        return bits.Scale > MaxShiftableScale ? value * 0.01m : DecimalBits.ToDecimal(bits.IsNegative, bits.Scale + 2, bits.Hi32, bits.Lo64);
    }
}
