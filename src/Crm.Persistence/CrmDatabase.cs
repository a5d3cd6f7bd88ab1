using Crm.Domain.Identity;
using Crm.Persistence.Providers;
using Microsoft.EntityFrameworkCore;

namespace Crm.Persistence;

/// <summary>
/// The database of a host: migrates it and opens tenant-confined contexts on it. Thread-safe; keep one per database
/// (<see cref="CrmPersistenceServiceCollectionExtensions.AddCrmPersistence"/> registers it as a singleton).
/// </summary>
public sealed class CrmDatabase
{
    private readonly Func<TenantId, CrmDbContext> _open;

    /// <summary>A database as <paramref name="options"/> describe it.</summary>
    public CrmDatabase(CrmPersistenceOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        Options = options;
        _open = options.Provider switch
        {
            CrmProvider.Sqlite => Opener<SqliteCrmDbContext>(b => b.UseSqlite(options.ConnectionString),
                (o, t) => new SqliteCrmDbContext(o, t)),
            _ => Opener<PostgresCrmDbContext>(b => b.UseNpgsql(options.ConnectionString, n => n.UseNodaTime()),
                (o, t) => new PostgresCrmDbContext(o, t)),
        };
    }

    /// <summary>The options it was built from.</summary>
    public CrmPersistenceOptions Options { get; }

    /// <summary>A new context (unit of work) confined to <paramref name="tenant"/>. Dispose it when done.</summary>
    public CrmDbContext Open(TenantId tenant) => _open(tenant);

    /// <summary>Creates the database or brings it to the latest migration. Safe to run any number of times.</summary>
    public async Task MigrateAsync(CancellationToken cancellationToken = default)
    {
        await using var context = Open(default);
        await context.Database.MigrateAsync(cancellationToken).ConfigureAwait(false);
    }

    private static Func<TenantId, CrmDbContext> Opener<T>(Action<DbContextOptionsBuilder<T>> provider,
        Func<DbContextOptions<T>, TenantId, T> create)
        where T : CrmDbContext
    {
        var builder = new DbContextOptionsBuilder<T>();
        provider(builder);
        var options = builder.Options;
        return tenant => create(options, tenant);
    }
}
