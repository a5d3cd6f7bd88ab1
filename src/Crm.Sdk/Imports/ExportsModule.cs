using System.Runtime.CompilerServices;
using Crm.Domain.Access;
using Crm.Domain.Accounts;
using Crm.Domain.Accounts.Contacts;
using Crm.Domain.Problems;
using Crm.Domain.Registry;
using Crm.Imports.Contacts;
using Crm.Imports.Customers;
using Crm.Imports.Leads;
using Crm.Imports.Privacy;
using Crm.Imports.Reading;
using Crm.Imports.Writing;
using Crm.Persistence.Access;
using Crm.Sdk.Engine;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace Crm.Sdk.Imports;

/// <summary>An export written: which sheet, in which format, and how many data rows (records) it holds.</summary>
/// <param name="Sheet">What was exported (<c>customers</c>, <c>leads</c>, <c>contacts</c>, the matrix's name, <c>person</c>).</param>
/// <param name="Format">The file's format.</param>
/// <param name="Rows">Data rows written (for <c>person</c>, the records about the CPF).</param>
public sealed record ExportSummary(string Sheet, ImportFormat Format, int Rows);

/// <summary>
/// Exports through a session (<c>session.Exports</c>): customers, leads, contacts and the matrices in their import's own columns
/// (a file exported re-imports to the same data), and a person's data for an LGPD request. Each export needs the module's
/// View and <see cref="Permission.Export"/> (a <see cref="Denied"/> writes nothing), holds only the records the user sees (the
/// lists' visibility, applied in the SQL) and reads them a page at a time, in one read snapshot, while the file is written:
/// the records read are not held (a CSV is written as it goes; the xlsx package may buffer its worksheet until it is closed).
/// The log line names the use case, format and row count, never a record's data.
/// </summary>
public sealed class ExportsModule
{
    /// <summary>Records read per query while an export is written.</summary>
    internal const int PageSize = 500;

    /// <summary>The origin of a customer exported without an import key: the external code is then the account's CRM id.</summary>
    public const string CrmOrigin = "CRM";

    private readonly CrmSession _session;

    internal ExportsModule(CrmSession session) => _session = session;

    /// <summary>
    /// Writes the accounts the user sees as the customer sheet (permission Export of <see cref="Module.Accounts"/>), by legal
    /// name. An account imported before keeps its external code and origin; any other is keyed by its CRM id under origin
    /// <see cref="CrmOrigin"/>, which the customer import takes back as that account.
    /// </summary>
    public Task<CrmResult<ExportSummary>> CustomersAsync(Stream output, ImportFormat format, CancellationToken cancellationToken = default) =>
        ExportAsync("exports.customers", Module.Accounts, "customers", output, format, (work, count) =>
            SheetWriter.WriteAsync(output, format, CustomerColumns.All, Count(Pages(skip => CustomerPageAsync(work, skip)), count), "Clientes",
                work.Cancellation), cancellationToken);

    /// <summary>Writes the leads the user sees as the lead sheet (permission Export of <see cref="Module.Leads"/>), by legal name.</summary>
    public Task<CrmResult<ExportSummary>> LeadsAsync(Stream output, ImportFormat format, CancellationToken cancellationToken = default) =>
        ExportAsync("exports.leads", Module.Leads, "leads", output, format, (work, count) =>
            SheetWriter.WriteAsync(output, format, LeadSheet.Columns, Count(Pages(skip => VisibleLeadsAsync(work, skip)).Select(l => LeadSheet.Cells(l.Id, l.Data.ToForm())), count), "Leads",
                work.Cancellation), cancellationToken);

    /// <summary>
    /// Writes the contacts the user sees (those of the leads and accounts it sees) as the contact sheet (permission Export of
    /// <see cref="Module.Contacts"/>), by name.
    /// </summary>
    public Task<CrmResult<ExportSummary>> ContactsAsync(Stream output, ImportFormat format, CancellationToken cancellationToken = default) =>
        ExportAsync("exports.contacts", Module.Contacts, "contacts", output, format, (work, count) =>
            SheetWriter.WriteAsync(output, format, ContactSheet.Columns, Count(Pages(skip => VisibleContactsAsync(work, skip)).Select(ContactSheet.Cells), count), "Contatos",
                work.Cancellation), cancellationToken);

    /// <summary>
    /// Writes the stored rules of the matrix named <paramref name="matrix"/> (<see cref="Matrices.MatrixModule.Names"/>) as its
    /// sheet, by rule id (permission Export of <see cref="Module.Pricing"/>); an unknown name is <see cref="Invalid"/>.
    /// </summary>
    public Task<CrmResult<ExportSummary>> MatrixAsync(string matrix, Stream output, ImportFormat format, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(matrix);
        if (Matrices.MatrixKinds.Named(matrix) is not { } kind)
            return _session.RunAsync<ExportSummary>("exports.matrix", Module.Pricing, Permission.View | Permission.Export,
                _ => Task.FromResult<CrmResult<ExportSummary>>(Matrices.MatrixModule.Unknown(matrix)), cancellationToken);
        return ExportAsync("exports.matrix", Module.Pricing, kind.Name, output, format, (work, count) =>
            SheetWriter.WriteAsync(output, format, kind.Sheet.Columns, Count(Pages(skip => kind.RowsAsync(work.Db, skip, PageSize, work.Cancellation)), count),
                kind.Sheet.Title, work.Cancellation), cancellationToken);
    }

    /// <summary>
    /// Writes what the CRM holds about the person of <paramref name="cpf"/> for an LGPD access request (Lei 13.709/2018 art. 18,
    /// II) as <see cref="PersonDataExport"/>'s xlsx workbook: the leads and accounts with that CPF, its contacts and its
    /// responsible-person entries in other registrations, with their history.
    /// </summary>
    /// <remarks>
    /// Needs View and Export of <see cref="Module.Accounts"/>, <see cref="Module.Leads"/> and <see cref="Module.Contacts"/> all three:
    /// the answer to a data subject must be whole, and a user who may export only some of the kinds would hand over a partial
    /// one as if it were complete. Only the records the user sees are looked at, so a CPF held only in records outside the
    /// user's scope gives a workbook of no records, as an unknown CPF does (which of the two is not revealed). The responsible
    /// people have no column of their own: every visible lead and account is read, a page at a time. The price import keeps no
    /// CPF/CNPJ (its rows name their customer by id).
    /// </remarks>
    /// <returns>The summary (<see cref="ExportSummary.Rows"/>: the records found); a malformed CPF is <see cref="Invalid"/> on field <c>cpf</c>.</returns>
    public Task<CrmResult<ExportSummary>> PersonAsync(string cpf, Stream output, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(output);
        return _session.RunAsync<ExportSummary>("exports.person", Module.Accounts, Permission.View | Permission.Export, async work =>
        {
            if (work.Access.Check(Module.Leads, Permission.Access | Permission.View | Permission.Export) is { } leads)
                return leads;
            if (work.Access.Check(Module.Contacts, Permission.Access | Permission.View | Permission.Export) is { } contacts)
                return contacts;
            if (!Cpf.Parse(cpf).TryPickT0(out var person, out var invalid))
                return new Invalid([.. invalid.Problems.Select(p => p with { Field = "cpf" })]);
            IReadOnlyList<PersonRecord> records;
            await using (await ReadSnapshot.BeginAsync(work).ConfigureAwait(false))
                records = await PersonRecordsAsync(work, person).ConfigureAwait(false);
            PersonDataExport.Write(output, person, work.Clock.GetCurrentInstant(), records);
            Log(work, "exports.person", ImportFormat.Xlsx, records.Count);
            return new ExportSummary("person", ImportFormat.Xlsx, records.Count);
        }, cancellationToken);
    }

    private Task<CrmResult<ExportSummary>> ExportAsync(string useCase, Module module, string sheet, Stream output, ImportFormat format,
        Func<UnitOfWork, StrongBox<int>, Task> write, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(output);
        return _session.RunAsync(useCase, module, Permission.View | Permission.Export, async work =>
        {
            var count = new StrongBox<int>();
            await using (await ReadSnapshot.BeginAsync(work).ConfigureAwait(false))
                await write(work, count).ConfigureAwait(false);
            Log(work, useCase, format, count.Value);
            return CrmResult<ExportSummary>.Of(new ExportSummary(sheet, format, count.Value));
        }, cancellationToken);
    }

    private static void Log(UnitOfWork work, string useCase, ImportFormat format, int rows) =>
        ExportLog.Written(work.Engine.Logger, useCase, format, rows, work.Tenant.Value, work.User.Value);

    /// <summary>
    /// The items of every page, read one page at a time until a short one. The export runs in one read snapshot
    /// (<see cref="ReadSnapshot"/>), so a record changed or deleted meanwhile moves no other across a page's edge, and only
    /// the last page is short.
    /// </summary>
    private static async IAsyncEnumerable<T> Pages<T>(Func<int, Task<IReadOnlyList<T>>> page)
    {
        for (var skip = 0; ; skip += PageSize)
        {
            var items = await page(skip).ConfigureAwait(false);
            foreach (var item in items)
                yield return item;
            if (items.Count < PageSize)
                yield break;
        }
    }

    private static async IAsyncEnumerable<IReadOnlyList<string?>> Count(IAsyncEnumerable<IReadOnlyList<string?>> rows, StrongBox<int> count)
    {
        await foreach (var row in rows.ConfigureAwait(false))
        {
            count.Value++;
            yield return row;
        }
    }

    private static async Task<IReadOnlyList<Account>> VisibleAccountsAsync(UnitOfWork work, int skip) =>
        await work.Db.Accounts.AsNoTracking().VisiblePageByLegalNameAsync(work.Access.Scope!, a => a.Id, skip, PageSize, work.Cancellation).ConfigureAwait(false);

    private static async Task<IReadOnlyList<Lead>> VisibleLeadsAsync(UnitOfWork work, int skip) =>
        await work.Db.Leads.AsNoTracking().VisiblePageByLegalNameAsync(work.Access.Scope!, l => l.Id, skip, PageSize, work.Cancellation).ConfigureAwait(false);

    // A page of accounts with their import keys and sales tables (one query each for the page). The sheet has one sales table:
    // an account bound in several billing locations or warehouses exports the first by billing location, then warehouse.
    private static async Task<IReadOnlyList<IReadOnlyList<string?>>> CustomerPageAsync(UnitOfWork work, int skip)
    {
        var accounts = await VisibleAccountsAsync(work, skip).ConfigureAwait(false);
        var ids = accounts.Select(a => a.Id).ToList();
        if (ids.Count == 0)
            return [];
        // An account imported under several keys (the customer import adds none to a known account, but a host may) exports its
        // first by origin, then code.
        var keys = (await work.Db.AccountImportKeys.AsNoTracking().Where(k => ids.Contains(k.Account)).ToListAsync(work.Cancellation).ConfigureAwait(false))
            .GroupBy(k => k.Account).ToDictionary(g => g.Key, g => g.OrderBy(k => k.Origin, StringComparer.Ordinal).ThenBy(k => k.ExternalCode, StringComparer.Ordinal).First());
        var sales = (await work.Db.AccountSalesTables.AsNoTracking().Where(b => ids.Contains(b.Account)).ToListAsync(work.Cancellation).ConfigureAwait(false))
            .GroupBy(b => b.Account).ToDictionary(g => g.Key, g => g.OrderBy(b => b.BillingLocation, StringComparer.Ordinal).ThenBy(b => b.Warehouse, StringComparer.Ordinal).First());
        return [.. accounts.Select(a => CustomerExport.Cells(new CustomerRow(0,
            keys.TryGetValue(a.Id, out var key) ? new CustomerKey(key.ExternalCode, key.Origin) : new CustomerKey(a.Id.Value.ToString(), CrmOrigin),
            a.Data.ToForm(), sales.TryGetValue(a.Id, out var bound) ? new SalesTableBinding(bound.PriceTable, bound.BillingLocation, bound.Warehouse) : null)))];
    }

    private static async Task<IReadOnlyList<Contact>> VisibleContactsAsync(UnitOfWork work, int skip) =>
        await work.Db.Contacts.VisibleTo(work.Access.Scope!, work.Db).AsNoTracking().OrderBy(c => c.Name).ThenBy(c => c.Id)
            .Skip(skip).Take(PageSize).ToListAsync(work.Cancellation).ConfigureAwait(false);

    // Leads and accounts are read whole, a page at a time (the responsible people are inside their documents); the contacts by CPF.
    private static async Task<IReadOnlyList<PersonRecord>> PersonRecordsAsync(UnitOfWork work, Cpf cpf)
    {
        var records = new List<PersonRecord>();
        await foreach (var lead in Pages(skip => VisibleLeadsAsync(work, skip)).ConfigureAwait(false))
            records.AddRange(PersonDataExport.About(cpf, [lead], [], []));
        await foreach (var account in Pages(skip => VisibleAccountsAsync(work, skip)).ConfigureAwait(false))
            records.AddRange(PersonDataExport.About(cpf, [], [account], []));
        var contacts = await work.Db.Contacts.VisibleTo(work.Access.Scope!, work.Db).AsNoTracking().Where(c => c.Cpf == cpf)
            .ToListAsync(work.Cancellation).ConfigureAwait(false);
        records.AddRange(PersonDataExport.About(cpf, [], [], contacts));
        return records;
    }
}

/// <summary>
/// One read snapshot for all the pages of an export: PostgreSQL, a read-only REPEATABLE READ transaction; SQLite, a deferred
/// transaction (<c>BEGIN DEFERRED</c>: one snapshot from its first read, no write lock). Nothing is written in it.
/// </summary>
internal sealed class ReadSnapshot : IAsyncDisposable
{
    private readonly Func<Task> _end;

    private ReadSnapshot(Func<Task> end) => _end = end;

    public static async Task<ReadSnapshot> BeginAsync(UnitOfWork work)
    {
        var db = work.Db;
        if (db.IsPostgres)
        {
            var transaction = await db.Database.BeginTransactionAsync(System.Data.IsolationLevel.RepeatableRead, work.Cancellation).ConfigureAwait(false);
            try
            {
                await db.Database.ExecuteSqlRawAsync("SET TRANSACTION READ ONLY", work.Cancellation).ConfigureAwait(false);
            }
            catch
            {
                await transaction.DisposeAsync().ConfigureAwait(false);
                throw;
            }
            return new ReadSnapshot(() => transaction.DisposeAsync().AsTask());
        }
        // EF's BeginTransaction would say BEGIN IMMEDIATE: the write lock for the whole export.
        await db.Database.OpenConnectionAsync(work.Cancellation).ConfigureAwait(false);
        await db.Database.ExecuteSqlRawAsync("BEGIN DEFERRED", work.Cancellation).ConfigureAwait(false);
        return new ReadSnapshot(async () =>
        {
            await db.Database.ExecuteSqlRawAsync("ROLLBACK").ConfigureAwait(false);
            await db.Database.CloseConnectionAsync().ConfigureAwait(false);
        });
    }

    public async ValueTask DisposeAsync() => await _end().ConfigureAwait(false);
}

/// <summary>The export's log line: counts only, never a record's data.</summary>
internal static partial class ExportLog
{
    [LoggerMessage(EventId = 1010, Level = LogLevel.Information, Message = "{UseCase} wrote {Rows} rows as {Format} for user {User} of tenant {Tenant}")]
    public static partial void Written(ILogger logger, string useCase, ImportFormat format, int rows, Guid tenant, Guid user);
}
