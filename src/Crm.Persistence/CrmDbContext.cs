using Crm.Domain.Access;
using Crm.Domain.Accounts;
using Crm.Domain.Accounts.Contacts;
using Crm.Domain.Boards;
using Crm.Domain.Boards.BaseCards;
using Crm.Domain.Boards.Cards;
using Crm.Domain.Boards.Filters;
using Crm.Domain.Funnel.Opportunities;
using Crm.Domain.Funnel.Pipelines;
using Crm.Domain.Servers;
using Crm.Domain.Organization;
using Crm.Domain.Tenancy;
using Crm.Domain.Identity;
using Crm.Domain.Problems;
using Crm.Persistence.Activities;
using System.Data.Common;
using Crm.Persistence.Bulk;
using Crm.Persistence.Catalog;
using Crm.Persistence.Concurrency;
using Crm.Persistence.Matrices;
using Crm.Persistence.Orders;
using Crm.Persistence.Conversions;
using Crm.Persistence.Duplicates;
using Crm.Persistence.Model;
using Crm.Persistence.Imports;
using Crm.Persistence.Jobs;
using Crm.Persistence.Notifications;
using Crm.Persistence.Outbox;
using Crm.Persistence.Service;
using Crm.Persistence.Settings;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;

namespace Crm.Persistence;

/// <summary>
/// The EF Core model of Crm.Sdk, confined to one tenant: every query carries the named <c>Tenant</c> filter, every
/// UPDATE and DELETE names the tenant in its key, and <see cref="SaveAsync"/> refuses rows of another tenant.
/// Get one from <see cref="CrmDatabase.Open"/>.
/// </summary>
public abstract class CrmDbContext : DbContext
{
    /// <summary>Creates a context over <paramref name="options"/>, confined to <paramref name="tenant"/>.</summary>
    /// <param name="options">The provider's options (from <see cref="CrmDatabaseProvider.CreateOpener"/>).</param>
    /// <param name="tenant">The tenant.</param>
    protected CrmDbContext(DbContextOptions options, TenantId tenant) : base(options)
    {
        Tenant = tenant;
        Settings = new TenantSettings(this);
    }

    /// <summary>The tenant every query, update and delete of this context is confined to.</summary>
    public TenantId Tenant { get; }

    /// <summary>
    /// Whether this context talks to PostgreSQL (else SQLite): for the few statements the two write differently (locks,
    /// JSON functions, session settings), so callers need not know the provider packages' names.
    /// </summary>
    public bool IsPostgres => string.Equals(Database.ProviderName, "Npgsql.EntityFrameworkCore.PostgreSQL", StringComparison.Ordinal);

    /// <summary>The tenant itself (one row, the context's own).</summary>
    public DbSet<Tenant> Tenants => Set<Tenant>();

    /// <summary>Roles with their module permissions.</summary>
    public DbSet<Role> Roles => Set<Role>();

    /// <summary>CRM users with their roles, manager and company/branch scopes.</summary>
    public DbSet<User> Users => Set<User>();

    /// <summary>Companies (empresas) with their branches (filiais).</summary>
    public DbSet<Company> Companies => Set<Company>();

    /// <summary>SMTP settings per company/branch; passwords only as protected payloads.</summary>
    public DbSet<SmtpSettings> SmtpSettings => Set<SmtpSettings>();

    /// <summary>FTP settings per company/branch; passwords only as protected payloads.</summary>
    public DbSet<FtpSettings> FtpSettings => Set<FtpSettings>();

    /// <summary>Accounts (customers).</summary>
    public DbSet<Account> Accounts => Set<Account>();

    /// <summary>Contacts (people) of leads and accounts.</summary>
    public DbSet<Contact> Contacts => Set<Contact>();

    /// <summary>Leads (prospects).</summary>
    public DbSet<Lead> Leads => Set<Lead>();

    /// <summary>Sales pipelines (funnels) with their stages.</summary>
    public DbSet<Pipeline> Pipelines => Set<Pipeline>();

    /// <summary>Opportunities with their stage history and tasks.</summary>
    public DbSet<Opportunity> Opportunities => Set<Opportunity>();

    /// <summary>Kanban boards with stages, tags, released users and history.</summary>
    public DbSet<Board> Boards => Set<Board>();

    /// <summary>Prospect cards with their tags, members, comments, attachments, tasks and history.</summary>
    public DbSet<Card> Cards => Set<Card>();

    /// <summary>Base cards (templates) of the boards, with the same content as a card.</summary>
    public DbSet<BaseCard> BaseCards => Set<BaseCard>();

    /// <summary>Each user's filters per board: the filter in use and the filters saved by name.</summary>
    public DbSet<BoardFilterPreferences> BoardFilters => Set<BoardFilterPreferences>();

    /// <summary>Messages for the ERP written with the changes they carry, waiting for (or done with) the dispatcher.</summary>
    public DbSet<OutboxMessage> Outbox => Set<OutboxMessage>();

    /// <summary>E-mails telling users of movements, written with the movements, waiting for (or done with) the notification dispatcher.</summary>
    public DbSet<NotificationMessage> Notifications => Set<NotificationMessage>();

    /// <summary>The import keys (origin + external code) of imported accounts.</summary>
    public DbSet<AccountImportKey> AccountImportKeys => Set<AccountImportKey>();

    /// <summary>The price table each customer buys from per billing location and warehouse.</summary>
    public DbSet<AccountSalesTable> AccountSalesTables => Set<AccountSalesTable>();

    /// <summary>Price import files queued for (or done by) the price import job.</summary>
    public DbSet<PriceImportBatch> PriceImportBatches => Set<PriceImportBatch>();

    /// <summary>The rows of the queued price imports.</summary>
    public DbSet<PriceImportRow> PriceImportRows => Set<PriceImportRow>();

    /// <summary>The scheduled jobs' leases and last runs, per tenant and job.</summary>
    public DbSet<JobRun> JobRuns => Set<JobRun>();

    /// <summary>The master data each ERP listed in its initial load.</summary>
    public DbSet<ErpMasterRecord> ErpMasterData => Set<ErpMasterRecord>();

    /// <summary>Where each master-data kind's initial load stands.</summary>
    public DbSet<ErpMasterDataLoad> ErpMasterDataLoads => Set<ErpMasterDataLoad>();

    /// <summary>The catalog's products (code, description, status, line, NCM; the rest as a document).</summary>
    public DbSet<ProductRow> Products => Set<ProductRow>();

    /// <summary>The warehouses goods are sold from.</summary>
    public DbSet<WarehouseRow> Warehouses => Set<WarehouseRow>();

    /// <summary>List prices per table, product and validity.</summary>
    public DbSet<ListPriceRow> ListPrices => Set<ListPriceRow>();

    /// <summary>Stock on hand per product, warehouse and unit.</summary>
    public DbSet<StockRow> Stock => Set<StockRow>();

    /// <summary>Stock programmed to arrive per product, warehouse and date.</summary>
    public DbSet<ProgrammedStockRow> ProgrammedStock => Set<ProgrammedStockRow>();

    /// <summary>Lots per product and warehouse.</summary>
    public DbSet<LotRow> Lots => Set<LotRow>();

    /// <summary>Sales quotas and their consumption.</summary>
    public DbSet<QuotaRow> Quotas => Set<QuotaRow>();

    /// <summary>Promotions.</summary>
    public DbSet<PromotionRow> Promotions => Set<PromotionRow>();

    /// <summary>Sales orders (header columns; header, items, approvals and history as documents).</summary>
    public DbSet<SalesOrderRow> SalesOrders => Set<SalesOrderRow>();

    /// <summary>The orders' items as columns (product, quantity, total, open), kept in step by each order's save.</summary>
    public DbSet<SalesOrderItemRow> SalesOrderItems => Set<SalesOrderItemRow>();

    /// <summary>The rules of the tenant's tax and commercial matrices.</summary>
    public DbSet<MatrixRuleRow> MatrixRules => Set<MatrixRuleRow>();

    /// <summary>Each matrix's version (its concurrency token), rule count and last change.</summary>
    public DbSet<MatrixVersionRow> MatrixVersions => Set<MatrixVersionRow>();

    /// <summary>Every save of a matrix: who, when, which rules.</summary>
    public DbSet<MatrixChangeRow> MatrixChanges => Set<MatrixChangeRow>();

    /// <summary>Customer service occurrences (columns for what lists, visibility and indicators filter on; history as a document).</summary>
    public DbSet<OccurrenceRow> Occurrences => Set<OccurrenceRow>();

    /// <summary>Call-center campaigns with their progress counts.</summary>
    public DbSet<CampaignRow> Campaigns => Set<CampaignRow>();

    /// <summary>The contacts each campaign calls.</summary>
    public DbSet<CampaignTargetRow> CampaignTargets => Set<CampaignTargetRow>();

    /// <summary>Every call to a campaign's contact.</summary>
    public DbSet<CallAttemptRow> CallAttempts => Set<CallAttemptRow>();

    /// <summary>Appointments on accounts, opportunities, occurrences and cards.</summary>
    public DbSet<AppointmentRow> Appointments => Set<AppointmentRow>();

    /// <summary>Follow-ups on accounts, opportunities, occurrences and cards.</summary>
    public DbSet<FollowUpRow> FollowUps => Set<FollowUpRow>();

    /// <summary>Documents (files on the company's server, or links) attached to accounts, opportunities, occurrences and cards.</summary>
    public DbSet<DocumentRow> Documents => Set<DocumentRow>();

    /// <summary>The tenant's registration and opportunity settings, read and staged in this unit of work.</summary>
    public TenantSettings Settings { get; }

    /// <summary>A batch's duplicate keys and short names read ahead (<see cref="RegistrationKeys.PreloadAsync"/>); a save forgets them.</summary>
    internal PreloadedKeys? Preloaded { get; set; }

    /// <summary>Problem code: a unique index or key refused a row (a value another row already holds).</summary>
    public const string DuplicateCode = "persistence.duplicate";

    /// <summary>
    /// Writes every change as one transaction. A row changed by someone else since it was read yields a
    /// <see cref="Conflict"/> and writes nothing; a row of another tenant, or one a unique index or key refuses
    /// (<see cref="DuplicateCode"/>), yields <see cref="Invalid"/>.
    /// </summary>
    public async Task<SaveResult> SaveAsync(CancellationToken cancellationToken = default)
    {
        ChangeTracker.DetectChanges();
        using var detected = new ChangesDetected(ChangeTracker);
        if (CrossTenant() is { Count: > 0 } foreign)
            return new Invalid(foreign);
        try
        {
            return new Saved(await SaveDetectedAsync(acceptAllChangesOnSuccess: true, cancellationToken).ConfigureAwait(false));
        }
        catch (DbUpdateConcurrencyException e)
        {
            return new Conflict([.. e.Entries.Select(Describe)]);
        }
        catch (DbUpdateException e) when (IsUniqueViolation(e.InnerException))
        {
            // A unique index or key (one live card per prospect, one filter row per user and board) caught what a
            // concurrent writer checked too early.
            // The aggregates only: the rows written with them (their duplicate keys) say nothing more to a user.
            var aggregates = e.Entries.Where(entry => entry.Metadata.FindProperty(AggregateMapping.Version) is not null).ToList();
            return new Invalid([.. (aggregates.Count > 0 ? aggregates : e.Entries).Select(entry => new Problem("", DuplicateCode,
                $"{Describe(entry)} repete um valor que deve ser único e não foi gravado."))]);
        }
    }

    /// <summary>Stamps the versions, then saves; prefer <see cref="SaveAsync"/>, which returns conflicts as values.</summary>
    public override int SaveChanges(bool acceptAllChangesOnSuccess)
    {
        using var detected = DetectChangesOnce();
        Preloaded = null;
        StampVersions();
        return base.SaveChanges(acceptAllChangesOnSuccess);
    }

    /// <summary>Stamps the versions, then saves; prefer <see cref="SaveAsync"/>, which returns conflicts as values.</summary>
    public override async Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default)
    {
        using var detected = DetectChangesOnce();
        return await SaveDetectedAsync(acceptAllChangesOnSuccess, cancellationToken).ConfigureAwait(false);
    }

    // Saves once the changes are detected and automatic detection is off (ChangesDetected): one DetectChanges pass per
    // save, not three (ChangeTracker.Entries() in the tenant check and the stamping, and EF's own in the base save), each
    // of which walks every tracked entry.
    private async Task<int> SaveDetectedAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken)
    {
        Preloaded = null;
        StampVersions();
        // A host's interceptors (saves, connections, commands) see every row only through EF's own save.
        if (HasInterceptors || BulkRows.Of(ChangeTracker) is not { } bulk)
            return await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken).ConfigureAwait(false);
        var outer = Database.CurrentTransaction;
        await using var owned = outer is null ? await Database.BeginTransactionAsync(cancellationToken).ConfigureAwait(false) : null;
        if (outer is not null)
            await outer.CreateSavepointAsync(BulkSavepoint, cancellationToken).ConfigureAwait(false);
        try
        {
            foreach (var (table, rows) in bulk.Groups)
                await BulkInsertAsync(table, rows, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // Nothing of the bulk write stays; EF's own save meets the same error (a duplicate, a constraint) and reports
            // it as it always has, naming its rows.
            await UndoAsync(owned, outer).ConfigureAwait(false);
            return await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken).ConfigureAwait(false);
        }
        catch
        {
            await UndoAsync(owned, outer).ConfigureAwait(false);
            throw;
        }
        bulk.Accept(EntityState.Unchanged);
        try
        {
            var saved = await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken).ConfigureAwait(false);
            if (owned is not null)
                await owned.CommitAsync(cancellationToken).ConfigureAwait(false);
            else
                await outer!.ReleaseSavepointAsync(BulkSavepoint, cancellationToken).ConfigureAwait(false);
            // EF's save-then-AcceptAllChanges: the caller accepts the changes (the bulk rows with the rest) when it says so.
            if (!acceptAllChangesOnSuccess)
                bulk.Accept(EntityState.Added);
            return saved + bulk.Count;
        }
        catch
        {
            // The rows were never committed: they are still to add, whatever the rollback does.
            bulk.Accept(EntityState.Added);
            await UndoAsync(owned, outer).ConfigureAwait(false);
            throw;
        }
    }

    // Rolls the bulk write back: the save's own transaction, or the savepoint inside the caller's. Not cancellable: a
    // cancelled save must still leave the caller's transaction as it was.
    private static async Task UndoAsync(IDbContextTransaction? owned, IDbContextTransaction? outer)
    {
        if (owned is not null)
            await owned.RollbackAsync(CancellationToken.None).ConfigureAwait(false);
        else
            await outer!.RollbackToSavepointAsync(BulkSavepoint, CancellationToken.None).ConfigureAwait(false);
    }

    // Whether the host added EF interceptors (CrmPersistenceOptions.AddInterceptors).
    private bool HasInterceptors =>
        this.GetService<IDbContextOptions>().FindExtension<CoreOptionsExtension>()?.Interceptors?.Any() == true;

    private const string BulkSavepoint = "crm_bulk";

    /// <summary>
    /// Writes the added <paramref name="rows"/> of a flat-mapped <paramref name="table"/> in the save's transaction (a
    /// provider with a faster path than multi-row INSERTs, PostgreSQL's binary COPY, overrides it).
    /// </summary>
    private protected virtual Task BulkInsertAsync(BulkTable table, IReadOnlyList<EntityEntry> rows, CancellationToken cancellationToken) =>
        BulkRows.InsertAsync(this, table, rows, cancellationToken);

    /// <summary>EF's own saves: detects the changes when automatic detection is on, as EF would, then turns it off until disposed.</summary>
    private ChangesDetected DetectChangesOnce()
    {
        if (ChangeTracker.AutoDetectChangesEnabled)
            ChangeTracker.DetectChanges();
        return new ChangesDetected(ChangeTracker);
    }

    /// <summary>Turns EF's automatic DetectChanges off until disposed (the changes were just detected).</summary>
    private readonly struct ChangesDetected : IDisposable
    {
        private readonly ChangeTracker _tracker;
        private readonly bool _auto;

        public ChangesDetected(ChangeTracker tracker)
        {
            (_tracker, _auto) = (tracker, tracker.AutoDetectChangesEnabled);
            tracker.AutoDetectChangesEnabled = false;
        }

        public void Dispose() => _tracker.AutoDetectChangesEnabled = _auto;
    }

    /// <inheritdoc />
    protected override void OnConfiguring(DbContextOptionsBuilder optionsBuilder)
    {
        ArgumentNullException.ThrowIfNull(optionsBuilder);
        // CrmDatabase's contexts carry it in their shared options already; replacing it again here would give every new
        // context options of its own, and EF would look its internal service provider up again for each one.
        if (optionsBuilder.Options.FindExtension<CoreOptionsExtension>()?.ReplacedServices?.ContainsKey((typeof(IConstructorBindingFactory), null)) != true)
            UseDomainConstructors(optionsBuilder);
    }

    /// <summary>Materializes the domain's types through their own constructors (set once on the options every context shares).</summary>
    internal static void UseDomainConstructors(DbContextOptionsBuilder optionsBuilder) =>
        optionsBuilder.ReplaceService<IConstructorBindingFactory, DomainConstructorBinding>();

    /// <summary>The value-object conversions every provider shares; a provider adds the column types its engine lacks.</summary>
    /// <param name="configurationBuilder">The conventions.</param>
    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        ArgumentNullException.ThrowIfNull(configurationBuilder);
        ValueObjectConventions.Apply(configurationBuilder);
    }

    /// <summary>The column type of the JSON documents read and written whole (board filters), when the engine has one; else text.</summary>
    protected virtual string? JsonDocumentColumnType => null;

    /// <summary>True when <paramref name="error"/> is the engine refusing a row that a unique index or key already holds.</summary>
    /// <param name="error">The inner exception of a <see cref="DbUpdateException"/>.</param>
    protected abstract bool IsUniqueViolation(Exception? error);

    /// <inheritdoc />
    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        ArgumentNullException.ThrowIfNull(modelBuilder);
        modelBuilder.ApplyConfiguration(new TenantConfiguration(this));
        modelBuilder.ApplyConfiguration(new RoleConfiguration(this));
        modelBuilder.ApplyConfiguration(new UserConfiguration(this));
        modelBuilder.ApplyConfiguration(new CompanyConfiguration(this));
        modelBuilder.ApplyConfiguration(new SmtpSettingsConfiguration(this));
        modelBuilder.ApplyConfiguration(new FtpSettingsConfiguration(this));
        modelBuilder.ApplyConfiguration(new AccountConfiguration(this));
        modelBuilder.ApplyConfiguration(new LeadConfiguration(this));
        modelBuilder.ApplyConfiguration(new ContactConfiguration(this));
        modelBuilder.ApplyConfiguration(new PipelineConfiguration(this));
        modelBuilder.ApplyConfiguration(new OpportunityConfiguration(this));
        modelBuilder.ApplyConfiguration(new BoardConfiguration(this));
        modelBuilder.ApplyConfiguration(new CardConfiguration(this));
        modelBuilder.ApplyConfiguration(new BaseCardConfiguration(this));
        modelBuilder.ApplyConfiguration(new BoardFilterConfiguration(this));
        modelBuilder.ApplyConfiguration(new StoredSettingsConfiguration(this));
        modelBuilder.ApplyConfiguration(new DuplicateKeyRowConfiguration(this));
        modelBuilder.ApplyConfiguration(new OutboxMessageConfiguration(this));
        modelBuilder.ApplyConfiguration(new NotificationMessageConfiguration(this));
        modelBuilder.ApplyConfiguration(new AccountImportKeyConfiguration(this));
        modelBuilder.ApplyConfiguration(new AccountSalesTableConfiguration(this));
        modelBuilder.ApplyConfiguration(new PriceImportBatchConfiguration(this));
        modelBuilder.ApplyConfiguration(new PriceImportRowConfiguration(this));
        modelBuilder.ApplyConfiguration(new JobRunConfiguration(this));
        modelBuilder.ApplyConfiguration(new ErpMasterRecordConfiguration(this));
        modelBuilder.ApplyConfiguration(new ErpMasterDataLoadConfiguration(this));
        modelBuilder.ApplyConfiguration(new ProductConfiguration(this));
        modelBuilder.ApplyConfiguration(new WarehouseConfiguration(this));
        modelBuilder.ApplyConfiguration(new ListPriceConfiguration(this));
        modelBuilder.ApplyConfiguration(new StockConfiguration(this));
        modelBuilder.ApplyConfiguration(new ProgrammedStockConfiguration(this));
        modelBuilder.ApplyConfiguration(new LotConfiguration(this));
        modelBuilder.ApplyConfiguration(new QuotaConfiguration(this));
        modelBuilder.ApplyConfiguration(new PromotionConfiguration(this));
        modelBuilder.ApplyConfiguration(new SalesOrderConfiguration(this));
        modelBuilder.ApplyConfiguration(new SalesOrderItemConfiguration(this));
        modelBuilder.ApplyConfiguration(new MatrixRuleConfiguration(this));
        modelBuilder.ApplyConfiguration(new MatrixVersionConfiguration(this));
        modelBuilder.ApplyConfiguration(new MatrixChangeConfiguration(this));
        modelBuilder.ApplyConfiguration(new OccurrenceConfiguration(this));
        modelBuilder.ApplyConfiguration(new CampaignConfiguration(this));
        modelBuilder.ApplyConfiguration(new CampaignTargetConfiguration(this));
        modelBuilder.ApplyConfiguration(new CallAttemptConfiguration(this));
        modelBuilder.ApplyConfiguration(new AppointmentConfiguration(this));
        modelBuilder.ApplyConfiguration(new FollowUpConfiguration(this));
        modelBuilder.ApplyConfiguration(new DocumentConfiguration(this));
        if (JsonDocumentColumnType is { } type)
            foreach (var document in AggregateMapping.JsonDocumentColumns(modelBuilder.Model))
                document.SetColumnType(type);
    }

    // A new aggregate starts at version 1; each save of a changed one adds 1. The old value stays the original, so the
    // UPDATE's WHERE names it and matches nothing when someone else saved in between.
    private void StampVersions()
    {
        DuplicateKeyRows.Refresh(this);
        SalesOrderItemSync.Refresh(this);
        foreach (var entry in ChangeTracker.Entries().ToList())
        {
            if (entry.State is EntityState.Added or EntityState.Modified)
                SearchColumns.Refresh(entry);
            if (entry.State == EntityState.Added)
                RegistrationMapping.StampRegisteredAt(entry);
            if (entry.Metadata.FindProperty(AggregateMapping.Version) is null)
                continue;
            var version = entry.Property(AggregateMapping.Version);
            if (entry.State == EntityState.Added)
                version.CurrentValue = 1L;
            else if (entry.State == EntityState.Modified)
                version.CurrentValue = (long)version.OriginalValue! + 1;
        }
    }

    private List<Problem> CrossTenant() => [.. ChangeTracker.Entries()
        .Where(e => e.State is EntityState.Added or EntityState.Modified or EntityState.Deleted)
        .Where(e => TenantOf(e) is { } tenant && tenant != Tenant)
        .Select(e => new Problem("", "persistence.cross_tenant",
            $"{Describe(e)} pertence a outro tenant e não pode ser gravado pelo tenant {Tenant.Value}."))];

    private static TenantId? TenantOf(EntityEntry entry) =>
        AggregateMapping.TenantPropertyOf(entry.Metadata) is { } property ? (TenantId?)entry.Property(property).CurrentValue : null;

    private static string Describe(EntityEntry entry) =>
        $"{entry.Metadata.ClrType.Name} {string.Join("/", entry.Metadata.FindPrimaryKey()!.Properties.Select(p => entry.Property(p.Name).CurrentValue))}";
}
