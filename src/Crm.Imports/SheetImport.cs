using Crm.Domain.Problems;
using Crm.Imports.Customers;
using Crm.Imports.Reading;
using Crm.Imports.Writing;
using OneOf;

namespace Crm.Imports;

/// <summary>A sheet's row mapper: a data row as <typeparamref name="TRow"/>, or every problem in it.</summary>
/// <typeparam name="TRow">The well-formed row (<see cref="CustomerRow"/>, <see cref="Leads.LeadRow"/>, <see cref="Contacts.ContactRow"/>).</typeparam>
public interface IRowMapper<TRow>
{
    /// <summary>The row as <typeparamref name="TRow"/>, or every problem in it.</summary>
    OneOf<TRow, IReadOnlyList<ImportProblem>> Map(SheetRow row);
}

/// <summary>
/// Where a sheet import writes, under the importing user's session. The engine implements it; the runner
/// (<see cref="SheetImport"/>) only reads the file, batches the rows and reports.
/// </summary>
/// <typeparam name="TRow">The well-formed row.</typeparam>
public interface IImportTarget<TRow>
{
    /// <summary>
    /// Judges each row of <paramref name="batch"/> as a typed form is judged (the domain's rules, duplicate checks,
    /// permissions), finds the record the row is about and — unless <paramref name="dryRun"/> — creates or updates it, every
    /// accepted row of the batch in one unit of work (a failure saves none of them). A dry run writes nothing and reports
    /// what would happen.
    /// </summary>
    /// <returns>One outcome per row of <paramref name="batch"/>, in its order.</returns>
    Task<IReadOnlyList<CustomerOutcome>> SaveAsync(IReadOnlyList<TRow> batch, bool dryRun, CancellationToken cancellationToken);
}

/// <summary>
/// The runner every sheet import shares (customers, leads, contacts): each row mapped, the well-formed ones sent to the target
/// in batches (one unit of work each), progress after each batch, the refused rows written back as the error sheet with the
/// domain's problems put on their column.
/// </summary>
/// <remarks>Memory holds one batch and the refused rows (for the error sheet), not the file.</remarks>
public static class SheetImport
{
    /// <summary>
    /// Imports <paramref name="sheet"/> through <paramref name="mapper"/> (or reports the header's problems) into
    /// <paramref name="target"/>; <paramref name="columnOf"/> names the column of a domain problem's field (null: none). When
    /// <paramref name="errorSheet"/> is given and some row was refused, writes the refused rows there in
    /// <paramref name="errorFormat"/> with an <see cref="ErrorSheet.ErrorColumn"/> column. An exception of the target (the
    /// database is gone) propagates: that batch was not saved, the earlier ones were.
    /// </summary>
    public static async Task<CustomerImportSummary> RunAsync<TRow>(Sheet sheet, OneOf<IRowMapper<TRow>, IReadOnlyList<ImportProblem>> mapper,
        IImportTarget<TRow> target, Func<string, string?> columnOf, CustomerImportOptions? options = null, Stream? errorSheet = null,
        ImportFormat errorFormat = ImportFormat.Xlsx, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(sheet);
        ArgumentNullException.ThrowIfNull(target);
        ArgumentNullException.ThrowIfNull(columnOf);
        options ??= new CustomerImportOptions();
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(options.BatchSize);
        if (mapper.TryPickT1(out var headerProblems, out var rows))
            return new CustomerImportSummary(0, 0, 0, 0, 0, 0, options.DryRun, null, headerProblems);

        var run = new Run<TRow>(target, columnOf, options);
        foreach (var row in sheet.ReadRows())
        {
            run.Read++;
            if (rows.Map(row).TryPickT1(out var problems, out var mapped))
                run.Refuse(row, problems);
            else
                await run.AddAsync(row, mapped, cancellationToken).ConfigureAwait(false);
        }
        await run.FlushAsync(cancellationToken).ConfigureAwait(false);

        if (errorSheet is not null && run.Refused.Count > 0)
            ErrorSheet.Write(errorSheet, errorFormat, sheet.Headers, run.Refused, run.Problems);
        return new CustomerImportSummary(run.Read, run.Read - run.Refused.Count, run.Refused.Count,
            run.Count(CustomerOutcomeKind.Created), run.Count(CustomerOutcomeKind.Updated), run.Count(CustomerOutcomeKind.Unchanged),
            options.DryRun, sheet.Failure, run.Problems);
    }

    /// <summary>The state of one run: the batch being filled, the refused rows and the counts.</summary>
    private sealed class Run<TRow>(IImportTarget<TRow> target, Func<string, string?> columnOf, CustomerImportOptions options)
    {
        private readonly List<(SheetRow Row, TRow Mapped)> _batch = [];
        private readonly int[] _counts = new int[Enum.GetValues<CustomerOutcomeKind>().Length];

        public int Read { get; set; }
        public List<SheetRow> Refused { get; } = [];
        public List<ImportProblem> Problems { get; } = [];

        public int Count(CustomerOutcomeKind kind) => _counts[(int)kind];

        public void Refuse(SheetRow row, IEnumerable<ImportProblem> problems)
        {
            Refused.Add(row);
            Problems.AddRange(problems);
        }

        public async Task AddAsync(SheetRow row, TRow mapped, CancellationToken cancellationToken)
        {
            _batch.Add((row, mapped));
            if (_batch.Count >= options.BatchSize)
                await FlushAsync(cancellationToken).ConfigureAwait(false);
        }

        public async Task FlushAsync(CancellationToken cancellationToken)
        {
            if (_batch.Count > 0)
            {
                var outcomes = await target.SaveAsync([.. _batch.Select(b => b.Mapped)], options.DryRun, cancellationToken).ConfigureAwait(false);
                if (outcomes.Count != _batch.Count)
                    throw new InvalidOperationException($"The import target answered {outcomes.Count} outcomes for a batch of {_batch.Count} rows.");
                foreach (var ((row, _), outcome) in _batch.Zip(outcomes))
                {
                    _counts[(int)outcome.Kind]++;
                    if (outcome.Kind == CustomerOutcomeKind.Rejected)
                        Refuse(row, outcome.Problems.Where(p => p.Severity == Severity.Error).Select(p =>
                            new ImportProblem(row.Number, columnOf(p.Field), p.Code, p.Message)));
                }
                _batch.Clear();
            }
            options.Progress?.Report(new CustomerImportProgress(Read, Read - Refused.Count, Refused.Count));
        }
    }
}
