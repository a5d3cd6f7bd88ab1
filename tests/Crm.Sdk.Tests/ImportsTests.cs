using Crm.Imports.Customers;
using Crm.Imports.Reading;
using Crm.Imports.Writing;
using Crm.Sdk.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static Crm.Sdk.Tests.Infrastructure.TestHost;

namespace Crm.Sdk.Tests;

/// <summary>Customer imports through a session: real xlsx files, accounts registered and updated by key, refusals by row and column.</summary>
public sealed class ImportsTests
{
    private static readonly List<string> Headers = [.. CustomerColumns.All.Select(c => c.Header)];

    /// <summary>A customer row of the template's example with its own key, CNPJ, short name and names.</summary>
    private static string?[] Customer(int seed, params (string Column, string? Value)[] changes)
    {
        string?[] cells = [.. CustomerColumns.Example];
        cells[Headers.IndexOf(CustomerColumns.ExternalCode)] = $"C{seed}";
        cells[Headers.IndexOf(CustomerColumns.TaxId)] = Forms.CnpjOf(seed);
        cells[Headers.IndexOf(CustomerColumns.ShortName)] = $"IMP{seed}";
        cells[Headers.IndexOf(CustomerColumns.LegalName)] = $"Importada {seed} Ltda";
        foreach (var (column, value) in changes)
            cells[Headers.IndexOf(column)] = value;
        return cells;
    }

    private static byte[] Xlsx(params string?[][] rows)
    {
        var output = new MemoryStream();
        SheetWriter.Write(output, ImportFormat.Xlsx, CustomerColumns.All, rows);
        return output.ToArray();
    }

    // Batches of two rows, so that a file of three or four spans two units of work.
    private static async Task<CustomerImportSummary> Import(CrmSession session, byte[] file, bool dryRun = false, Stream? errors = null) =>
        Ok(await session.Imports.CustomersAsync(new MemoryStream(file), ImportFormat.Xlsx,
            new CustomerImportOptions { BatchSize = 2, DryRun = dryRun }, errors));

    private static async Task<(int Accounts, int Keys, int History)> Stored(TestHost host)
    {
        await using var db = host.Open();
        var accounts = await db.Accounts.ToListAsync();
        return (accounts.Count, await db.AccountImportKeys.CountAsync(), accounts.Sum(a => a.History.Entries.Count));
    }

    [Theory, SqliteData, PostgresData]
    public async Task Importing_the_same_file_twice_changes_nothing_the_second_time_and_a_changed_row_updates_its_account(string provider)
    {
        await using var host = await Create(provider);
        var file = Xlsx(Customer(1), Customer(2), Customer(3));

        var first = await Import(host.As(host.Diretor), file);
        var afterFirst = await Stored(host);
        var second = await Import(host.As(host.Diretor), file);
        var afterSecond = await Stored(host);
        var changed = await Import(host.As(host.Diretor), Xlsx(Customer(1), Customer(2, (CustomerColumns.LegalName, "Renomeada 2 Ltda")), Customer(3)));

        Assert.Equal((3, 3, 0, 0, 0), (first.Read, first.Created, first.Updated, first.Unchanged, first.Invalid));
        Assert.Equal((3, 3), (afterFirst.Accounts, afterFirst.Keys));
        Assert.Equal((0, 0, 3, 0), (second.Created, second.Updated, second.Unchanged, second.Invalid));
        Assert.Equal(afterFirst, afterSecond);
        Assert.Equal((0, 1, 2), (changed.Created, changed.Updated, changed.Unchanged));
        await using var db = host.Open();
        var accounts = await db.Accounts.ToListAsync();
        Assert.Single(accounts, a => a.Data.LegalName == "Renomeada 2 Ltda");
        Assert.All(accounts, a => Assert.Equal(host.Diretor, a.Data.Owner));
    }

    [Theory, SqliteData, PostgresData]
    public async Task Origin_crm_names_an_account_by_its_id_and_any_other_code_of_origin_crm_is_a_key_like_any(string provider)
    {
        await using var host = await Create(provider);
        var typed = Ok(await host.As(host.Diretor).Accounts.RegisterAsync(Forms.Company(7) with { ClientType = "1" }));

        var summary = await Import(host.As(host.Diretor), Xlsx(Customer(1, (CustomerColumns.Origin, "CRM"), (CustomerColumns.ExternalCode, "NEW1")),
            Customer(2, (CustomerColumns.Origin, "CRM"), (CustomerColumns.ExternalCode, Guid.NewGuid().ToString()))));

        Assert.Equal((1, 1), (summary.Created, summary.Invalid)); // an id of no account the user sees: refused, not created
        await using var db = host.Open();
        Assert.Equal("NEW1", (await db.AccountImportKeys.SingleAsync()).ExternalCode);
        Assert.Equal(2, await db.Accounts.CountAsync());
        Assert.NotEqual(typed.Id, (await db.AccountImportKeys.SingleAsync()).Account);
    }

    [Theory, SqliteData, PostgresData]
    public async Task A_refused_row_is_named_by_row_column_and_code_in_the_summary_and_the_error_sheet(string provider)
    {
        await using var host = await Create(provider);
        // Row 3: row 2's CNPJ under another key, in the same batch (not in the database yet); row 4: a CNPJ check digit the
        // registration rules refuse.
        var file = Xlsx(Customer(1), Customer(3, (CustomerColumns.TaxId, Forms.CnpjOf(1))),
            Customer(2, (CustomerColumns.TaxId, "11.222.333/0001-82")), Customer(4));
        var errors = new MemoryStream();

        var summary = await Import(host.As(host.Diretor), file, errors: errors);

        Assert.Equal((4, 2, 2, 2), (summary.Read, summary.Valid, summary.Invalid, summary.Created));
        Assert.Contains(summary.Problems, p => p is { Row: 3, Column: CustomerColumns.TaxId, Code: "account.tax_id.duplicate" });
        Assert.Contains(summary.Problems, p => p is { Row: 4, Column: CustomerColumns.TaxId, Code: "registry.check_digit" });
        Assert.Equal((2, 2), ((await Stored(host)).Accounts, (await Stored(host)).Keys));
        errors.Position = 0;
        using var sheet = ImportFile.Open(errors, ImportFormat.Xlsx).AsT0;
        var rows = sheet.ReadRows().ToList();
        var codes = sheet.Headers.ToList().IndexOf(CustomerColumns.ExternalCode);
        var messages = sheet.Headers.ToList().IndexOf(ErrorSheet.ErrorColumn);
        Assert.Equal(["C3", "C2"], rows.Select(r => r[codes]));
        Assert.Contains($"{CustomerColumns.TaxId}: account.tax_id.duplicate", rows[0][messages], StringComparison.Ordinal);
        Assert.Contains($"{CustomerColumns.TaxId}: registry.check_digit", rows[1][messages], StringComparison.Ordinal);
    }

    [Theory, SqliteData, PostgresData]
    public async Task A_user_without_the_imports_permission_imports_nothing(string provider)
    {
        await using var host = await Create(provider);

        var result = await host.As(host.Usuario).Imports.CustomersAsync(new MemoryStream(Xlsx(Customer(1))), ImportFormat.Xlsx);

        var denied = Assert.IsType<Denied>(result.Value);
        Assert.Equal((Crm.Domain.Access.Module.Imports, Denied.PermissionCode), (denied.Module, denied.Code));
        Assert.Equal((0, 0, 0), await Stored(host));
        Assert.Contains(host.Logs.Lines, l => UseCase(l) == "imports.customers" && l.Event.Id == 1002); // the denial, logged
    }

    [Theory, SqliteData, PostgresData]
    public async Task A_file_that_is_not_a_spreadsheet_is_an_invalid_value_logged_like_any_refusal(string provider)
    {
        await using var host = await Create(provider);

        var result = await host.As(host.Diretor).Imports.CustomersAsync(new MemoryStream("not a zip"u8.ToArray()), ImportFormat.Xlsx);

        Assert.Equal("file", Assert.Single(Assert.IsType<Crm.Domain.Problems.Invalid>(result.Value).Problems).Field);
        Assert.Contains(host.Logs.Lines, l => UseCase(l) == "imports.customers" && l.Event.Id == 1001); // the refusal, logged
        Assert.Equal((0, 0, 0), await Stored(host));
    }

    private static string? UseCase(CapturedLogs.Line line) => line.Values.GetValueOrDefault("UseCase") as string;

    [Theory, SqliteData, PostgresData]
    public async Task An_imported_account_writes_its_erp_message_as_a_typed_form_does_and_an_unchanged_row_writes_none(string provider)
    {
        await using var outbox = await OutboxHost.Create(provider);
        var session = outbox.Host.As(outbox.Host.Diretor);
        // A client type that integrates, and no master data the ERP would have to know (not loaded yet: not eligible).
        (string, string?)[] eligible = [(CustomerColumns.ClientType, "REV"), (CustomerColumns.ClientGroup, null), (CustomerColumns.FiscalCategory, null),
            (CustomerColumns.SalesTable, null), (CustomerColumns.BillingLocation, null), (CustomerColumns.Warehouse, null)];

        var created = await Import(session, Xlsx(Customer(1, eligible)));
        var unchanged = await Import(session, Xlsx(Customer(1, eligible)));
        var afterUnchanged = (await outbox.MessagesAsync()).Count;
        var updated = await Import(session, Xlsx(Customer(1, [.. eligible, (CustomerColumns.TradeName, "Nova Fantasia")])));

        Assert.Equal((1, 1, 1), (created.Created, unchanged.Unchanged, updated.Updated));
        Assert.Equal(1, afterUnchanged);
        var messages = await outbox.MessagesAsync();
        Assert.Equal([1L, 2L], messages.Select(m => m.Sequence).Order());
        Assert.All(messages, m => Assert.Equal(outbox.Host.Diretor, m.CreatedBy));
    }

    [Theory, SqliteData, PostgresData]
    public async Task An_import_stopped_after_its_first_batch_keeps_that_batch_and_a_rerun_resumes(string provider)
    {
        await using var host = await Create(provider);
        var file = Xlsx(Customer(1), Customer(2), Customer(3), Customer(4));
        using var stop = new CancellationTokenSource();
        var options = new CustomerImportOptions { BatchSize = 2, Progress = new StopAfterFirstBatch(stop) };

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() =>
            host.As(host.Diretor).Imports.CustomersAsync(new MemoryStream(file), ImportFormat.Xlsx, options, null, stop.Token));
        var afterStop = await Stored(host);
        var rerun = await Import(host.As(host.Diretor), file);

        Assert.Equal((2, 2), (afterStop.Accounts, afterStop.Keys));
        Assert.Equal((2, 2), (rerun.Created, rerun.Unchanged));
    }

    // Reported synchronously after each batch (Progress<T> would post to the thread pool, after the next batch began).
    private sealed class StopAfterFirstBatch(CancellationTokenSource stop) : IProgress<CustomerImportProgress>
    {
        public void Report(CustomerImportProgress value) => stop.Cancel();
    }

    [Theory, SqliteData, PostgresData]
    public async Task A_dry_run_reports_what_would_happen_and_writes_nothing(string provider)
    {
        await using var host = await Create(provider);

        var summary = await Import(host.As(host.Diretor), Xlsx(Customer(1), Customer(2), Customer(3)), dryRun: true);

        Assert.Equal((true, 3, 0), (summary.DryRun, summary.Created, summary.Invalid));
        Assert.Equal((0, 0, 0), await Stored(host));
    }

    [Theory, SqliteData, PostgresData]
    public async Task A_file_that_is_not_a_spreadsheet_is_invalid_and_writes_nothing(string provider)
    {
        await using var host = await Create(provider);

        var result = await host.As(host.Diretor).Imports.CustomersAsync(new MemoryStream("not a zip"u8.ToArray()), ImportFormat.Xlsx);

        Assert.Equal("file", Assert.Single(Assert.IsType<Crm.Domain.Problems.Invalid>(result.Value).Problems).Field);
        Assert.Equal((0, 0, 0), await Stored(host));
    }

    [Theory, SqliteData, PostgresData]
    public async Task A_batch_whose_save_fails_midway_leaves_none_of_its_rows_and_a_rerun_completes(string provider)
    {
        var failure = new FailOnImportKeys();
        await using var host = await Create(provider, s => s.Configure<CrmOptions>(o => o.Database.AddInterceptors(failure)));
        var file = Xlsx(Customer(1), Customer(2), Customer(3), Customer(4), Customer(5), Customer(6));
        // Batches of three: the second batch's save fails once C5's import key is inserted (its accounts' INSERT ran before, in its transaction).
        failure.ExternalCode = "C5";

        var thrown = await Assert.ThrowsAsync<DbUpdateException>(() => host.As(host.Diretor).Imports.CustomersAsync(new MemoryStream(file), ImportFormat.Xlsx,
            new CustomerImportOptions { BatchSize = 3 }));
        var afterFailure = await Stored(host);
        failure.ExternalCode = null;
        var rerun = Ok(await host.As(host.Diretor).Imports.CustomersAsync(new MemoryStream(file), ImportFormat.Xlsx, new CustomerImportOptions { BatchSize = 3 }));

        Assert.Equal("Injected database failure.", thrown.InnerException?.Message);
        Assert.Equal((3, 3), (afterFailure.Accounts, afterFailure.Keys));
        Assert.Equal((3, 3, 0), (rerun.Created, rerun.Unchanged, rerun.Invalid));
        var stored = await Stored(host);
        Assert.Equal((6, 6), (stored.Accounts, stored.Keys));
    }

    /// <summary>Throws after a command inserting the import key of <see cref="ExternalCode"/> has run (executed, its transaction not committed).</summary>
    private sealed class FailOnImportKeys : Microsoft.EntityFrameworkCore.Diagnostics.DbCommandInterceptor
    {
        public string? ExternalCode { get; set; }

        public override ValueTask<System.Data.Common.DbDataReader> ReaderExecutedAsync(System.Data.Common.DbCommand command,
            Microsoft.EntityFrameworkCore.Diagnostics.CommandExecutedEventData eventData, System.Data.Common.DbDataReader result, CancellationToken cancellationToken = default)
        {
            Fail(command);
            return base.ReaderExecutedAsync(command, eventData, result, cancellationToken);
        }

        public override ValueTask<int> NonQueryExecutedAsync(System.Data.Common.DbCommand command,
            Microsoft.EntityFrameworkCore.Diagnostics.CommandExecutedEventData eventData, int result, CancellationToken cancellationToken = default)
        {
            Fail(command);
            return base.NonQueryExecutedAsync(command, eventData, result, cancellationToken);
        }

        private void Fail(System.Data.Common.DbCommand command)
        {
            if (ExternalCode is not null && command.CommandText.Contains("INSERT INTO \"AccountImportKeys\"", StringComparison.Ordinal)
                && command.Parameters.Cast<System.Data.Common.DbParameter>().Any(p => Equals(p.Value, ExternalCode)))
                throw new InvalidOperationException("Injected database failure.");
        }
    }
}
