using Crm.Domain.Matrices;
using Crm.Domain.Problems;
using Crm.Domain.Registry;
using NodaTime;

namespace Crm.Domain.Tests.Matrices;

/// <summary>A payload for testing the mechanism alone: every dimension allowed, negative values invalid.</summary>
public sealed record Tag(int Value) : IMatrixPayload<Tag>
{
    public static string MatrixName => "test";
    public static DimensionSet Dimensions => DimensionSet.All;

    public IEnumerable<Problem> Validate(string field) =>
        Value < 0 ? [new Problem($"{field}.value", MatrixCodes.PayloadRange, "negative")] : [];
}

/// <summary>Helpers that bind a dimension to one of two small values (0 or 1), so random rules often collide.</summary>
public static class TestRules
{
    public static readonly LocalDate Day0 = new(2026, 1, 1);

    /// <summary>NCMs sharing prefixes of every length, to exercise prefix matching.</summary>
    public static readonly string[] Ncms = ["84713012", "84713019", "84719000", "22030000"];

    public static MatrixRule<Tag> Rule(string id, MatrixKey key, int value = 0) => new(id, key, new Tag(value));

    public static MatrixContext Context(LocalDate? date = null) => new() { Date = date ?? Day0 };

    public static Matrix<Tag> Build(params MatrixRule<Tag>[] rules)
    {
        var result = Matrix<Tag>.Build(rules);
        Assert.True(result.IsValid, string.Join("\n", result.Problems));
        return result.AsT0;
    }

    public static Matrix<T> BuildOf<T>(params (string Id, MatrixKey Key, T Payload)[] rules) where T : IMatrixPayload<T>
    {
        var result = Matrix<T>.Build(rules.Select(r => new MatrixRule<T>(r.Id, r.Key, r.Payload)));
        Assert.True(result.IsValid, string.Join("\n", result.Problems));
        return result.AsT0;
    }

    /// <summary>"code field" of every problem of a one-rule matrix with <paramref name="payload"/>.</summary>
    public static string[] Fields<T>(T payload) where T : IMatrixPayload<T> =>
        Matrix<T>.Build([new MatrixRule<T>("R", MatrixKey.Any, payload)]).Problems.Select(p => $"{p.Code} {p.Field}").ToArray();

    public static string? Found(this Matrix<Tag> matrix, MatrixContext context) => matrix.Find(context)?.Id;

    /// <summary>Sets <paramref name="dimension"/> (not NCM) to value 0 or 1; works on keys and contexts alike.</summary>
    public static T Set<T>(this T coordinates, Dimension dimension, int value) where T : MatrixCoordinates
    {
        var code = value == 0 ? "a" : "b";
        MatrixCoordinates c = coordinates;
        return (T)(dimension switch
        {
            Dimension.Customer => c with { Customer = code },
            Dimension.Product => c with { Product = code },
            Dimension.Cest => c with { Cest = Cest.Parse(value == 0 ? "01.001.00" : "01.002.00").AsT0 },
            Dimension.ProductLine => c with { ProductLine = code },
            Dimension.CustomerGroup => c with { CustomerGroup = code },
            Dimension.ClientType => c with { ClientType = code },
            Dimension.ProductOrigin => c with { ProductOrigin = (ProductOrigin)value },
            Dimension.Unit => c with { Unit = code },
            Dimension.Role => c with { Role = code },
            Dimension.PaymentCondition => c with { PaymentCondition = code },
            Dimension.SalesChannel => c with { SalesChannel = code },
            Dimension.Establishment => c with { Establishment = code },
            Dimension.DestinationUf => c with { DestinationUf = value == 0 ? Uf.SP : Uf.BA },
            Dimension.OriginUf => c with { OriginUf = value == 0 ? Uf.SP : Uf.PR },
            _ => throw new ArgumentOutOfRangeException(nameof(dimension)),
        });
    }

    public static MatrixContext WithNcm(this MatrixContext context, string ncm) => context with { Ncm = Ncm.Parse(ncm).AsT0 };

    public static readonly Dimension[] ExactDimensions = DimensionSet.All.Without(Dimension.Ncm).Members.ToArray();
}
