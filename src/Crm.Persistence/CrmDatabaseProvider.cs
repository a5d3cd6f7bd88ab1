using Crm.Domain.Identity;
using Microsoft.EntityFrameworkCore;

namespace Crm.Persistence;

/// <summary>
/// A database engine Crm.Sdk can store its data in, contributed by a provider package (<c>Crm.Persistence.Sqlite</c>,
/// <c>Crm.Persistence.PostgreSql</c>) and chosen with <see cref="CrmPersistenceOptions.UseProvider"/>, usually through the
/// package's <c>UseSqlite</c> / <c>UsePostgres</c> extension. Each provider has a context type of its own, which keys its
/// migrations.
/// </summary>
public abstract class CrmDatabaseProvider
{
    /// <summary>The engine's name, for messages (e.g. <c>SQLite</c>).</summary>
    public abstract string Name { get; }

    /// <summary>
    /// Where the Data Protection key ring goes when <see cref="CrmPersistenceOptions.KeyRingFolder"/> is not set, or null
    /// when the engine has no place of its own for it (a server): then the folder must be set.
    /// </summary>
    public virtual string? DefaultKeyRingFolder => null;

    /// <summary>
    /// A function that opens the provider's contexts confined to a tenant, over options that <paramref name="configure"/>
    /// completes (logging and the other settings every provider shares) after the provider chose its engine.
    /// </summary>
    /// <param name="configure">Applies the shared settings to the provider's options builder.</param>
    protected internal abstract Func<TenantId, CrmDbContext> CreateOpener(Action<DbContextOptionsBuilder> configure);

    /// <summary>
    /// Brings the database of <paramref name="context"/> to the latest migration. By default EF Core's own
    /// <c>MigrateAsync</c>; a provider overrides it to make migrating safe where EF's is not.
    /// </summary>
    /// <param name="context">A context on the database.</param>
    /// <param name="cancellationToken">Cancels the migration.</param>
    protected internal virtual Task MigrateAsync(CrmDbContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        return context.Database.MigrateAsync(cancellationToken);
    }
}

/// <summary>
/// What can choose the database: <see cref="CrmPersistenceOptions"/> itself, or a host-level builder holding them (such as
/// Crm.Sdk's options), so that a provider package's <c>UseSqlite</c> / <c>UsePostgres</c> chains on either.
/// </summary>
public interface ICrmDatabaseBuilder
{
    /// <summary>The persistence options the provider is set on.</summary>
    CrmPersistenceOptions Database { get; }
}
