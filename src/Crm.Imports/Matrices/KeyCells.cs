using System.Globalization;
using Crm.Domain.Matrices;
using Crm.Domain.Registry;

namespace Crm.Imports.Matrices;

/// <summary>A matrix rule's key to and from its cells: codes as typed, UFs by abbreviation, origins by digit, CEST by its 7 digits.</summary>
internal static class KeyCells
{
    /// <summary>The key of <paramref name="row"/>; a cell that is not a value of its dimension is a problem (the key is then partial).</summary>
    public static MatrixKey Read(Func<string, string?> cell, int row, List<ImportProblem> problems)
    {
        var key = MatrixKey.Any;
        foreach (var dimension in MatrixColumns.Dimensions)
        {
            var header = MatrixColumns.Header(dimension);
            if (cell(header) is not { } text)
                continue;
            var bound = Bind(key, dimension, text);
            if (bound is null)
                problems.Add(new ImportProblem(row, header, ImportCodes.NotAllowed, $"'{text}' is not a value of '{header}'."));
            key = bound ?? key;
        }
        return key with
        {
            Validity = new Validity(Date(cell, MatrixColumns.ValidFrom, row, problems), Date(cell, MatrixColumns.ValidTo, row, problems)),
            Quantity = new QuantityRange(Quantity(cell, MatrixColumns.MinQuantity, row, problems), Quantity(cell, MatrixColumns.MaxQuantity, row, problems)),
        };
    }

    /// <summary>The cell of <paramref name="dimension"/> in <paramref name="key"/>; null when the key does not bind it.</summary>
    public static string? Write(MatrixKey key, Dimension dimension) => dimension switch
    {
        Dimension.Customer => key.Customer,
        Dimension.Product => key.Product,
        Dimension.Cest => key.Cest?.Value,
        Dimension.Ncm => key.NcmPrefix,
        Dimension.ProductLine => key.ProductLine,
        Dimension.CustomerGroup => key.CustomerGroup,
        Dimension.ClientType => key.ClientType,
        Dimension.ProductOrigin => key.ProductOrigin is { } origin ? ((int)origin).ToString(CultureInfo.InvariantCulture) : null,
        Dimension.Unit => key.Unit,
        Dimension.Role => key.Role,
        Dimension.PaymentCondition => key.PaymentCondition,
        Dimension.SalesChannel => key.SalesChannel,
        Dimension.Establishment => key.Establishment,
        Dimension.DestinationUf => key.DestinationUf?.ToString(),
        Dimension.OriginUf => key.OriginUf?.ToString(),
        _ => null,
    };

    /// <summary><paramref name="key"/> binding <paramref name="dimension"/> to <paramref name="text"/>, or null when the text is not such a value.</summary>
    private static MatrixKey? Bind(MatrixKey key, Dimension dimension, string text) => dimension switch
    {
        Dimension.Customer => key with { Customer = text },
        Dimension.Product => key with { Product = text },
        Dimension.Cest => Cest.TryParse(text, out var cest) ? key with { Cest = cest } : null,
        // The prefix goes to the matrix as typed: its shape is a configuration rule of Matrix.Build, reported from there.
        Dimension.Ncm => key with { NcmPrefix = text },
        Dimension.ProductLine => key with { ProductLine = text },
        Dimension.CustomerGroup => key with { CustomerGroup = text },
        Dimension.ClientType => key with { ClientType = text },
        Dimension.ProductOrigin => text is [var d and >= '0' and <= '8'] ? key with { ProductOrigin = (ProductOrigin)(d - '0') } : null,
        Dimension.Unit => key with { Unit = text },
        Dimension.Role => key with { Role = text },
        Dimension.PaymentCondition => key with { PaymentCondition = text },
        Dimension.SalesChannel => key with { SalesChannel = text },
        Dimension.Establishment => key with { Establishment = text },
        Dimension.DestinationUf => UfOf(text) is { } uf ? key with { DestinationUf = uf } : null,
        Dimension.OriginUf => UfOf(text) is { } uf ? key with { OriginUf = uf } : null,
        _ => null,
    };

    private static Uf? UfOf(string text) =>
        Array.IndexOf(MatrixColumns.Ufs, text.ToUpperInvariant()) is var i and >= 0 ? Enum.Parse<Uf>(MatrixColumns.Ufs[i]) : null;

    private static NodaTime.LocalDate? Date(Func<string, string?> cell, string column, int row, List<ImportProblem> problems) =>
        Cells.Optional<NodaTime.LocalDate>(cell(column), row, column, problems, Cells.TryDate, "a date");

    private static decimal? Quantity(Func<string, string?> cell, string column, int row, List<ImportProblem> problems) =>
        Cells.Optional<decimal>(cell(column), row, column, problems, Cells.TryDecimal, "a number");
}
