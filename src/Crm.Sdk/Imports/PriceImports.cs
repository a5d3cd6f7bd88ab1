using System.Text.Json;
using Crm.Domain.Access;
using Crm.Domain.Identity;
using Crm.Domain.Problems;
using Crm.Domain.Registry;
using Crm.Domain.Texts;
using Crm.Imports;
using Crm.Imports.Prices;
using Crm.Imports.Reading;
using Crm.Persistence;
using Crm.Persistence.Catalog;
using Crm.Persistence.Concurrency;
using Crm.Persistence.Imports;
using Crm.Sdk.Engine;
using Microsoft.EntityFrameworkCore;
using NodaTime;

namespace Crm.Sdk.Imports;

/// <summary>
/// A price import batch (seed 003: queued as pending, then processed): who asked and when, its status, its counts, and — when
/// read alone (<see cref="ImportsModule.PriceBatchAsync"/>) — every refused row's problems.
/// </summary>
/// <param name="Id">The batch.</param>
/// <param name="FileName">The file it was read from.</param>
/// <param name="RequestedBy">Who queued it.</param>
/// <param name="RequestedAt">When.</param>
/// <param name="Status">Pendente, Processando, Processado or Falhou.</param>
/// <param name="ProcessedAt">When it was processed; null before.</param>
/// <param name="Rows">Data rows of the file.</param>
/// <param name="Applied">Rows whose price was applied.</param>
/// <param name="Refused">Rows refused, when queued (the sheet's rules) or processed (an unknown customer or product, no sales table).</param>
/// <param name="Failure">Why processing failed as a whole (<see cref="PriceImportStatus.Failed"/>): problem codes, no row data.</param>
/// <param name="Problems">Every refused row's problems by row and column (empty in a list of batches).</param>
public sealed record PriceBatch(Guid Id, string FileName, UserId RequestedBy, Instant RequestedAt, PriceImportStatus Status, Instant? ProcessedAt,
    int Rows, int Applied, int Refused, string? Failure, IReadOnlyList<ImportProblem> Problems);

/// <summary>What a processing run did.</summary>
/// <param name="Batches">Batches processed.</param>
/// <param name="Applied">Rows whose price was applied.</param>
/// <param name="Refused">Rows refused while processing.</param>
/// <param name="Failed">Batches whose save was refused as a whole (left <see cref="PriceImportStatus.Failed"/>).</param>
public sealed record PricesProcessed(int Batches, int Applied, int Refused, int Failed);

/// <summary>
/// The price import's queue: a file is validated and stored as a pending batch (every row kept, each refused one with its
/// problems), then processed. A row names a product and a customer (external code + origin, or CPF/CNPJ + origin); its
/// price goes to each price table the customer's sales tables name (<see cref="AccountSalesTable"/>, stored by the customer
/// import) as a new list price from the row's start date (blank: the processing day), the price valid on the day before
/// ending then. One transaction per batch; a batch left <see cref="PriceImportStatus.Processing"/> by a crash is processed
/// again (applying a row twice gives the same prices). A row's CPF/CNPJ is kept (as digits) only until its batch is
/// processed, then blanked; no problem message quotes it.
/// </summary>
internal static class PriceImports
{
    /// <summary>Problem code: no customer has the row's code (or CPF/CNPJ) and origin.</summary>
    public const string CustomerUnknown = "import.price.customer_unknown";

    /// <summary>Problem code: several customers have the row's CPF/CNPJ, none or several with a key of its origin.</summary>
    public const string CustomerAmbiguous = "import.price.customer_ambiguous";

    /// <summary>Problem code: the catalog has no product with the row's code.</summary>
    public const string ProductUnknown = "import.price.product_unknown";

    /// <summary>Problem code: the customer has no sales table, so no price table to change.</summary>
    public const string NoSalesTable = "import.price.no_sales_table";

    /// <summary>Problem code: the CPF/CNPJ is not a valid one.</summary>
    public const string TaxIdInvalid = "import.price.tax_id_invalid";

    private const int Page = 500;
    private const int FileNameLength = 200;

    private sealed record StoredProblem(string? Column, string Code, string Message);

    /// <summary>Validates <paramref name="file"/> and stores it as a pending batch, every row kept, in one transaction.</summary>
    public static async Task<CrmResult<PriceBatch>> QueueAsync(UnitOfWork work, Stream file, ImportFormat format, string fileName)
    {
        if (work.Access.Check(Module.Pricing, Permission.Access | Permission.Edit) is { } denied)
            return denied;
        if (ImportFile.Open(file, format).TryPickT1(out var refused, out var opened))
            return new Invalid([new Problem("file", refused.Code, refused.Message)]);
        using var sheet = opened;
        if (PriceSheet.For(sheet.Headers).TryPickT1(out var headerProblems, out var prices))
            return new Invalid([.. headerProblems.Select(p => new Problem(p.Column ?? "file", p.Code, p.Message))]);
        var db = work.Db;
        var id = Guid.NewGuid();
        var (rows, problems) = (0, new List<ImportProblem>());
        await using var transaction = await db.Database.BeginTransactionAsync(work.Cancellation).ConfigureAwait(false);
        foreach (var row in sheet.ReadRows())
        {
            rows++;
            var mapped = prices.Map(row).Match(Checked, OneOf.OneOf<PriceRow, IReadOnlyList<ImportProblem>>.FromT1);
            if (mapped.TryPickT1(out var rowProblems, out var price))
            {
                problems.AddRange(rowProblems);
                db.PriceImportRows.Add(new PriceImportRow { Tenant = work.Tenant, Batch = id, Row = row.Number, Status = PriceImportRowStatus.Refused, Problems = Json(rowProblems) });
            }
            else
                db.PriceImportRows.Add(new PriceImportRow
                {
                    Tenant = work.Tenant, Batch = id, Row = row.Number, Product = price.ProductCode, CustomerCode = price.CustomerCode,
                    CustomerTaxId = price.CustomerTaxId, Origin = price.Origin, Price = price.Price, ValidFrom = price.ValidFrom, Status = PriceImportRowStatus.Pending,
                });
            // Saved a page at a time, inside the batch's transaction: memory holds a page, and the batch appears whole or not at all.
            if (rows % Page == 0 && await SavePageAsync(work).ConfigureAwait(false) is { } failed)
                return failed;
        }
        if (sheet.Failure is { } failure)
            return new Invalid([new Problem("file", failure.Code, failure.Message)]);
        var refusedRows = problems.Select(p => p.Row).Distinct().Count();
        var batch = new PriceImportBatch
        {
            Tenant = work.Tenant, Id = id, FileName = Truncate(Path.GetFileName(fileName), FileNameLength), RequestedBy = work.User,
            RequestedAt = work.Clock.GetCurrentInstant(), Status = PriceImportStatus.Pending, Rows = rows, Refused = refusedRows,
        };
        db.PriceImportBatches.Add(batch);
        if (await SavePageAsync(work).ConfigureAwait(false) is { } notSaved)
            return notSaved;
        await transaction.CommitAsync(work.Cancellation).ConfigureAwait(false);
        return Summary(batch, problems);
    }

    /// <summary>
    /// Processes <paramref name="tenant"/>'s pending batches (and those a crash left processing), oldest first, each in its
    /// own transaction; a row without a start date starts on the day of <paramref name="clock"/> in <paramref name="zone"/>.
    /// </summary>
    public static async Task<CrmResult<PricesProcessed>> ProcessAsync(CrmDatabase database, TenantId tenant, IClock clock, DateTimeZone zone,
        CancellationToken cancellationToken)
    {
        var today = clock.GetCurrentInstant().InZone(zone).Date;
        List<Guid> due;
        await using (var db = database.Open(tenant))
            due = await db.PriceImportBatches.AsNoTracking()
                .Where(b => b.Status == PriceImportStatus.Pending || b.Status == PriceImportStatus.Processing)
                .OrderBy(b => b.RequestedAt).Select(b => b.Id).ToListAsync(cancellationToken).ConfigureAwait(false);
        var done = new PricesProcessed(0, 0, 0, 0);
        foreach (var id in due)
        {
            await using (var db = database.Open(tenant))
                await db.PriceImportBatches.Where(b => b.Id == id && b.Status == PriceImportStatus.Pending)
                    .ExecuteUpdateAsync(s => s.SetProperty(b => b.Status, PriceImportStatus.Processing), cancellationToken).ConfigureAwait(false);
            var (applied, refused, failure) = await ProcessBatchAsync(database, tenant, id, today, clock, cancellationToken).ConfigureAwait(false);
            if (failure is not null)
            {
                await using var db = database.Open(tenant);
                await db.PriceImportBatches.Where(b => b.Id == id).ExecuteUpdateAsync(s => s
                    .SetProperty(b => b.Status, PriceImportStatus.Failed).SetProperty(b => b.Failure, failure), cancellationToken).ConfigureAwait(false);
            }
            done = new PricesProcessed(done.Batches + 1, done.Applied + applied, done.Refused + refused, done.Failed + (failure is null ? 0 : 1));
        }
        return done;
    }

    // One batch in one transaction: its pending rows a page at a time (a saved page is no longer pending), then its counts.
    private static async Task<(int Applied, int Refused, string? Failure)> ProcessBatchAsync(CrmDatabase database, TenantId tenant, Guid id, LocalDate today,
        IClock clock, CancellationToken cancellationToken)
    {
        await using var db = database.Open(tenant);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        var (applied, refused) = (0, 0);
        while (await db.PriceImportRows.Where(r => r.Batch == id && r.Status == PriceImportRowStatus.Pending).OrderBy(r => r.Row).Take(Page)
                   .ToListAsync(cancellationToken).ConfigureAwait(false) is { Count: > 0 } rows)
        {
            await ApplyAsync(db, rows, today, cancellationToken).ConfigureAwait(false);
            (applied, refused) = (applied + rows.Count(r => r.Status == PriceImportRowStatus.Applied), refused + rows.Count(r => r.Status == PriceImportRowStatus.Refused));
            if (Failure(await db.SaveAsync(cancellationToken).ConfigureAwait(false)) is { } failed)
                return (0, 0, failed);
            db.ChangeTracker.Clear();
        }
        // A processed row needs its customer's CPF/CNPJ no more: personal data is not kept past its use.
        await db.PriceImportRows.Where(r => r.Batch == id && r.CustomerTaxId != null)
            .ExecuteUpdateAsync(s => s.SetProperty(r => r.CustomerTaxId, (string?)null), cancellationToken).ConfigureAwait(false);
        var batch = await db.PriceImportBatches.SingleAsync(b => b.Id == id, cancellationToken).ConfigureAwait(false);
        batch.Status = PriceImportStatus.Processed;
        batch.ProcessedAt = clock.GetCurrentInstant();
        batch.Applied = await db.PriceImportRows.CountAsync(r => r.Batch == id && r.Status == PriceImportRowStatus.Applied, cancellationToken).ConfigureAwait(false);
        batch.Refused = await db.PriceImportRows.CountAsync(r => r.Batch == id && r.Status == PriceImportRowStatus.Refused, cancellationToken).ConfigureAwait(false);
        if (Failure(await db.SaveAsync(cancellationToken).ConfigureAwait(false)) is { } notSaved)
            return (0, 0, notSaved);
        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        return (applied, refused, null);
    }

    // The codes of a refused save, as the batch's failure (no row data).
    private static string? Failure(SaveResult saved) =>
        saved.IsSaved ? null : Truncate(string.Join(", ", saved.Match(_ => [], _ => [Conflict.Code], i => i.Problems.Select(p => p.Code)).Distinct()), 500);

    // The page's customers, sales tables, products and list prices in one query each; then each row applied or refused.
    private static async Task ApplyAsync(CrmDbContext db, List<PriceImportRow> rows, LocalDate today, CancellationToken cancellationToken)
    {
        var customers = await CustomersAsync(db, rows, cancellationToken).ConfigureAwait(false);
        var accounts = customers.Values.Where(c => c.Account is not null).Select(c => c.Account!.Value).Distinct().ToList();
        var tables = (await db.AccountSalesTables.AsNoTracking().Where(b => accounts.Contains(b.Account)).ToListAsync(cancellationToken).ConfigureAwait(false))
            .GroupBy(b => b.Account).ToDictionary(g => g.Key, g => g.Select(b => b.PriceTable).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList());
        var codes = rows.Select(r => r.Product).Distinct().ToList();
        var products = (await db.Products.AsNoTracking().Where(p => codes.Contains(p.Code)).Select(p => p.Code).ToListAsync(cancellationToken).ConfigureAwait(false))
            .ToHashSet(StringComparer.Ordinal);
        var priceTables = tables.Values.SelectMany(t => t).Distinct().ToList();
        var prices = (await db.ListPrices.Where(p => priceTables.Contains(p.Table) && codes.Contains(p.Product)).ToListAsync(cancellationToken).ConfigureAwait(false))
            .GroupBy(p => (p.Table, p.Product)).ToDictionary(g => g.Key, g => g.ToList());
        foreach (var row in rows)
        {
            var (account, problem) = customers[row.Row];
            var rowTables = account is { } found ? tables.GetValueOrDefault(found) : null;
            problem ??= !products.Contains(row.Product) ? new(PriceSheet.Product, ProductUnknown, $"Não há produto '{row.Product}' no catálogo.")
                : rowTables is null ? new(PriceSheet.Customer, NoSalesTable, "O cliente não tem tabela de venda: não há tabela de preço a alterar.")
                : null;
            if (problem is not null)
            {
                (row.Status, row.Problems) = (PriceImportRowStatus.Refused, Json([new ImportProblem(row.Row, problem.Column, problem.Code, problem.Message)]));
                continue;
            }
            foreach (var table in rowTables!)
            {
                if (!prices.TryGetValue((table, row.Product), out var list))
                    prices[(table, row.Product)] = list = [];
                Apply(db, list, table, row.Product, row.Price, row.ValidFrom ?? today);
            }
            row.Status = PriceImportRowStatus.Applied;
        }
    }

    /// <summary>
    /// The price from <paramref name="from"/> on: a list price starting that day takes the amount; otherwise the one valid then
    /// ends the day before, and the new one runs until the next one starts (or open-ended).
    /// </summary>
    private static void Apply(CrmDbContext db, List<ListPriceRow> prices, string table, string product, decimal amount, LocalDate from)
    {
        if (prices.Find(p => p.ValidFrom == from) is { } same)
        {
            same.Amount = amount;
            return;
        }
        if (prices.Find(p => (p.ValidFrom is null || p.ValidFrom < from) && (p.ValidTo is null || p.ValidTo >= from)) is { } current)
            current.ValidTo = from.PlusDays(-1);
        var next = prices.Where(p => p.ValidFrom > from).Select(p => p.ValidFrom).Min();
        var added = new ListPriceRow { Id = Guid.NewGuid(), Table = table, Product = product, Amount = amount, ValidFrom = from, ValidTo = next?.PlusDays(-1) };
        db.ListPrices.Add(added);
        prices.Add(added);
    }

    private sealed record Customer(AccountId? Account, StoredProblem? Problem);

    // Each row's customer: by external code + origin (the customer import's keys; origin CRM: the account's id), or by CPF/CNPJ
    // (several accounts with it: the one imported from the row's origin).
    private static async Task<Dictionary<int, Customer>> CustomersAsync(CrmDbContext db, List<PriceImportRow> rows, CancellationToken cancellationToken)
    {
        var codes = rows.Where(r => r.CustomerCode is not null).Select(r => r.CustomerCode!).Distinct().ToList();
        var origins = rows.Select(r => r.Origin).Distinct().ToList();
        var keys = codes.Count == 0 ? [] : await db.AccountImportKeys.AsNoTracking().Where(k => codes.Contains(k.ExternalCode) && origins.Contains(k.Origin))
            .ToDictionaryAsync(k => (k.ExternalCode, k.Origin), k => k.Account, cancellationToken).ConfigureAwait(false);
        var byCrmId = rows.Where(r => r.CustomerCode is not null && r.Origin == ExportsModule.CrmOrigin && Guid.TryParse(r.CustomerCode, out _))
            .Select(r => new AccountId(Guid.Parse(r.CustomerCode!))).Distinct().ToList();
        var existing = byCrmId.Count == 0 ? [] : (await db.Accounts.AsNoTracking().Where(a => byCrmId.Contains(a.Id)).Select(a => a.Id)
            .ToListAsync(cancellationToken).ConfigureAwait(false)).ToHashSet();
        var taxIds = rows.Where(r => r.CustomerCode is null).Select(r => r.CustomerTaxId!).Distinct().ToList();
        var withTaxId = taxIds.Count == 0 ? [] : await db.Accounts.AsNoTracking().Where(a => taxIds.Contains(EF.Property<string>(a, CrmQueries.TaxId)))
            .Select(a => new { a.Id, TaxId = EF.Property<string>(a, CrmQueries.TaxId) }).ToListAsync(cancellationToken).ConfigureAwait(false);
        var candidates = withTaxId.Select(a => a.Id).ToList();
        var importedFrom = candidates.Count == 0 ? [] : (await db.AccountImportKeys.AsNoTracking().Where(k => candidates.Contains(k.Account))
            .Select(k => new { k.Account, k.Origin }).ToListAsync(cancellationToken).ConfigureAwait(false)).ToHashSet();
        var result = new Dictionary<int, Customer>();
        foreach (var row in rows)
        {
            if (row.CustomerCode is { } code)
            {
                var found = keys.TryGetValue((code, row.Origin), out var keyed) ? keyed
                    : row.Origin == ExportsModule.CrmOrigin && Guid.TryParse(code, out var guid) && existing.Contains(new AccountId(guid)) ? new AccountId(guid)
                    : (AccountId?)null;
                result[row.Row] = found is null
                    ? new(null, new(PriceSheet.Customer, CustomerUnknown, $"Não há cliente com código '{code}' da origem '{row.Origin}'."))
                    : new(found, null);
                continue;
            }
            var same = withTaxId.Where(a => a.TaxId == row.CustomerTaxId).Select(a => a.Id).ToList();
            if (same.Count > 1)
                same = [.. same.Where(a => importedFrom.Contains(new { Account = a, row.Origin }))];
            result[row.Row] = same.Count == 1 ? new(same[0], null)
                : withTaxId.Exists(a => a.TaxId == row.CustomerTaxId)
                    ? new(null, new(PriceSheet.TaxId, CustomerAmbiguous, $"Mais de um cliente tem este CPF/CNPJ; nenhum ou vários importados da origem '{row.Origin}'."))
                    : new(null, new(PriceSheet.TaxId, CustomerUnknown, "Não há cliente com este CPF/CNPJ."));
        }
        return result;
    }

    // The sheet's row, its codes within the columns' lengths and its CPF/CNPJ valid (kept as digits).
    private static OneOf.OneOf<PriceRow, IReadOnlyList<ImportProblem>> Checked(PriceRow row)
    {
        var problems = new List<ImportProblem>();
        void Long(string? value, int max, string column)
        {
            if (value is not null && value.Length > max)
                problems.Add(new ImportProblem(row.Row, column, ImportCodes.TooLong, $"'{column}': no máximo {max} caracteres."));
        }
        Long(row.ProductCode, TextLimits.ProductCode, PriceSheet.Product);
        Long(row.CustomerCode, AccountImportKey.MaxLength, PriceSheet.Customer);
        Long(row.Origin, AccountImportKey.MaxLength, PriceSheet.Origin);
        var digits = row.CustomerTaxId is null ? null : new string([.. row.CustomerTaxId.Where(char.IsAsciiDigit)]);
        if (row.CustomerCode is null && !(Cpf.IsValid(digits) || Cnpj.IsValid(digits)))
            problems.Add(new ImportProblem(row.Row, PriceSheet.TaxId, TaxIdInvalid, "Não é um CPF nem um CNPJ válido."));
        return problems.Count > 0 ? problems : row with { CustomerTaxId = row.CustomerCode is null ? digits : null };
    }

    private static async Task<CrmResult<PriceBatch>?> SavePageAsync(UnitOfWork work)
    {
        var saved = await work.SaveAsync(0).ConfigureAwait(false);
        if (!saved.Succeeded)
            return saved.Failure<PriceBatch>();
        work.Db.ChangeTracker.Clear();
        return null;
    }

    private static string Json(IEnumerable<ImportProblem> problems) =>
        JsonSerializer.Serialize(problems.Select(p => new StoredProblem(p.Column, p.Code, p.Message)));

    /// <summary>The problems of a stored row.</summary>
    public static IEnumerable<ImportProblem> ProblemsOf(PriceImportRow row) =>
        row.Problems is null ? [] : JsonSerializer.Deserialize<List<StoredProblem>>(row.Problems)!.Select(p => new ImportProblem(row.Row, p.Column, p.Code, p.Message));

    public static PriceBatch Summary(PriceImportBatch batch, IReadOnlyList<ImportProblem> problems) =>
        new(batch.Id, batch.FileName, batch.RequestedBy, batch.RequestedAt, batch.Status, batch.ProcessedAt, batch.Rows, batch.Applied, batch.Refused,
            batch.Failure, problems);

    private static string Truncate(string text, int length) => text.Length <= length ? text : text[..length];
}
