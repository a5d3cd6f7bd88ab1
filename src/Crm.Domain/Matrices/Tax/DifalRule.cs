using Crm.Domain.Problems;

namespace Crm.Domain.Matrices.Tax;

/// <summary>How the destination UF computes the DIFAL to a non-contributor (TAXES.md §1.5). Data per UF and date, not code.</summary>
public enum DifalMethod
{
    /// <summary>Base única: the destination rate on the origin's ICMS base.</summary>
    SingleBase,
    /// <summary>Base dupla (LC 190/2022): the base grossed up "por dentro" by the destination rate.</summary>
    DoubleBase,
    /// <summary>Base dupla grossing up by the destination rate plus FCP (the variant OCA uses for every double-base UF).</summary>
    DoubleBaseIncludingFcp,
}

/// <summary>A row of the DIFAL matrix, usually keyed by destination UF (and NCM where the rate differs).</summary>
/// <param name="DestinationRate">pICMSUFDest in percent, the destination's internal rate without FCP.</param>
/// <param name="Method">Single or double base.</param>
/// <param name="DestinationFcpRate">pFCPUFDest in percent.</param>
public sealed record DifalRule(decimal DestinationRate, DifalMethod Method, decimal DestinationFcpRate = 0m) : IMatrixPayload<DifalRule>
{
    /// <inheritdoc />
    public static string MatrixName => "difal";

    /// <inheritdoc />
    public static DimensionSet Dimensions => TaxDimensions.All;

    /// <inheritdoc />
    public IEnumerable<Problem> Validate(string field) =>
    [
        .. PayloadCheck.Percent(field, "destinationRate", DestinationRate),
        .. PayloadCheck.Percent(field, "destinationFcpRate", DestinationFcpRate),
        .. PayloadCheck.That(DestinationRate + DestinationFcpRate < 100m, field, "destinationRate", MatrixCodes.PayloadRange,
            "Alíquota de destino mais FCP deve ficar abaixo de 100 % (divisor da base dupla)."),
    ];
}
