using Crm.Domain.Access;
using Crm.Domain.Problems;
using Crm.Imports;
using Crm.Imports.Contacts;
using Crm.Imports.Customers;
using Crm.Imports.Leads;
using Crm.Imports.Prices;
using Crm.Imports.Reading;
using Crm.Persistence.Imports;
using Microsoft.EntityFrameworkCore;

namespace Crm.Sdk.Imports;

/// <summary>
/// Spreadsheet imports (module <see cref="Module.Imports"/>) through a session: customers, leads and contacts (the file read by
/// Crm.Imports' shared runner, <see cref="SheetImport"/>, each batch of rows judged and saved as typed forms are) and the tax and commercial
/// matrices (a sheet of Crm.Imports' <see cref="Crm.Imports.Matrices.MatrixSheets"/> saved as the whole matrix).
/// </summary>
public sealed class ImportsModule
{
    private readonly CrmSession _session;

    internal ImportsModule(CrmSession session) => _session = session;

    /// <summary>
    /// Imports customers from <paramref name="file"/> (permission Include of <see cref="Module.Imports"/>, checked before the
    /// file is read; each row also needs the account's Include or Edit and must stay in the user's scope). A row's key
    /// (external code + origin) finds the account it was imported into before: a new key registers an account, a known one
    /// updates it (unchanged data writes nothing). Each batch is one transaction; a dry run writes nothing. The refused rows
    /// go to <paramref name="errorSheet"/> (same format as the file) with an error column.
    /// </summary>
    /// <returns>The summary (counts and every problem by row and column); a file that cannot be opened is <see cref="Invalid"/>.</returns>
    public Task<CrmResult<CustomerImportSummary>> CustomersAsync(Stream file, ImportFormat format, CustomerImportOptions? options = null,
        Stream? errorSheet = null, CancellationToken cancellationToken = default) =>
        ImportAsync("imports.customers", file, format, (sheet, ct) =>
            CustomerImport.RunAsync(sheet, new SessionCustomerTarget(_session), options, errorSheet, format, ct), cancellationToken);

    /// <summary>
    /// Imports leads from <paramref name="file"/> (<see cref="LeadSheet"/>; permission Include of <see cref="Module.Imports"/>,
    /// checked before the file is read; each row also needs the lead's Include or Edit and must stay in the user's scope). A
    /// row with a lead's CRM id updates that lead; a row without one updates the visible lead with its CPF/CNPJ, or registers
    /// a new lead — as the typed lead form does (the registration rules, the database's duplicate checks). Batches, dry run,
    /// summary and error sheet as <see cref="CustomersAsync"/>.
    /// </summary>
    public Task<CrmResult<CustomerImportSummary>> LeadsAsync(Stream file, ImportFormat format, CustomerImportOptions? options = null,
        Stream? errorSheet = null, CancellationToken cancellationToken = default) =>
        ImportAsync("imports.leads", file, format, (sheet, ct) =>
            LeadImport.RunAsync(sheet, new SessionLeadTarget(_session), options, errorSheet, format, ct), cancellationToken);

    /// <summary>
    /// Imports contacts from <paramref name="file"/> (<see cref="ContactSheet"/>; permission Include of
    /// <see cref="Module.Imports"/>, checked before the file is read; each row also needs the contact's Include or Edit, and
    /// its lead or account must be one the user sees). A row with a contact's CRM id updates that contact; a row without one
    /// updates the owner's contact with the same CPF (or, with no CPF, the same name), or adds a new one — with the contact
    /// rules of the typed form. Batches, dry run, summary and error sheet as <see cref="CustomersAsync"/>.
    /// </summary>
    public Task<CrmResult<CustomerImportSummary>> ContactsAsync(Stream file, ImportFormat format, CustomerImportOptions? options = null,
        Stream? errorSheet = null, CancellationToken cancellationToken = default) =>
        ImportAsync("imports.contacts", file, format, (sheet, ct) =>
            ContactImport.RunAsync(sheet, new SessionContactTarget(_session), options, errorSheet, format, ct), cancellationToken);

    /// <summary>
    /// Queues the price changes of <paramref name="file"/> (<see cref="PriceSheet"/>; permission Include of
    /// <see cref="Module.Imports"/> and Edit of <see cref="Module.Pricing"/>): the file is read and checked, and stored as a
    /// <see cref="PriceImportStatus.Pending"/> batch with every row (a refused row with its problems) in one transaction. A
    /// row's customer is looked for among the accounts the user sees (one it does not see is <c>import.price.customer_unknown</c>,
    /// as one that does not exist) and stored by its id, no CPF/CNPJ kept; the summary lists the first 1,000 problems. The
    /// prices change when the batch is processed (<see cref="ProcessPricesAsync"/>, or the scheduled job
    /// <see cref="Jobs.JobsOptions.PriceImportInterval"/>). A file that cannot be read to its end, or whose header lacks a
    /// required column, stores nothing and is <see cref="Invalid"/>.
    /// </summary>
    /// <param name="file">The file.</param>
    /// <param name="format">Its format.</param>
    /// <param name="fileName">Its name, kept with the batch (up to 200 characters).</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    public Task<CrmResult<PriceBatch>> PricesAsync(Stream file, ImportFormat format, string fileName, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(file);
        ArgumentNullException.ThrowIfNull(fileName);
        return _session.RunAsync("imports.prices", Module.Imports, Permission.Include, work => PriceImports.QueueAsync(work, file, format, fileName),
            cancellationToken);
    }

    /// <summary>
    /// Processes the tenant's pending price batches now (permission Include of <see cref="Module.Imports"/> and Edit of
    /// <see cref="Module.Pricing"/>), as the scheduled job does (<see cref="Jobs.JobsModule.ProcessPendingPricesAsync"/>).
    /// </summary>
    public Task<CrmResult<PricesProcessed>> ProcessPricesAsync(CancellationToken cancellationToken = default) =>
        _session.RunAsync("imports.prices.process", Module.Imports, Permission.Include, async work =>
            work.Access.Check(Module.Pricing, Permission.Access | Permission.Edit) is { } denied ? denied
                : await _session.Engine.Jobs.ProcessPendingPricesAsync(work.Tenant, cancellationToken).ConfigureAwait(false), cancellationToken);

    /// <summary>
    /// Puts failed price batch <paramref name="id"/> back in the queue, pending (permission Include of <see cref="Module.Imports"/>
    /// and Edit of <see cref="Module.Pricing"/>); its rows not yet applied are processed with the next run. A batch that is not
    /// <see cref="PriceImportStatus.Failed"/> is <see cref="Invalid"/> (<see cref="NotFailedCode"/>); an unknown one <see cref="NotFound"/>.
    /// </summary>
    public Task<CrmResult<PriceBatch>> RequeuePriceBatchAsync(Guid id, CancellationToken cancellationToken = default) =>
        _session.RunAsync("imports.prices.requeue", Module.Imports, Permission.Include, async work =>
        {
            if (work.Access.Check(Module.Pricing, Permission.Access | Permission.Edit) is { } denied)
                return denied;
            if (await work.Db.PriceImportBatches.SingleOrDefaultAsync(b => b.Id == id, work.Cancellation).ConfigureAwait(false) is not { } batch)
                return new NotFound("price_batch", id);
            if (batch.Status != PriceImportStatus.Failed)
                return new Invalid([new Problem("status", NotFailedCode, "Só um lote que falhou volta à fila.")]);
            (batch.Status, batch.Failure, batch.ProcessedAt) = (PriceImportStatus.Pending, null, null);
            return await work.SaveAsync(PriceImports.Summary(batch, [])).ConfigureAwait(false);
        }, cancellationToken);

    /// <summary>Problem code: a price batch put back in the queue had not failed.</summary>
    public const string NotFailedCode = "import.price.batch_not_failed";

    /// <summary>
    /// A page of the tenant's price batches, newest first, with their status and counts (permission View of
    /// <see cref="Module.Imports"/>); <see cref="PriceBatch.Problems"/> is empty here (<see cref="PriceBatchAsync"/> has them).
    /// </summary>
    public Task<CrmResult<IReadOnlyList<PriceBatch>>> PriceBatchesAsync(int skip = 0, int take = 50, CancellationToken cancellationToken = default) =>
        _session.RunAsync("imports.prices.list", Module.Imports, Permission.View, async work =>
            Paging.Check(skip, take) is { } invalid ? invalid
                : CrmResult<IReadOnlyList<PriceBatch>>.Of([.. (await work.Db.PriceImportBatches.AsNoTracking().OrderByDescending(b => b.RequestedAt).ThenBy(b => b.Id)
                    .Skip(skip).Take(take).ToListAsync(work.Cancellation).ConfigureAwait(false)).Select(b => PriceImports.Summary(b, []))]),
            cancellationToken);

    /// <summary>
    /// Price batch <paramref name="id"/> with its refused rows' problems, by row — the first 1,000 (its counts hold them all)
    /// (permission View of <see cref="Module.Imports"/>).
    /// </summary>
    public Task<CrmResult<PriceBatch>> PriceBatchAsync(Guid id, CancellationToken cancellationToken = default) =>
        _session.RunAsync("imports.prices.get", Module.Imports, Permission.View, async work =>
        {
            if (await work.Db.PriceImportBatches.AsNoTracking().SingleOrDefaultAsync(b => b.Id == id, work.Cancellation).ConfigureAwait(false) is not { } batch)
                return new NotFound("price_batch", id);
            var refused = await work.Db.PriceImportRows.AsNoTracking().Where(r => r.Batch == id && r.Status == PriceImportRowStatus.Refused)
                .OrderBy(r => r.Row).Take(PriceImports.MaxProblems).ToListAsync(work.Cancellation).ConfigureAwait(false);
            return CrmResult<PriceBatch>.Of(PriceImports.Summary(batch, [.. refused.SelectMany(PriceImports.ProblemsOf).Take(PriceImports.MaxProblems)]));
        }, cancellationToken);

    // One use case around the batches (each its own use case and transaction): a denial or an unreadable file is logged and
    // counted like any other refusal.
    private Task<CrmResult<CustomerImportSummary>> ImportAsync(string useCase, Stream file, ImportFormat format,
        Func<Sheet, CancellationToken, Task<CustomerImportSummary>> run, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(file);
        return _session.RunAsync<CustomerImportSummary>(useCase, Module.Imports, Permission.Include, async _ =>
        {
            if (ImportFile.Open(file, format).TryPickT1(out var refused, out var sheet))
                return new Invalid([new Problem("file", refused.Code, refused.Message)]);
            using (sheet)
                return await run(sheet, cancellationToken).ConfigureAwait(false);
        }, cancellationToken);
    }

    /// <summary>
    /// Imports the sheet of the matrix named <paramref name="matrix"/> (<see cref="Matrices.MatrixModule.Names"/>) as the whole
    /// matrix (permission Include of <see cref="Module.Imports"/>, and Pricing's Edit — View for a dry run): rules of the sheet
    /// are added or replace the stored ones of their ids, stored rules the sheet does not hold are removed, all in one save.
    /// A sheet with any problem (a cell, or a configuration error of the matrix, each on its row and column) writes nothing;
    /// its refused rows go to <see cref="MatrixImportFile.ErrorSheet"/>.
    /// </summary>
    /// <returns>The summary; an unknown matrix or a file that cannot be opened is <see cref="Invalid"/>.</returns>
    public Task<CrmResult<MatrixImport>> MatrixAsync(string matrix, MatrixImportFile file, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(matrix);
        ArgumentNullException.ThrowIfNull(file);
        return _session.RunAsync("imports.matrix", Module.Imports, Permission.Include, work =>
            Matrices.MatrixKinds.Named(matrix) is { } kind ? kind.ImportAsync(work, file) : Task.FromResult<CrmResult<MatrixImport>>(Matrices.MatrixModule.Unknown(matrix)),
            cancellationToken);
    }
}
