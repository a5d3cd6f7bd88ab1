using System.Collections.Frozen;
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
    private static readonly FrozenSet<string> StCsts = FrozenSet.ToFrozenSet(["10", "30", "70", "90", "201", "202", "203", "900"]);
    private static readonly FrozenSet<string> StRequiredCsts = FrozenSet.ToFrozenSet(["10", "30", "70", "201", "202", "203"]);
    private static readonly FrozenSet<string> ReductionCsts = FrozenSet.ToFrozenSet(["20", "51", "70", "90", "900"]);

    // Own ICMS is not charged on these: exempt, not taxed, suspended, ST already paid, and Simples Nacional without credit.
    // The own operation is not taxed on the invoice (CST 30; Simples Nacional CSOSN 201–203), yet the ST owed is
    // the ST rate on the ST base minus the ICMS the own operation would bear at its rate (groups ICMS30, ICMSSN201–203 have no vICMS).
    private static readonly FrozenSet<string> NotionalOwnIcmsCsts = FrozenSet.ToFrozenSet(["30", "201", "202", "203"]);

    private static readonly FrozenSet<string> UntaxedCsts = FrozenSet.ToFrozenSet(["40", "41", "50", "60", "61", "102", "103", "300", "400", "500"]);

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
        problems.NotNegative("ipi.rate", p.Ipi.Rate); // IPI rates may exceed 100 % (TIPI chapter 24)
        problems.NotNegative("ipi.amount_per_unit", p.Ipi.AmountPerUnit);
        if (p.Ipi.Rate > 0m && p.Ipi.AmountPerUnit > 0m)
            problems.Add("ipi.amount_per_unit", TaxCodes.IpiRateAndAmount,
                $"IPI é ad valorem ({p.Ipi.Rate} %) ou específico (R$ {p.Ipi.AmountPerUnit} por unidade), não os dois.");
        Source(ref problems, "ipi", p.Ipi.Source);

        var icms = p.Icms;
        problems.Percent("icms.rate", icms.Rate);
        Reduction(ref problems, "icms.base_reduction", icms.BaseReduction);
        problems.Percent("icms.fcp_rate", icms.FcpRate);
        Source(ref problems, "icms", icms.Source);
        var cst = icms.Cst ?? "";
        if (!IcmsRule.Codes.Contains(cst))
            problems.Add("icms.cst", TaxCodes.Cst, $"CST/CSOSN '{cst}' não existe.");
        else
        {
            if (icms.BaseReduction > 0m && !ReductionCsts.Contains(cst))
                problems.Add("icms.base_reduction", TaxCodes.IcmsCstMismatch, $"O CST {cst} não admite redução de base de cálculo.");
            if (icms.Rate > 0m && UntaxedCsts.Contains(cst))
                problems.Add("icms.rate", TaxCodes.IcmsCstMismatch, $"O CST/CSOSN {cst} não destaca ICMS próprio, mas a alíquota é {icms.Rate} %.");
            if (p.St.HasValue != StCsts.Contains(cst) && (p.St.HasValue || StRequiredCsts.Contains(cst)))
                problems.Add("icms_st", TaxCodes.StCstMismatch, p.St.HasValue
                    ? $"O CST/CSOSN {cst} não tem substituição tributária, mas há parâmetros de ICMS-ST."
                    : $"O CST/CSOSN {cst} exige ICMS-ST, mas não há parâmetros de ICMS-ST.");
        }

        if (p.St is { } st)
        {
            problems.NotNegative("icms_st.mva", st.Mva);
            problems.Percent("icms_st.rate", st.Rate);
            Reduction(ref problems, "icms_st.base_reduction", st.BaseReduction);
            problems.NotNegative("icms_st.pauta", st.Pauta);
            problems.Percent("icms_st.fcp_rate", st.FcpRate);
            Source(ref problems, "icms_st", st.Source);
        }

        if (p.Difal is { } difal)
        {
            problems.Percent("difal.destination_rate", difal.DestinationRate);
            problems.Percent("difal.destination_fcp_rate", difal.DestinationFcpRate);
            if (difal.Method == DifalMethod.DoubleBaseIncludingFcp && difal.DestinationRate + difal.DestinationFcpRate >= 100m)
                problems.Add("difal.destination_rate", TaxCodes.RateRange, "A alíquota de destino mais o FCP chegam a 100 %.");
            Source(ref problems, "difal", difal.Source);
        }

        problems.Percent("pis_cofins.pis_rate", p.PisCofins.PisRate);
        problems.Percent("pis_cofins.cofins_rate", p.PisCofins.CofinsRate);
        Source(ref problems, "pis_cofins", p.PisCofins.Source);

        problems.Percent("ibs_cbs.cbs_rate", p.IbsCbs.CbsRate);
        problems.Percent("ibs_cbs.ibs_uf_rate", p.IbsCbs.IbsUfRate);
        problems.Percent("ibs_cbs.ibs_mun_rate", p.IbsCbs.IbsMunRate);
        Reduction(ref problems, "ibs_cbs.cbs_reduction", p.IbsCbs.CbsReduction);
        Reduction(ref problems, "ibs_cbs.ibs_uf_reduction", p.IbsCbs.IbsUfReduction);
        Reduction(ref problems, "ibs_cbs.ibs_mun_reduction", p.IbsCbs.IbsMunReduction);
        Source(ref problems, "ibs_cbs", p.IbsCbs.Source);
        return problems;
    }

    private static void Reduction(ref ProblemCollector problems, string field, decimal value)
    {
        if (value is < 0m or > 100m)
            problems.Add(field, TaxCodes.RateRange, $"{field} = {value} % está fora do intervalo [0, 100].");
    }

    private static void Source(ref ProblemCollector problems, string tax, string? source)
    {
        if (string.IsNullOrEmpty(source))
            problems.Add(tax + ".source", TaxCodes.SourceMissing, $"Os parâmetros de {tax} não dizem qual regra os produziu.");
    }

    /// <summary>The computation proper, for parameters that passed <see cref="Validate"/>.</summary>
    internal static TaxBreakdown Compute(in TaxItem item, in TaxParameters p) => new(item, p);

    /// <summary>Computes the taxes of the item into <paramref name="v"/>, the storage of a new breakdown (all zero).</summary>
    internal static void Fill(ref TaxValues v, in TaxItem item, in TaxParameters p)
    {
        var round = p.Rounding;
        var recipient = p.Recipient;
        var product = round.Product.ToCents(item.Quantity * item.UnitPrice);
        var operation = product + item.Freight + item.Insurance + item.OtherExpenses - item.Discount;
        (v.Product, v.Freight, v.Insurance, v.OtherExpenses, v.Discount, v.OperationValue) =
            (product, item.Freight, item.Insurance, item.OtherExpenses, item.Discount, operation);

        // IPI (RIPI art. 190 §1; unconditional discount out of the base, STF RE 567.935); specific IPI: quantity × vUnid
        var ipiParameters = p.Ipi;
        if (ipiParameters.AmountPerUnit > 0m)
            (v.IpiBase, v.IpiRate, v.Ipi) = (item.Quantity, ipiParameters.AmountPerUnit, round.Ipi.ToCents(item.Quantity * ipiParameters.AmountPerUnit));
        else
        {
            var ipiBase = ipiParameters.FreightInBase ? operation : operation - item.Freight;
            (v.IpiBase, v.IpiRate, v.Ipi) = (ipiBase, ipiParameters.Rate, Of(round.Ipi, ipiBase, ipiParameters.Rate));
        }
        var ipi = v.Ipi;
        (v.IpiSource, v.IpiCst) = (ipiParameters.Source, ipiParameters.Cst ?? "");

        // Own ICMS and FCP (N14–N17c)
        var icmsParameters = p.Icms;
        var ipiInIcms = recipient.IpiInIcmsBase;
        var icmsBase = round.Icms.ToCents((operation + (ipiInIcms ? ipi : 0m)) * icmsParameters.BaseFactor);
        var ownIcms = Of(round.Icms, icmsBase, icmsParameters.Rate);
        var ownFcp = Of(round.Icms, icmsBase, icmsParameters.FcpRate);
        (v.IpiInIcmsBase, v.IcmsCst) = (ipiInIcms, icmsParameters.Cst);
        if (p.St.HasValue && NotionalOwnIcmsCsts.Contains(icmsParameters.Cst))
            v.IcmsSource = ""; // not on the invoice: the own ICMS only reduces the ST
        else
            (v.IcmsBase, v.IcmsBaseReduction, v.IcmsRate, v.Icms, v.FcpRate, v.Fcp, v.IcmsSource) =
                (icmsBase, icmsParameters.BaseReduction, icmsParameters.Rate, ownIcms, icmsParameters.FcpRate, ownFcp, icmsParameters.Source);
        var (icms, fcp) = (v.Icms, v.Fcp);

        // ICMS-ST and FCP-ST: IPI always in the ST base (Conv. ICMS 104/2008); own ICMS and FCP deducted
        v.StSource = "";
        if (p.St is { } st)
        {
            var (mva, mvaFactor) = st.AdjustMva ? AdjustedMvaCache.Of(st.Mva, icmsParameters.Rate, st.Rate) : (st.Mva, st.MvaFactor);
            var stBase = st.Mode switch
            {
                StBase.Mva => MvaBase(round.IcmsSt, operation + ipi, mvaFactor, st.BaseFactor),
                StBase.Pauta => round.IcmsSt.ToCents(item.Quantity * st.Pauta),
                _ => Math.Max(MvaBase(round.IcmsSt, operation + ipi, mvaFactor, st.BaseFactor), round.IcmsSt.ToCents(item.Quantity * st.Pauta)),
            };
            (v.StMva, v.StOwnIcms, v.StBase, v.StBaseReduction, v.StSource) = (mva, ownIcms, stBase, st.BaseReduction, st.Source);
            (v.StRate, v.IcmsSt) = (st.Rate, Deducting(round.IcmsSt, stBase, st.Rate, ownIcms));
            (v.FcpStRate, v.FcpSt) = (st.FcpRate, Deducting(round.IcmsSt, stBase, st.FcpRate, ownFcp));
        }

        // DIFAL and destination FCP (EC 87/2015, LC 190/2022): 100 % to the destination, nothing to the origin
        v.DifalSource = "";
        if (p.Difal is { } d && recipient.SellerOwesDifal)
        {
            var difalBase = d.Method == DifalMethod.SingleBase
                ? v.IcmsBase
                : round.Difal.ToCents((v.IcmsBase - icms) / d.DoubleBaseDivisor);
            (v.DifalMethod, v.DifalBase, v.DifalSource) = (d.Method, difalBase, d.Source);
            (v.DifalRate, v.Difal) = (d.DestinationRate, Deducting(round.Difal, difalBase, d.DestinationRate, icms));
            (v.FcpDestinationRate, v.FcpDestination) = (d.DestinationFcpRate, Of(round.Difal, difalBase, d.DestinationFcpRate));
        }

        // PIS/COFINS: IPI never in the base; ICMS out of it under Tema 69
        var pc = p.PisCofins;
        var pisCofinsBase = operation - (pc.ExcludeIcms ? icms : 0m) - (pc.ExcludeFcp ? fcp : 0m);
        (v.PisCofinsBase, v.PisCofinsSource, v.PisCofinsCst) = (pisCofinsBase, pc.Source, pc.Cst ?? "");
        (v.PisRate, v.Pis) = (pc.PisRate, Of(round.Pis, pisCofinsBase, pc.PisRate));
        (v.CofinsRate, v.Cofins) = (pc.CofinsRate, Of(round.Cofins, pisCofinsBase, pc.CofinsRate));

        // CBS/IBS base, rule UB16-10 (no II, ISSQN or monophasic ICMS on a CRM sale)
        var ic = p.IbsCbs;
        var ibsCbsBase = operation - v.Pis - v.Cofins - icms - fcp - v.Difal - v.FcpDestination;
        (v.IbsCbsBase, v.IbsCbsSource, v.IbsCbsCst, v.IbsCbsClassTrib) = (ibsCbsBase, ic.Source, ic.Cst ?? "", ic.ClassTrib ?? "");
        (v.CbsReduction, v.CbsRate) = (ic.CbsReduction, ic.EffectiveCbsRate);
        (v.IbsUfReduction, v.IbsUfRate, v.IbsMunReduction, v.IbsMunRate) = (ic.IbsUfReduction, ic.EffectiveIbsUfRate, ic.IbsMunReduction, ic.EffectiveIbsMunRate);
        v.Cbs = Of(round.IbsCbs, ibsCbsBase, v.CbsRate);
        v.IbsUf = Of(round.IbsCbs, ibsCbsBase, v.IbsUfRate);
        v.IbsMun = Of(round.IbsCbs, ibsCbsBase, v.IbsMunRate);
        v.IbsCbsInTotal = ic.AddsToItemTotal;

        v.ItemTotal = product - item.Discount + v.IcmsSt + v.FcpSt + item.Freight + item.Insurance + item.OtherExpenses + ipi
                      + (ic.AddsToItemTotal ? v.Cbs + v.IbsUf + v.IbsMun : 0m);
    }

    /// <summary>
    /// The ICMS and FCP the item's own value bears, in % of it: (pICMS + pFCP) × (1 − pRedBC); zero when the own ICMS is
    /// not on the invoice (CST 30, CSOSN 201–203 under ST). What a "por dentro" gross-up of the price divides by (TAXES.md §1.3).
    /// </summary>
    internal static decimal OwnIcmsShare(in TaxParameters p) =>
        p.St.HasValue && NotionalOwnIcmsCsts.Contains(p.Icms.Cst) ? 0m : (p.Icms.Rate + p.Icms.FcpRate) * p.Icms.BaseFactor;

    /// <summary>r2(base × rate) minus a tax already charged (own ICMS or FCP), never below zero.</summary>
    private static decimal Deducting(RoundingPolicy policy, decimal taxBase, decimal rate, decimal charged) =>
        Math.Max(0m, Of(policy, taxBase, rate) - charged);

    /// <summary>r2(value × (1 + MVA) × (1 − pRedBCST)), given the two factors.</summary>
    private static decimal MvaBase(RoundingPolicy policy, decimal value, decimal mvaFactor, decimal reductionFactor) =>
        policy.ToCents(value * mvaFactor * reductionFactor);

    /// <summary>pAliqEfet = p × (1 − pRedAliq), 4 places (3v2-4).</summary>
    internal static decimal EffectiveRate(decimal rate, decimal reduction) =>
        decimal.Round(rate * Factor(-reduction), 4, MidpointRounding.AwayFromZero);

    /// <summary>r2(base × rate %).</summary>
    private static decimal Of(RoundingPolicy policy, decimal taxBase, decimal rate) =>
        rate == 0m ? 0m : policy.ToCents(Percent(taxBase * rate));

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
        if (value.Scale > MaxShiftableScale)
            return value * 0.01m;
        Span<int> bits = stackalloc int[4];
        decimal.GetBits(value, bits);
        return new decimal(bits[0], bits[1], bits[2], decimal.IsNegative(value), (byte)(value.Scale + 2));
    }
}
