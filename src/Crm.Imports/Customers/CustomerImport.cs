using Crm.Domain.Problems;
using Crm.Imports.Reading;
using Crm.Imports.Writing;

namespace Crm.Imports.Customers;

/// <summary>How a customer import runs.</summary>
public sealed record CustomerImportOptions
{
    /// <summary>Validate every row (sheet and domain rules) without writing.</summary>
    public bool DryRun { get; init; }

    /// <summary>Rows per unit of work (default 500).</summary>
    public int BatchSize { get; init; } = 500;

    /// <summary>Told after each batch how far the import has come.</summary>
    public IProgress<CustomerImportProgress>? Progress { get; init; }
}

/// <summary>How far an import has come: rows read, accepted and refused so far.</summary>
/// <param name="Read">Data rows read.</param>
/// <param name="Valid">Rows accepted (by the sheet and the domain).</param>
/// <param name="Invalid">Rows refused.</param>
public sealed record CustomerImportProgress(int Read, int Valid, int Invalid);

/// <summary>The result of a customer import.</summary>
/// <param name="Read">Data rows read.</param>
/// <param name="Valid">Rows accepted by the sheet's and the domain's rules.</param>
/// <param name="Invalid">Rows refused, each with its problems in <paramref name="Problems"/>.</param>
/// <param name="Created">Accounts created (in a dry run: that would be).</param>
/// <param name="Updated">Accounts updated.</param>
/// <param name="Unchanged">Rows whose account already held their data.</param>
/// <param name="DryRun">Whether nothing was written.</param>
/// <param name="Failure">Why the file stopped being read early (damaged, too large); the rows before it were imported.</param>
/// <param name="Problems">Every problem, by row: the header's (row 1), the cells', and the domain's (mapped to their column).</param>
public sealed record CustomerImportSummary(int Read, int Valid, int Invalid, int Created, int Updated, int Unchanged, bool DryRun,
    FileProblem? Failure, IReadOnlyList<ImportProblem> Problems);

/// <summary>
/// Runs a customer import from a sheet into an <see cref="ICustomerImportTarget"/>: each row mapped by
/// <see cref="CustomerSheet"/>, the well-formed ones sent in batches (one unit of work each), progress after each batch, and
/// the refused rows written back as the error sheet. A rerun after a crash resumes: rows already saved come back
/// <see cref="CustomerOutcomeKind.Unchanged"/>, as the key (external code + origin) finds their account.
/// </summary>
/// <remarks>Memory holds one batch and the refused rows (for the error sheet), not the file.</remarks>
public static class CustomerImport
{
    /// <summary>
    /// Imports <paramref name="sheet"/> into <paramref name="target"/>; when <paramref name="errorSheet"/> is given and some row
    /// was refused, writes the refused rows there in <paramref name="errorFormat"/> with an <see cref="ErrorSheet.ErrorColumn"/> column.
    /// An exception of the target (the database is gone) propagates: that batch was not saved, the earlier ones were.
    /// </summary>
    public static async Task<CustomerImportSummary> RunAsync(Sheet sheet, ICustomerImportTarget target, CustomerImportOptions? options = null,
        Stream? errorSheet = null, ImportFormat errorFormat = ImportFormat.Xlsx, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(sheet);
        ArgumentNullException.ThrowIfNull(target);
        options ??= new CustomerImportOptions();
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(options.BatchSize);
        var mapper = CustomerSheet.For(sheet.Headers);
        if (mapper.TryPickT1(out var headerProblems, out var customers))
            return new CustomerImportSummary(0, 0, 0, 0, 0, 0, options.DryRun, null, headerProblems);

        var run = new Run(target, options);
        foreach (var row in sheet.ReadRows())
        {
            run.Read++;
            if (customers.Map(row).TryPickT1(out var problems, out var customer))
                run.Refuse(row, problems);
            else
                await run.AddAsync(row, customer, cancellationToken).ConfigureAwait(false);
        }
        await run.FlushAsync(cancellationToken).ConfigureAwait(false);

        if (errorSheet is not null && run.Refused.Count > 0)
            ErrorSheet.Write(errorSheet, errorFormat, sheet.Headers, run.Refused, run.Problems);
        return new CustomerImportSummary(run.Read, run.Read - run.Refused.Count, run.Refused.Count,
            run.Count(CustomerOutcomeKind.Created), run.Count(CustomerOutcomeKind.Updated), run.Count(CustomerOutcomeKind.Unchanged),
            options.DryRun, sheet.Failure, run.Problems);
    }

    /// <summary>The state of one run: the batch being filled, the refused rows and the counts.</summary>
    private sealed class Run(ICustomerImportTarget target, CustomerImportOptions options)
    {
        private readonly List<(SheetRow Row, CustomerRow Customer)> _batch = [];
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

        public async Task AddAsync(SheetRow row, CustomerRow customer, CancellationToken cancellationToken)
        {
            _batch.Add((row, customer));
            if (_batch.Count >= options.BatchSize)
                await FlushAsync(cancellationToken).ConfigureAwait(false);
        }

        public async Task FlushAsync(CancellationToken cancellationToken)
        {
            if (_batch.Count > 0)
            {
                var outcomes = await target.SaveAsync([.. _batch.Select(b => b.Customer)], options.DryRun, cancellationToken).ConfigureAwait(false);
                if (outcomes.Count != _batch.Count)
                    throw new InvalidOperationException($"The import target answered {outcomes.Count} outcomes for a batch of {_batch.Count} rows.");
                foreach (var ((row, _), outcome) in _batch.Zip(outcomes))
                {
                    _counts[(int)outcome.Kind]++;
                    if (outcome.Kind == CustomerOutcomeKind.Rejected)
                        Refuse(row, outcome.Problems.Where(p => p.Severity == Severity.Error).Select(p =>
                            new ImportProblem(row.Number, CustomerColumns.ColumnOf(p.Field), p.Code, p.Message)));
                }
                _batch.Clear();
            }
            options.Progress?.Report(new CustomerImportProgress(Read, Read - Refused.Count, Refused.Count));
        }
    }
}
