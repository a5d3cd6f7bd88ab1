using Crm.Domain.Problems;
using Crm.Domain.Taxes;
using OneOf;

namespace Crm.Domain.Matrices.Tax;

/// <summary>
/// A row of the ICMS matrix (own operation): the rate, base reduction, CST or CSOSN and FCP rate (TAXES.md §1.3).
/// A null <see cref="Rate"/> means "the legal interstate rate" (<see cref="InterstateIcmsRate"/>): a row can
/// fix the CST, reduction or FCP for a product and leave the rate to the law.
/// </summary>
/// <param name="Cst">The CST (2 digits, regime normal) or CSOSN (3 digits, Simples Nacional).</param>
/// <param name="Rate">pICMS in percent, without FCP; null for the legal interstate rate.</param>
/// <param name="BaseReduction">pRedBC in percent (CST 20, 51, 70, 90; CSOSN 900).</param>
/// <param name="FcpRate">pFCP in percent (Fundo de Combate à Pobreza, on top of pICMS).</param>
public sealed record IcmsRule(string Cst, decimal? Rate = null, decimal BaseReduction = 0m, decimal FcpRate = 0m) : IMatrixPayload<IcmsRule>
{
    /// <summary>ICMS CSTs (Ajuste SINIEF 20/2012 table B) and Simples Nacional CSOSNs (table B, Resolução CGSN).</summary>
    public static IReadOnlySet<string> Codes { get; } = new HashSet<string>(StringComparer.Ordinal)
    {
        "00", "02", "10", "15", "20", "30", "40", "41", "50", "51", "53", "60", "61", "70", "90",
        "101", "102", "103", "201", "202", "203", "300", "400", "500", "900",
    };

    /// <inheritdoc />
    public static string MatrixName => "icms";

    /// <inheritdoc />
    public static DimensionSet Dimensions => TaxDimensions.All;

    /// <inheritdoc />
    public IEnumerable<Problem> Validate(string field) =>
    [
        .. PayloadCheck.OneOf(field, "cst", Cst, Codes),
        .. Rate is { } rate ? PayloadCheck.Percent(field, "rate", rate) : [],
        .. PayloadCheck.Percent(field, "baseReduction", BaseReduction, 99.99m),
        .. PayloadCheck.Percent(field, "fcpRate", FcpRate),
        .. PayloadCheck.That(BaseReduction == 0 || IcmsCsts.Of(Cst).Has(IcmsCstTraits.BaseReduction), field, "baseReduction", MatrixCodes.PayloadCode,
            $"CST {Cst} não admite redução de base (só 20, 51, 70, 90 e CSOSN 900)."),
    ];
}

/// <summary>Where the ICMS rate of a line came from.</summary>
public enum IcmsRateSource
{
    /// <summary>A matrix rule gave the rate.</summary>
    Matrix,
    /// <summary>The legal interstate rate (4/7/12 %), with the CST, reduction and FCP of the matching rule if any.</summary>
    InterstateLaw,
}

/// <summary>The ICMS of a line as resolved: rate, reduction, CST/CSOSN, FCP, and what produced it.</summary>
/// <param name="Rate">pICMS in percent.</param>
/// <param name="BaseReduction">pRedBC in percent.</param>
/// <param name="Cst">CST or CSOSN.</param>
/// <param name="FcpRate">pFCP in percent.</param>
/// <param name="RuleId">The matrix rule used, or null when no rule matched and the law gave everything.</param>
/// <param name="Source">Whether the rate came from the matrix or from the interstate law.</param>
public sealed record IcmsRate(decimal Rate, decimal BaseReduction, string Cst, decimal FcpRate, string? RuleId, IcmsRateSource Source);

/// <summary>The ICMS of a line, or every reason it cannot be resolved.</summary>
public sealed class IcmsResolution : OneOfBase<IcmsRate, Invalid>
{
    private IcmsResolution(OneOf<IcmsRate, Invalid> input) : base(input) { }

    /// <summary>A resolved rate.</summary>
    public static implicit operator IcmsResolution(IcmsRate rate) => new(rate);

    /// <summary>An unresolved rate.</summary>
    public static implicit operator IcmsResolution(Invalid invalid) => new(invalid);
}

/// <summary>Resolution of the ICMS matrix with the interstate law as fallback.</summary>
public static class IcmsMatrix
{
    /// <summary>CST used when no rule matches an interstate line: 00, taxed in full.</summary>
    public const string DefaultCst = "00";

    /// <summary>
    /// The ICMS of the line: the most specific rule's values; when the rule leaves the rate to the law, or no
    /// rule matches an interstate line, the interstate rate (<see cref="InterstateIcmsRate.For"/>). An
    /// operation inside one UF needs a rule with a rate (the internal rate is data). Needs the context's
    /// origin and destination UFs, and the product origin for interstate lines.
    /// </summary>
    public static IcmsResolution Resolve(this Matrix<IcmsRule> matrix, MatrixContext context, string field = "icms")
    {
        ArgumentNullException.ThrowIfNull(matrix);
        ArgumentNullException.ThrowIfNull(context);
        if (matrix.Find(context, field, out var rule, out var id, out var rate) is { } problem)
            return new Invalid(problem);
        return rule is null
            ? new IcmsRate(rate, 0m, DefaultCst, 0m, null, IcmsRateSource.InterstateLaw)
            : new IcmsRate(rate, rule.BaseReduction, rule.Cst, rule.FcpRate, id, SourceOf(rule));
    }

    /// <summary>Where the rate of a line resolved with <paramref name="rule"/> came from.</summary>
    internal static IcmsRateSource SourceOf(IcmsRule? rule) =>
        rule?.Rate is null ? IcmsRateSource.InterstateLaw : IcmsRateSource.Matrix;

    /// <summary>
    /// <see cref="Resolve"/> without a result object: the most specific rule's payload and id (null when none matched and
    /// the law gave everything) and the rate, or the problem.
    /// </summary>
    internal static Problem? Find(
        this Matrix<IcmsRule> matrix, MatrixContext context, string field, out IcmsRule? rule, out string? id, out decimal rate)
    {
        matrix.TryFind(context, out rule, out id);
        rate = 0m;
        if (rule?.Rate is { } given)
        {
            rate = given;
            return null;
        }

        if (context.OriginUf is not { } origin || context.DestinationUf is not { } destination)
            return new Problem(field, MatrixCodes.IcmsUfMissing, "UF de origem e de destino são necessárias para a alíquota de ICMS.");
        if (origin == destination)
            return rule is null
                ? Matrix<IcmsRule>.NoRule(field, context.Date)
                : new Problem(field, MatrixCodes.IcmsInternalRateMissing, $"A regra {id} não informa a alíquota interna de {origin}.");
        if (context.ProductOrigin is not { } productOrigin)
            return new Problem(field, MatrixCodes.IcmsProductOriginMissing, "A origem do produto é necessária para a alíquota interestadual.");

        rate = InterstateIcmsRate.For(origin, destination, productOrigin)!.Value;
        return null;
    }
}
