using Crm.Domain.Matrices;
using Crm.Domain.Matrices.Commercial;
using Crm.Domain.Matrices.Tax;
using Crm.Domain.Taxes;

namespace Crm.Domain.Pricing;

/// <summary>The tax matrices of a company.</summary>
public sealed record TaxMatrices
{
    /// <summary>ICMS: rate, base reduction, CST/CSOSN, FCP; the interstate rate law fills a missing rate.</summary>
    public required Matrix<IcmsRule> Icms { get; init; }

    /// <summary>IPI by NCM.</summary>
    public required Matrix<IpiRule> Ipi { get; init; }

    /// <summary>ICMS-ST, for products under substitution.</summary>
    public Matrix<IcmsStRule>? IcmsSt { get; init; }

    /// <summary>DIFAL by destination UF.</summary>
    public Matrix<DifalRule>? Difal { get; init; }

    /// <summary>PIS/COFINS.</summary>
    public required Matrix<PisCofinsRule> PisCofins { get; init; }

    /// <summary>CBS/IBS.</summary>
    public required Matrix<CbsIbsRule> CbsIbs { get; init; }

    /// <summary>PIS/COFINS repasse.</summary>
    public Matrix<PisCofinsRepasseRule>? PisCofinsRepasse { get; init; }

    /// <summary>Whether CBS/IBS add to the item total: false in 2026 (NT 2025.002 VB01-10).</summary>
    public bool CbsIbsAddToItemTotal { get; init; }
}

/// <summary>The commercial matrices of a company.</summary>
public sealed record CommercialMatrices
{
    /// <summary>Discount/surcharge.</summary>
    public Matrix<DiscountSurchargeRule>? DiscountSurcharge { get; init; }

    /// <summary>Minimum unit price and minimum order value.</summary>
    public Matrix<MinimumValueRule>? MinimumValue { get; init; }

    /// <summary>Approval (alçada) by role.</summary>
    public Matrix<ApprovalRule>? Approval { get; init; }

    /// <summary>Freight.</summary>
    public Matrix<FreightRule>? Freight { get; init; }

    /// <summary>Customer × payment condition.</summary>
    public Matrix<CustomerPaymentConditionRule>? PaymentCondition { get; init; }

    /// <summary>Unit × product.</summary>
    public Matrix<UnitConversionRule>? UnitConversion { get; init; }

    /// <summary>The seller's commission rate.</summary>
    public Matrix<CommissionRule>? Commission { get; init; }

    /// <summary>The negotiation scenario: price table, largest discount, minimum contribution margin.</summary>
    public Matrix<NegotiationRule>? Negotiation { get; init; }
}

/// <summary>Wires the concrete matrices into the <see cref="PricingSources"/> of the pipeline.</summary>
public static class MatrixSources
{
    /// <summary>
    /// The pipeline's sources from the company's matrices. Prices (list, customer table, promotion) come from the
    /// catalog or the ERP, so they are given as resolvers.
    /// </summary>
    public static PricingSources Create(
        IResolver<decimal> listPrice, TaxMatrices taxes, CommercialMatrices? commercial = null,
        IResolver<decimal>? customerPrice = null, IResolver<decimal>? promotion = null, RoundingProfile rounding = default)
    {
        ArgumentNullException.ThrowIfNull(listPrice);
        ArgumentNullException.ThrowIfNull(taxes);
        commercial ??= new CommercialMatrices();
        return new PricingSources
        {
            ListPrice = listPrice,
            CustomerPrice = customerPrice,
            Promotion = promotion,
            DiscountSurcharge = Map(commercial.DiscountSurcharge, (r, _) => (decimal?)(r.SurchargeRate - r.DiscountRate)),
            MinimumPrice = Map(commercial.MinimumValue, (r, _) => r.MinimumUnitPrice),
            MinimumOrderValue = Map(commercial.MinimumValue, (r, _) => r.MinimumOrderValue),
            MaximumDiscount = Map(commercial.Approval, (r, _) => (decimal?)r.MaximumDiscountRate),
            Freight = Payload(commercial.Freight),
            PaymentCondition = Payload(commercial.PaymentCondition),
            UnitConversion = Payload(commercial.UnitConversion),
            Commission = Map(commercial.Commission, (r, _) => (decimal?)r.Rate),
            Negotiation = Payload(commercial.Negotiation),
            PisCofinsRepasse = Payload(taxes.PisCofinsRepasse),
            Ipi = Map(taxes.Ipi, (r, id) => (IpiParameters?)new IpiParameters(r.Rate, id, r.UnitAmount ?? 0m, r.FreightInBase, r.Cst))!,
            Icms = new IcmsResolver(taxes.Icms),
            IcmsSt = Map(taxes.IcmsSt, (r, id) => (IcmsStParameters?)new IcmsStParameters(
                r.Mva, r.StRate, id, r.AdjustMvaForInterstate, r.StBaseReduction, r.Base, r.Pauta ?? 0m, r.FcpStRate)),
            Difal = Map(taxes.Difal, (r, id) => (DifalParameters?)new DifalParameters(r.DestinationRate, r.Method, id, r.DestinationFcpRate)),
            PisCofins = Map(taxes.PisCofins, (r, id) => (PisCofinsParameters?)new PisCofinsParameters(
                r.Regime, r.PisRate, r.CofinsRate, id, r.ExcludeIcmsFromBase, r.ExcludeFcpFromBase, r.Cst))!,
            IbsCbs = Map(taxes.CbsIbs, (r, id) => (IbsCbsParameters?)new IbsCbsParameters(
                r.CbsRate, r.IbsUfRate, r.IbsMunRate, id, r.CbsReduction, r.IbsUfReduction, r.IbsMunReduction, taxes.CbsIbsAddToItemTotal, r.Cst, r.ClassTrib))!,
            Rounding = rounding,
        };
    }

    private static MatrixResolver<TPayload, T>? Map<TPayload, T>(Matrix<TPayload>? matrix, Func<TPayload, string, T?> map)
        where TPayload : IMatrixPayload<TPayload>
        where T : struct =>
        matrix is null ? null : new MatrixResolver<TPayload, T>(matrix, map);

    private static PayloadResolver<TPayload>? Payload<TPayload>(Matrix<TPayload>? matrix) where TPayload : IMatrixPayload<TPayload> =>
        matrix is null ? null : new PayloadResolver<TPayload>(matrix);

    /// <summary>The winning rule's payload itself.</summary>
    private sealed class PayloadResolver<TPayload>(Matrix<TPayload> matrix) : IResolver<TPayload>, IPrefetching
        where TPayload : IMatrixPayload<TPayload>
    {
        public Resolution<TPayload> Resolve(MatrixContext context) =>
            matrix.TryFind(context, out var payload, out var id) ? Resolution<TPayload>.Of(payload, id) : Resolution<TPayload>.None;

        public int Prefetch(ReadOnlySpan<MatrixContext> contexts) => matrix.Prefetch(contexts);
    }

    /// <summary>
    /// The ICMS matrix with the interstate rate law as fallback (<see cref="IcmsMatrix.Resolve"/>). When the law gives the
    /// rate, the source says so: <c>law:res-sf-13-2012</c> (4 %, imported) or <c>law:res-sf-22-1989</c> (7 %/12 %),
    /// after the id of the rule that gave the CST, if any.
    /// </summary>
    private sealed class IcmsResolver(Matrix<IcmsRule> matrix) : IResolver<IcmsParameters>, IPrefetching
    {
        public int Prefetch(ReadOnlySpan<MatrixContext> contexts) => matrix.Prefetch(contexts);

        public Resolution<IcmsParameters> Resolve(MatrixContext context)
        {
            if (matrix.Find(context, "icms", out var rule, out var ruleId, out var rate) is { } problem)
                return Resolution<IcmsParameters>.Failed([problem]);
            var id = IcmsMatrix.SourceOf(rule) == IcmsRateSource.Matrix ? ruleId! : LawId(rate, ruleId);
            var parameters = rule is null
                ? new IcmsParameters(IcmsMatrix.DefaultCst, rate, id)
                : new IcmsParameters(rule.Cst, rate, id, rule.BaseReduction, rule.FcpRate);
            return Resolution<IcmsParameters>.Of(parameters, id);
        }

        private static string LawId(decimal rate, string? ruleId)
        {
            var law = rate == 4m ? "law:res-sf-13-2012" : "law:res-sf-22-1989";
            return ruleId is { } id ? $"{id}+{law}" : law;
        }
    }
}
