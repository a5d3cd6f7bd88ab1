using Crm.Domain.Matrices;
using Crm.Domain.Problems;
using Crm.Imports.Reading;
using Crm.Imports.Writing;
using OneOf;
using CellText = Crm.Imports.Cells;

namespace Crm.Imports.Matrices;

/// <summary>A matrix sheet whatever its payload: what a host needs to offer the template and a dry run by the matrix's name.</summary>
public interface IMatrixSheet
{
    /// <summary>The matrix's name, as the domain names it (<c>icms</c>, <c>icms_st</c>, <c>freight</c>…).</summary>
    string Name { get; }

    /// <summary>The worksheet's name in templates and exports.</summary>
    string Title { get; }

    /// <summary>The columns in template order: <see cref="MatrixColumns"/> for the dimensions the matrix accepts, then the payload's.</summary>
    IReadOnlyList<SheetColumn> Columns { get; }

    /// <summary>Writes the xlsx template: headers, an example rule and the allowed values as data-validation lists.</summary>
    void WriteTemplate(Stream output);

    /// <summary>Every problem of the sheet (empty when it builds a matrix): a dry run of <c>Import</c>.</summary>
    IReadOnlyList<ImportProblem> Check(IReadOnlyList<string> headers, IEnumerable<SheetRow> rows);
}

/// <summary>
/// One matrix kind as a sheet: each row a rule (id, dimensions — blank is a wildcard —, NCM prefix, validity, quantity range,
/// payload), read into a <see cref="Matrix{TPayload}"/> through <see cref="Matrix{TPayload}.Build"/>, whose configuration
/// errors come back on the rows they are about; and the rules written back in the same columns.
/// </summary>
/// <remarks>
/// A matrix is all or nothing, as <see cref="Matrix{TPayload}.Build"/> is: one bad row and no matrix is built, with every
/// problem of every row listed. A row with a refused cell, or whose id is blank or repeated (the domain's
/// <see cref="MatrixCodes.IdEmpty"/> / <see cref="MatrixCodes.IdDuplicate"/>), has its other rules checked alone; overlaps are
/// only found between the rows that are well formed.
/// </remarks>
/// <typeparam name="TPayload">What the matrix resolves to.</typeparam>
public sealed class MatrixSheet<TPayload> : IMatrixSheet where TPayload : IMatrixPayload<TPayload>
{
    private readonly IReadOnlyList<PayloadColumn> _payload;
    private readonly Func<PayloadCells, TPayload> _read;
    private readonly Func<TPayload, IEnumerable<string?>> _write;
    private readonly IReadOnlyList<Dimension> _dimensions;

    internal MatrixSheet(string title, IReadOnlyList<PayloadColumn> payload, Func<PayloadCells, TPayload> read,
        Func<TPayload, IEnumerable<string?>> write, MatrixRule<TPayload> example)
    {
        Title = title;
        _payload = payload;
        _read = read;
        _write = write;
        Example = example;
        _dimensions = [.. MatrixColumns.Dimensions.Where(TPayload.Dimensions.Contains)];
        Columns = [.. MatrixColumns.Key(TPayload.Dimensions), .. payload.Select(p => p.Sheet)];
    }

    /// <inheritdoc />
    public string Name => TPayload.MatrixName;

    /// <inheritdoc />
    public string Title { get; }

    /// <inheritdoc />
    public IReadOnlyList<SheetColumn> Columns { get; }

    /// <summary>The template's example rule.</summary>
    public MatrixRule<TPayload> Example { get; }

    /// <inheritdoc />
    public void WriteTemplate(Stream output) => SheetWriter.Write(output, ImportFormat.Xlsx, Columns, [Cells(Example)], Title);

    /// <summary>Writes <paramref name="rules"/> (a matrix's <see cref="Matrix{TPayload}.Rules"/>) in <paramref name="format"/>; they import back to the same rules.</summary>
    public void Write(Stream output, ImportFormat format, IEnumerable<MatrixRule<TPayload>> rules) =>
        SheetWriter.Write(output, format, Columns, rules.Select(Cells), Title);

    /// <summary>A rule's cells in <see cref="Columns"/>' order.</summary>
    public IReadOnlyList<string?> Cells(MatrixRule<TPayload> rule)
    {
        ArgumentNullException.ThrowIfNull(rule);
        var key = rule.Key;
        return
        [
            rule.Id,
            .. _dimensions.Select(d => KeyCells.Write(key, d)),
            CellText.Text(key.Validity.From), CellText.Text(key.Validity.To),
            CellText.Text(key.Quantity.Min), CellText.Text(key.Quantity.Max),
            .. _write(rule.Payload),
        ];
    }

    /// <inheritdoc />
    public IReadOnlyList<ImportProblem> Check(IReadOnlyList<string> headers, IEnumerable<SheetRow> rows) =>
        Import(headers, rows).Match(_ => [], problems => problems);

    /// <summary>The matrix the rows make, or every problem: the header's, each cell's, and <see cref="Matrix{TPayload}.Build"/>'s on its row.</summary>
    public OneOf<Matrix<TPayload>, IReadOnlyList<ImportProblem>> Import(IReadOnlyList<string> headers, IEnumerable<SheetRow> rows)
    {
        ArgumentNullException.ThrowIfNull(rows);
        var header = HeaderMap.Of(headers, [.. MatrixColumns.AllKeyHeaders, .. _payload.Select(p => p.Header)], [MatrixColumns.Id]);
        if (header.TryPickT1(out var headerProblems, out var map))
            return headerProblems;

        var problems = new List<ImportProblem>();
        var rules = new List<MatrixRule<TPayload>>();
        var rowOf = new Dictionary<string, (int Row, MatrixRule<TPayload> Rule)>(StringComparer.Ordinal);
        foreach (var row in rows)
        {
            string? Cell(string column) => map[row, column];
            var before = problems.Count;
            var id = Cell(MatrixColumns.Id);
            var key = KeyCells.Read(Cell, row.Number, problems);
            var payload = _read(new PayloadCells(Cell, row.Number, _payload, problems));
            var duplicate = id is not null && rowOf.ContainsKey(Field(id));
            if (id is null)
                problems.Add(new ImportProblem(row.Number, MatrixColumns.Id, MatrixCodes.IdEmpty, "Regra sem identificador."));
            else if (duplicate)
                problems.Add(new ImportProblem(row.Number, MatrixColumns.Id, MatrixCodes.IdDuplicate,
                    $"Identificador {id} repetido: já usado na linha {rowOf[Field(id)].Row}."));
            else if (id.Length > MatrixColumns.IdLength)
                problems.Add(new ImportProblem(row.Number, MatrixColumns.Id, ImportCodes.TooLong, $"No máximo {MatrixColumns.IdLength} caracteres."));
            if (problems.Count > before)
            {
                // The rule's own checks still run, alone under a stand-in id, so the user sees all of the row's problems at once;
                // a column whose cell was refused is left out (its stand-in value would only add a misleading second problem).
                var refused = problems.Skip(before).Select(p => p.Column).ToHashSet();
                var alone = new MatrixRule<TPayload>("?", key, payload);
                problems.AddRange(BuildProblems([alone], new() { [Field(alone.Id)] = (row.Number, alone) }).Where(p => !refused.Contains(p.Column)));
                if (id is not null && !duplicate)
                    rowOf[Field(id)] = (row.Number, alone);
                continue;
            }
            var rule = new MatrixRule<TPayload>(id!, key, payload);
            rowOf[Field(id!)] = (row.Number, rule);
            rules.Add(rule);
        }

        var built = Matrix<TPayload>.Build(rules);
        if (built.TryPickT1(out var invalid, out var matrix))
            problems.AddRange(OnRows(invalid.Problems, rowOf));
        return problems.Count > 0 ? problems.OrderBy(p => p.Row).ToList() : matrix;
    }

    private IEnumerable<ImportProblem> BuildProblems(MatrixRule<TPayload>[] rules, Dictionary<string, (int Row, MatrixRule<TPayload> Rule)> rowOf) =>
        Matrix<TPayload>.Build(rules).Match(_ => [], invalid => OnRows(invalid.Problems, rowOf));

    /// <summary>The problem field <see cref="Matrix{TPayload}.Build"/> gives a rule, before any suffix: <c>icms[R1]</c>.</summary>
    private static string Field(string id) => $"{TPayload.MatrixName}[{id}]";

    /// <summary>Each domain problem on the row of the rule its field names, in the column its suffix names.</summary>
    private IEnumerable<ImportProblem> OnRows(IEnumerable<Problem> problems, Dictionary<string, (int Row, MatrixRule<TPayload> Rule)> rowOf)
    {
        foreach (var problem in problems)
        {
            // An id may itself hold "]": try each "]" that ends the field or starts a suffix.
            var (row, column) = (0, (string?)null);
            for (var end = problem.Field.IndexOf(']', StringComparison.Ordinal); end >= 0; end = problem.Field.IndexOf(']', end + 1))
            {
                if (end + 1 < problem.Field.Length && problem.Field[end + 1] != '.')
                    continue;
                if (rowOf.TryGetValue(problem.Field[..(end + 1)], out var found))
                {
                    (row, column) = (found.Row, ColumnOf(problem.Field[Math.Min(end + 2, problem.Field.Length)..], found.Rule));
                    break;
                }
            }
            yield return new ImportProblem(row, column, problem.Code, problem.Message);
        }
    }

    /// <summary>The column a problem field's suffix (<c>ncm</c>, <c>validity</c>, a dimension, a payload field) is about; null for the row as a whole.</summary>
    private string? ColumnOf(string suffix, MatrixRule<TPayload> rule) => suffix switch
    {
        "" => null,
        "ncm" => MatrixColumns.NcmPrefix,
        "validity" => MatrixColumns.ValidTo,
        "quantity" => rule.Key.Quantity.Min < 0 ? MatrixColumns.MinQuantity : MatrixColumns.MaxQuantity,
        _ when Enum.GetNames<Dimension>().Contains(suffix) => MatrixColumns.Header(Enum.Parse<Dimension>(suffix)),
        _ => _payload.FirstOrDefault(p => p.Field == suffix)?.Header,
    };
}
