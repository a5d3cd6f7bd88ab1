using Crm.Domain.Accounts.Configuration;
using Crm.Domain.Accounts.History;
using Crm.Domain.Accounts.Registration;
using Crm.Imports.Customers;
using Crm.Imports.Reading;
using Crm.Imports.Writing;

namespace Crm.Imports.Tests;

/// <summary>
/// The import runner against a target that applies the real registration rules and keeps accounts in memory, committing a
/// batch only when the whole batch went through (the engine's target does the same on the database).
/// </summary>
public sealed class CustomerImportTests
{
    private sealed class AccountsInMemory : ICustomerImportTarget
    {
        public Dictionary<CustomerKey, FieldSnapshot> Saved { get; } = [];
        public int Batches { get; private set; }
        public int? CrashOnBatch { get; init; }

        public Task<IReadOnlyList<CustomerOutcome>> SaveAsync(IReadOnlyList<CustomerRow> batch, bool dryRun, CancellationToken cancellationToken)
        {
            Batches++;
            var staged = new Dictionary<CustomerKey, FieldSnapshot>();
            var outcomes = new List<CustomerOutcome>();
            foreach (var row in batch)
            {
                var result = RegistrationRules.Validate(row.Form, new RegistrationContext(AccountSettings.Default, RegistrationKind.Account));
                if (!result.TryPickT0(out var valid, out var invalid))
                {
                    outcomes.Add(new CustomerOutcome(CustomerOutcomeKind.Rejected, invalid.Problems));
                    continue;
                }
                var snapshot = valid.Data.Snapshot();
                outcomes.Add(new CustomerOutcome(
                    !Saved.TryGetValue(row.Key, out var before) ? CustomerOutcomeKind.Created
                    : before.Equals(snapshot) ? CustomerOutcomeKind.Unchanged : CustomerOutcomeKind.Updated, valid.Warnings));
                staged[row.Key] = snapshot;
            }
            if (Batches == CrashOnBatch)
                throw new IOException("The database went away.");
            if (!dryRun)
                foreach (var (key, snapshot) in staged) Saved[key] = snapshot;
            return Task.FromResult<IReadOnlyList<CustomerOutcome>>(outcomes);
        }
    }

    private sealed class Recorder : IProgress<CustomerImportProgress>
    {
        public List<CustomerImportProgress> Reports { get; } = [];
        public void Report(CustomerImportProgress value) => Reports.Add(value);
    }

    private static readonly List<string> Headers = [.. CustomerColumns.All.Select(c => c.Header)];

    private static string?[] Customer(string code, params (string Column, string? Value)[] changes)
    {
        string?[] cells = [.. CustomerColumns.Example];
        cells[Headers.IndexOf(CustomerColumns.ExternalCode)] = code;
        foreach (var (column, value) in changes) cells[Headers.IndexOf(column)] = value;
        return cells;
    }

    /// <summary>Five rows: three good, one a sheet refuses (no origin), one the registration rules refuse (a CNPJ check digit).</summary>
    private static byte[] File(params string?[][] rows)
    {
        var output = new MemoryStream();
        SheetWriter.Write(output, ImportFormat.Csv, CustomerColumns.All, rows.Length > 0 ? rows :
        [
            Customer("C1"), Customer("C2", (CustomerColumns.Origin, null)), Customer("C3"),
            Customer("C4", (CustomerColumns.TaxId, "11.222.333/0001-82")), Customer("C5"),
        ]);
        return output.ToArray();
    }

    private static Task<CustomerImportSummary> Run(byte[] file, ICustomerImportTarget target, CustomerImportOptions? options = null, Stream? errors = null)
    {
        var sheet = ImportFile.Open(new MemoryStream(file), ImportFormat.Csv).AsT0;
        return CustomerImport.RunAsync(sheet, target, options ?? new CustomerImportOptions { BatchSize = 2 }, errors, ImportFormat.Csv);
    }

    [Fact]
    public async Task Valid_rows_are_saved_invalid_ones_named_on_their_cell_and_written_back_with_their_errors()
    {
        var target = new AccountsInMemory();
        var progress = new Recorder();
        var errors = new MemoryStream();
        var summary = await Run(File(), target, new CustomerImportOptions { BatchSize = 2, Progress = progress }, errors);

        Assert.Equal((5, 3, 2, 3, 0, 0, false), (summary.Read, summary.Valid, summary.Invalid, summary.Created, summary.Updated, summary.Unchanged, summary.DryRun));
        Assert.Equal(["C1", "C3", "C5"], target.Saved.Keys.Select(k => k.ExternalCode).Order());
        Assert.Equal([(3, CustomerColumns.Origin, ImportCodes.Required), (5, CustomerColumns.TaxId, "registry.check_digit")],
            summary.Problems.Select(p => (p.Row, p.Column, p.Code)));
        Assert.Equal(2, target.Batches);
        Assert.Equal(new CustomerImportProgress(5, 3, 2), progress.Reports[^1]);
        Assert.True(progress.Reports.Zip(progress.Reports.Skip(1)).All(p => p.First.Read <= p.Second.Read));

        using var written = ImportFile.Open(new MemoryStream(errors.ToArray()), ImportFormat.Csv).AsT0;
        Assert.Equal([.. Headers, ErrorSheet.ErrorColumn], written.Headers);
        var rows = written.ReadRows().ToList();
        Assert.Equal(["C2", "C4"], rows.Select(r => r[Headers.IndexOf(CustomerColumns.ExternalCode)]));
        Assert.Contains("registry.check_digit", rows[1][Headers.Count], StringComparison.Ordinal);
    }

    [Fact]
    public async Task Importing_the_same_file_twice_changes_nothing_the_second_time_and_a_changed_cell_updates()
    {
        var target = new AccountsInMemory();
        await Run(File(), target);
        var again = await Run(File(), target);
        Assert.Equal((0, 0, 3), (again.Created, again.Updated, again.Unchanged));

        var changed = await Run(File(Customer("C1", (CustomerColumns.TradeName, "Novo Nome")), Customer("C9")), target);
        Assert.Equal((1, 1, 0), (changed.Created, changed.Updated, changed.Unchanged));
    }

    [Fact]
    public async Task A_dry_run_judges_every_row_and_writes_nothing()
    {
        var target = new AccountsInMemory();
        var summary = await Run(File(), target, new CustomerImportOptions { DryRun = true, BatchSize = 10 });
        Assert.Equal((3, 2, 3, true), (summary.Valid, summary.Invalid, summary.Created, summary.DryRun));
        Assert.Empty(target.Saved);
    }

    [Fact]
    public async Task A_crash_leaves_earlier_batches_saved_and_none_of_its_own_and_a_rerun_resumes()
    {
        var crashing = new AccountsInMemory { CrashOnBatch = 2 };
        await Assert.ThrowsAsync<IOException>(() => Run(File(Customer("A"), Customer("B"), Customer("C"), Customer("D")), crashing));
        Assert.Equal(["A", "B"], crashing.Saved.Keys.Select(k => k.ExternalCode).Order());

        var resumed = new AccountsInMemory();
        foreach (var (key, value) in crashing.Saved) resumed.Saved[key] = value;
        var summary = await Run(File(Customer("A"), Customer("B"), Customer("C"), Customer("D")), resumed);
        Assert.Equal((2, 2), (summary.Unchanged, summary.Created));
    }

    [Fact]
    public async Task A_header_without_the_required_columns_reads_no_row()
    {
        var output = new MemoryStream();
        SheetWriter.Write(output, ImportFormat.Csv, [new SheetColumn("Nome")], [["Ana"]]);
        var target = new AccountsInMemory();
        var summary = await Run(output.ToArray(), target);
        Assert.Equal(0, summary.Read);
        Assert.Equal(CustomerColumns.Required, summary.Problems.Select(p => p.Column));
        Assert.Equal(0, target.Batches);
    }

    [Fact]
    public async Task A_damaged_file_is_reported_with_the_rows_read_before_it_imported()
    {
        var bytes = File(Customer("A"), Customer("B"), Customer("C"));
        var limits = new ImportLimits { MaxRows = 2 };
        var sheet = ImportFile.Open(new MemoryStream(bytes), ImportFormat.Csv, limits: limits).AsT0;
        var target = new AccountsInMemory();
        var summary = await CustomerImport.RunAsync(sheet, target);
        Assert.Equal((2, 2, FileCodes.TooManyRows), (summary.Read, summary.Created, summary.Failure?.Code));
    }

    [Theory]
    [InlineData(CustomerColumns.Cep, "123")]
    [InlineData(CustomerColumns.ResponsibleCpf, "123.456.789-00")]
    [InlineData(CustomerColumns.Email, "sem-arroba")]
    [InlineData(CustomerColumns.StateRegistration, "12")]
    [InlineData(CustomerColumns.LegalName, null)]
    public async Task A_registration_rules_problem_points_at_its_cell(string column, string? value)
    {
        var summary = await Run(File(Customer("C1", (column, value))), new AccountsInMemory());
        Assert.Contains(column, summary.Problems.Select(p => p.Column));
        Assert.All(summary.Problems, p => Assert.Equal(2, p.Row));
    }
}
