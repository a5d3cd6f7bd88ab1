using System.Text.Json;
using Crm.Domain.Access;
using Crm.Domain.Accounts;
using Crm.Domain.Identity;
using Crm.Domain.Problems;
using Crm.Domain.Registry;
using Crm.Domain.Texts;
using Crm.Imports;
using Crm.Imports.Prices;
using Crm.Imports.Reading;
using Crm.Persistence;
using Crm.Persistence.Access;
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
/// <param name="Failed">Batches whose save was refused, or whose processing threw (left <see cref="PriceImportStatus.Failed"/>).</param>
public sealed record PricesProcessed(int Batches, int Applied, int Refused, int Failed);

/// <summary>The price import's problem codes (stable identifiers), besides the sheet's own (<see cref="ImportCodes"/>).</summary>
public static class PriceImportCodes
{
    /// <summary>Problem code: no customer the requesting user sees has the row's code (or CPF/CNPJ) and origin.</summary>
    public const string CustomerUnknown = "import.price.customer_unknown";

    /// <summary>Problem code: several customers have the row's CPF/CNPJ, none or several with a key of its origin.</summary>
    public const string CustomerAmbiguous = "import.price.customer_ambiguous";

    /// <summary>Problem code: the catalog has no product with the row's code.</summary>
    public const string ProductUnknown = "import.price.product_unknown";

    /// <summary>Problem code: the customer has no sales table nor price table, so no price table to change.</summary>
    public const string NoSalesTable = "import.price.no_sales_table";

    /// <summary>Problem code: the CPF/CNPJ is not a valid one.</summary>
    public const string TaxIdInvalid = "import.price.tax_id_invalid";

    /// <summary>Problem code: another row gives the same table, product and date another price.</summary>
    public const string ConflictingRows = "import.price.conflicting_rows";
}

/// <summary>
/// The price import's queue: a file is validated and stored as a pending batch (every row kept, each refused one with its
/// problems), then processed. A row names a product and a customer (external code + origin, or CPF/CNPJ + origin), found
/// when the batch is queued among the accounts the requesting user sees (one it does not see is unknown, as one that does
/// not exist); the row is stored naming the account by its CRM id, so no CPF/CNPJ is kept and processing finds the same
/// account. When processed, its price goes to each price table the customer's sales tables name
/// (<see cref="AccountSalesTable"/>, stored by the customer import) — or, with none, the account's own price table — as a
/// new list price from the row's start date (blank: today's date in Brasília, the orders' business date), the price valid on
/// the day before ending then. The change is table-wide: every customer buying from that table gets it. Two rows giving one
/// table, product and date different prices are refused (both when on the same page of 500 rows; a later page's row when an
/// earlier page applied another price). Each batch is claimed and processed in one transaction, so two processors never
/// apply it twice; a batch whose processing throws is left <see cref="PriceImportStatus.Failed"/> and the next is processed.
/// </summary>
internal static class PriceImports
{
    /// <summary>The most problems a queued batch's summary, or a batch read alone, lists (its counts hold them all).</summary>
    public const int MaxProblems = 1_000;

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
        var queue = new BatchQueue(work, id);
        await using var transaction = await db.Database.BeginTransactionAsync(work.Cancellation).ConfigureAwait(false);
        foreach (var row in sheet.ReadRows())
        {
            queue.Rows++;
            if (prices.Map(row).Match(Checked, OneOf.OneOf<PriceRow, IReadOnlyList<ImportProblem>>.FromT1).TryPickT1(out var rowProblems, out var price))
                queue.Refuse(row.Number, rowProblems);
            else
                queue.Pending.Add(price);
            // A page at a time, inside the batch's transaction: memory holds a page, and the batch appears whole or not at all.
            if (queue.Rows % Page == 0 && await queue.FlushAsync().ConfigureAwait(false) is { } failed)
                return failed;
        }
        if (sheet.Failure is { } failure)
            return new Invalid([new Problem("file", failure.Code, failure.Message)]);
        if (await queue.FlushAsync().ConfigureAwait(false) is { } notFlushed)
            return notFlushed;
        var batch = new PriceImportBatch
        {
            Tenant = work.Tenant, Id = id, FileName = Truncate(Path.GetFileName(fileName), FileNameLength), RequestedBy = work.User,
            RequestedAt = work.Clock.GetCurrentInstant(), Status = PriceImportStatus.Pending, Rows = queue.Rows, Refused = queue.Refused,
        };
        db.PriceImportBatches.Add(batch);
        if (await SavePageAsync(work).ConfigureAwait(false) is { } notSaved)
            return notSaved;
        await transaction.CommitAsync(work.Cancellation).ConfigureAwait(false);
        return Summary(batch, queue.Problems);
    }

    /// <summary>A batch being queued: its rows counted, its refused rows' problems (the first <see cref="MaxProblems"/>), a page of valid rows.</summary>
    private sealed class BatchQueue(UnitOfWork work, Guid batch)
    {
        public int Rows { get; set; }
        public int Refused { get; private set; }
        public List<ImportProblem> Problems { get; } = [];
        public List<PriceRow> Pending { get; } = [];

        public void Refuse(int row, IReadOnlyList<ImportProblem> problems)
        {
            Refused++;
            Problems.AddRange(problems.Take(MaxProblems - Problems.Count));
            work.Db.PriceImportRows.Add(new PriceImportRow { Tenant = work.Tenant, Batch = batch, Row = row, Status = PriceImportRowStatus.Refused, Problems = Json(problems) });
        }

        // The page's customers found among the accounts the user sees; each row stored naming its account by id, or refused.
        public async Task<CrmResult<PriceBatch>?> FlushAsync()
        {
            var customers = await CustomersAsync(work.Db, work.Db.Accounts.VisibleTo(work.Access.Scope!),
                [.. Pending.Select(p => new Ask(p.Row, p.CustomerCode, p.CustomerTaxId, p.Origin))], work.Cancellation).ConfigureAwait(false);
            foreach (var price in Pending)
            {
                if (customers[price.Row] is not { Account: { } account })
                {
                    var problem = customers[price.Row].Problem!;
                    Refuse(price.Row, [new ImportProblem(price.Row, problem.Column, problem.Code, problem.Message)]);
                    continue;
                }
                work.Db.PriceImportRows.Add(new PriceImportRow
                {
                    Tenant = work.Tenant, Batch = batch, Row = price.Row, Product = price.ProductCode, CustomerCode = account.Value.ToString(),
                    Origin = ExportsModule.CrmOrigin, Price = price.Price, ValidFrom = price.ValidFrom, Status = PriceImportRowStatus.Pending,
                });
            }
            Pending.Clear();
            return await SavePageAsync(work).ConfigureAwait(false);
        }
    }

    /// <summary>
    /// Processes <paramref name="tenant"/>'s pending batches (and those a crash left processing), oldest first, each claimed and
    /// processed in its own transaction (a batch another processor holds is waited for, then skipped as done); a row without a
    /// start date starts today in Brasília by <paramref name="clock"/>.
    /// </summary>
    public static async Task<CrmResult<PricesProcessed>> ProcessAsync(CrmDatabase database, TenantId tenant, IClock clock, CancellationToken cancellationToken)
    {
        var today = Orders.OrderWork.Today(clock);
        List<Guid> due;
        await using (var db = database.Open(tenant))
            due = await db.PriceImportBatches.AsNoTracking()
                .Where(b => b.Status == PriceImportStatus.Pending || b.Status == PriceImportStatus.Processing)
                .OrderBy(b => b.RequestedAt).ThenBy(b => b.Id).Select(b => b.Id).ToListAsync(cancellationToken).ConfigureAwait(false);
        var done = new PricesProcessed(0, 0, 0, 0);
        foreach (var id in due)
        {
            (int Applied, int Refused, string? Failure)? outcome;
            try
            {
                outcome = await ProcessBatchAsync(database, tenant, id, today, clock, cancellationToken).ConfigureAwait(false);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                // Rolled back; the batch is left failed with the exception's type (never a row's data), and the next one runs.
                outcome = (0, 0, Truncate($"exception: {e.GetType().Name}", 500));
            }
            if (outcome is not { } processed)
                continue;
            if (processed.Failure is { } failure)
            {
                await using var db = database.Open(tenant);
                await db.PriceImportBatches.Where(b => b.Id == id).ExecuteUpdateAsync(s => s.SetProperty(b => b.Status, PriceImportStatus.Failed)
                    .SetProperty(b => b.Failure, failure).SetProperty(b => b.ProcessedAt, clock.GetCurrentInstant()), cancellationToken).ConfigureAwait(false);
            }
            done = new PricesProcessed(done.Batches + 1, done.Applied + processed.Applied, done.Refused + processed.Refused,
                done.Failed + (processed.Failure is null ? 0 : 1));
        }
        return done;
    }

    // One batch in one transaction: claimed first (a row lock on PostgreSQL, the write lock on SQLite: a second processor waits,
    // then finds it processed and skips it — null), its pending rows a page at a time (a saved page is no longer pending), then
    // its counts.
    private static async Task<(int Applied, int Refused, string? Failure)?> ProcessBatchAsync(CrmDatabase database, TenantId tenant, Guid id, LocalDate today,
        IClock clock, CancellationToken cancellationToken)
    {
        await using var db = database.Open(tenant);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        if (await db.PriceImportBatches.Where(b => b.Id == id && (b.Status == PriceImportStatus.Pending || b.Status == PriceImportStatus.Processing))
                .ExecuteUpdateAsync(s => s.SetProperty(b => b.Status, PriceImportStatus.Processing), cancellationToken).ConfigureAwait(false) != 1)
            return null;
        var (applied, refused) = (0, 0);
        var given = new Dictionary<(string Table, string Product, LocalDate From), decimal>();
        while (await db.PriceImportRows.Where(r => r.Batch == id && r.Status == PriceImportRowStatus.Pending).OrderBy(r => r.Row).Take(Page)
                   .ToListAsync(cancellationToken).ConfigureAwait(false) is { Count: > 0 } rows)
        {
            await ApplyAsync(db, rows, today, given, cancellationToken).ConfigureAwait(false);
            (applied, refused) = (applied + rows.Count(r => r.Status == PriceImportRowStatus.Applied), refused + rows.Count(r => r.Status == PriceImportRowStatus.Refused));
            if (Failure(await db.SaveAsync(cancellationToken).ConfigureAwait(false)) is { } failed)
                return (0, 0, failed);
            db.ChangeTracker.Clear();
        }
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

    // The page's customers, their tables, products and list prices in one query each; then rows giving one table, product
    // and date different prices refused; then each row applied or refused. given: what earlier pages applied.
    private static async Task ApplyAsync(CrmDbContext db, List<PriceImportRow> rows, LocalDate today,
        Dictionary<(string Table, string Product, LocalDate From), decimal> given, CancellationToken cancellationToken)
    {
        var customers = await CustomersAsync(db, db.Accounts, [.. rows.Select(r => new Ask(r.Row, r.CustomerCode, r.CustomerTaxId, r.Origin))], cancellationToken)
            .ConfigureAwait(false);
        var accounts = customers.Values.Where(c => c.Account is not null).Select(c => c.Account!.Value).Distinct().ToList();
        var bound = (await db.AccountSalesTables.AsNoTracking().Where(b => accounts.Contains(b.Account)).ToListAsync(cancellationToken).ConfigureAwait(false))
            .GroupBy(b => b.Account).ToDictionary(g => g.Key, g => g.Select(b => b.PriceTable).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList());
        // Without a sales table, the account's own price table (a typed form's, the ERP's).
        var own = (await db.Accounts.AsNoTracking().Where(a => accounts.Contains(a.Id)).ToListAsync(cancellationToken).ConfigureAwait(false))
            .Where(a => a.Data.PriceTable is not null).ToDictionary(a => a.Id, a => a.Data.PriceTable!.Value.Value);
        List<string>? TablesOf(AccountId account) => bound.GetValueOrDefault(account) ?? (own.TryGetValue(account, out var table) ? new List<string> { table } : null);
        var codes = rows.Select(r => r.Product).Distinct().ToList();
        var products = (await db.Products.AsNoTracking().Where(p => codes.Contains(p.Code)).Select(p => p.Code).ToListAsync(cancellationToken).ConfigureAwait(false))
            .ToHashSet(StringComparer.Ordinal);
        var plans = rows.Select(row =>
        {
            var (account, problem) = customers[row.Row];
            var tables = account is { } found ? TablesOf(found) : null;
            problem ??= !products.Contains(row.Product) ? new(PriceSheet.Product, PriceImportCodes.ProductUnknown, $"Não há produto '{row.Product}' no catálogo.")
                : tables is null ? new(PriceSheet.Customer, PriceImportCodes.NoSalesTable, "O cliente não tem tabela de venda nem tabela de preço: não há tabela a alterar.")
                : null;
            return (row, tables, problem, from: row.ValidFrom ?? today);
        }).ToList();
        var keys = plans.Where(p => p.problem is null).SelectMany(p => p.tables!.Select(t => (key: (t, p.row.Product, p.from), p.row.Price))).ToList();
        var conflicting = keys.GroupBy(k => k.key).Where(g => g.Select(k => k.Price).Distinct().Count() > 1
                || (given.TryGetValue(g.Key, out var earlier) && g.Any(k => k.Price != earlier)))
            .Select(g => g.Key).ToHashSet();
        var priceTables = keys.Select(k => k.key.t).Distinct().ToList();
        var prices = (await db.ListPrices.Where(p => priceTables.Contains(p.Table) && codes.Contains(p.Product)).ToListAsync(cancellationToken).ConfigureAwait(false))
            .GroupBy(p => (p.Table, p.Product)).ToDictionary(g => g.Key, g => g.ToList());
        foreach (var (row, tables, found, from) in plans)
        {
            var problem = found ?? (tables!.Any(t => conflicting.Contains((t, row.Product, from)))
                ? new StoredProblem(PriceSheet.Price, PriceImportCodes.ConflictingRows, "Outra linha dá a esta tabela, produto e data outro preço.")
                : null);
            if (problem is not null)
            {
                (row.Status, row.Problems) = (PriceImportRowStatus.Refused, Json([new ImportProblem(row.Row, problem.Column, problem.Code, problem.Message)]));
                continue;
            }
            foreach (var table in tables!)
            {
                if (!prices.TryGetValue((table, row.Product), out var list))
                    prices[(table, row.Product)] = list = [];
                Apply(db, list, table, row.Product, row.Price, from);
                given[(table, row.Product, from)] = row.Price;
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

    /// <summary>A row's customer as the file names it.</summary>
    private sealed record Ask(int Row, string? Code, string? TaxId, string Origin);

    private sealed record Customer(AccountId? Account, StoredProblem? Problem);

    // Each row's customer among accounts: by external code + origin (the customer import's keys; origin CRM: the account's id),
    // or by CPF/CNPJ (several accounts with it: the one imported from the row's origin).
    private static async Task<Dictionary<int, Customer>> CustomersAsync(CrmDbContext db, IQueryable<Account> accounts, IReadOnlyList<Ask> asks,
        CancellationToken cancellationToken)
    {
        var codes = asks.Where(r => r.Code is not null).Select(r => r.Code!).Distinct().ToList();
        var origins = asks.Select(r => r.Origin).Distinct().ToList();
        var keys = codes.Count == 0 ? [] : await db.AccountImportKeys.AsNoTracking().Where(k => codes.Contains(k.ExternalCode) && origins.Contains(k.Origin))
            .ToDictionaryAsync(k => (k.ExternalCode, k.Origin), k => k.Account, cancellationToken).ConfigureAwait(false);
        var named = keys.Values.Concat(asks.Where(r => r.Code is not null && r.Origin == ExportsModule.CrmOrigin && Guid.TryParse(r.Code, out _))
            .Select(r => new AccountId(Guid.Parse(r.Code!)))).Distinct().ToList();
        var existing = named.Count == 0 ? [] : (await accounts.Where(a => named.Contains(a.Id)).Select(a => a.Id)
            .ToListAsync(cancellationToken).ConfigureAwait(false)).ToHashSet();
        var taxIds = asks.Where(r => r.Code is null).Select(r => r.TaxId!).Distinct().ToList();
        var withTaxId = taxIds.Count == 0 ? [] : await accounts.Where(a => taxIds.Contains(EF.Property<string>(a, CrmQueries.TaxId)))
            .Select(a => new { a.Id, TaxId = EF.Property<string>(a, CrmQueries.TaxId) }).ToListAsync(cancellationToken).ConfigureAwait(false);
        var candidates = withTaxId.Select(a => a.Id).ToList();
        var importedFrom = candidates.Count == 0 ? [] : (await db.AccountImportKeys.AsNoTracking().Where(k => candidates.Contains(k.Account))
            .Select(k => new { k.Account, k.Origin }).ToListAsync(cancellationToken).ConfigureAwait(false)).ToHashSet();
        var result = new Dictionary<int, Customer>();
        foreach (var ask in asks)
        {
            if (ask.Code is { } code)
            {
                AccountId? found = keys.TryGetValue((code, ask.Origin), out var keyed) ? keyed
                    : ask.Origin == ExportsModule.CrmOrigin && Guid.TryParse(code, out var guid) ? new AccountId(guid)
                    : null;
                result[ask.Row] = found is { } account && existing.Contains(account)
                    ? new(account, null)
                    : new(null, new(PriceSheet.Customer, PriceImportCodes.CustomerUnknown, $"Não há cliente com código '{code}' da origem '{ask.Origin}'."));
                continue;
            }
            var same = withTaxId.Where(a => a.TaxId == ask.TaxId).Select(a => a.Id).ToList();
            if (same.Count > 1)
                same = [.. same.Where(a => importedFrom.Contains(new { Account = a, ask.Origin }))];
            result[ask.Row] = same.Count == 1 ? new(same[0], null)
                : withTaxId.Exists(a => a.TaxId == ask.TaxId)
                    ? new(null, new(PriceSheet.TaxId, PriceImportCodes.CustomerAmbiguous, $"Mais de um cliente tem este CPF/CNPJ; nenhum ou vários importados da origem '{ask.Origin}'."))
                    : new(null, new(PriceSheet.TaxId, PriceImportCodes.CustomerUnknown, "Não há cliente com este CPF/CNPJ."));
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
            problems.Add(new ImportProblem(row.Row, PriceSheet.TaxId, PriceImportCodes.TaxIdInvalid, "Não é um CPF nem um CNPJ válido."));
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
