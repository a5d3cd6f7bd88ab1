using Crm.Domain.Problems;

namespace Crm.Domain.Matrices.Tax;

/// <summary>
/// A row of the IPI matrix (usually keyed by NCM, as the TIPI is): CST, ad valorem rate or specific amount per
/// unit, and the legal framework code (TAXES.md §1.2).
/// </summary>
/// <param name="Cst">The outgoing IPI CST: 50 tributada, 51 alíquota zero, 52 isenta, 53 não tributada, 54 imune, 55 suspensão, 99 outras.</param>
/// <param name="Rate">pIPI in percent (ad valorem).</param>
/// <param name="UnitAmount">vUnid, the specific IPI per taxable unit; null for ad valorem.</param>
/// <param name="LegalFrameworkCode">cEnq, the 3-digit enquadramento legal (999 = tributação normal).</param>
/// <param name="FreightInBase">Whether freight enters the IPI base (RIPI art. 190 §1: yes; off for a company with a court order).</param>
public sealed record IpiRule(string Cst, decimal Rate = 0m, decimal? UnitAmount = null, string LegalFrameworkCode = "999", bool FreightInBase = true)
    : IMatrixPayload<IpiRule>
{
    /// <summary>The CSTs of IPI on outgoing documents.</summary>
    public static IReadOnlySet<string> Codes { get; } = new HashSet<string>(StringComparer.Ordinal) { "50", "51", "52", "53", "54", "55", "99" };

    /// <inheritdoc />
    public static string MatrixName => "ipi";

    /// <inheritdoc />
    public static DimensionSet Dimensions => TaxDimensions.All;

    /// <inheritdoc />
    public IEnumerable<Problem> Validate(string field) =>
    [
        .. PayloadCheck.OneOf(field, "cst", Cst, Codes),
        .. PayloadCheck.Percent(field, "rate", Rate, 1_000m), // TIPI has rates above 100 % (e.g. 300 % on cigarettes)
        .. PayloadCheck.NonNegative(field, "unitAmount", UnitAmount),
        .. PayloadCheck.Digits(field, "legalFrameworkCode", LegalFrameworkCode, 3),
        .. PayloadCheck.That(UnitAmount is null || Rate == 0, field, "unitAmount", MatrixCodes.PayloadRange, "IPI é ad valorem ou específico, não os dois."),
    ];
}
