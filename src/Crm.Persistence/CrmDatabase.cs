using Crm.Domain.Identity;
using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace Crm.Persistence;

/// <summary>
/// The database of a host: migrates it and opens tenant-confined contexts on it. Thread-safe; keep one per database
/// (<see cref="CrmPersistenceServiceCollectionExtensions.AddCrmPersistence"/> registers it as a singleton).
/// </summary>
public sealed class CrmDatabase
{
    private readonly Func<TenantId, CrmDbContext> _open;

    /// <summary>
    /// A database as <paramref name="options"/> describe it. With <paramref name="loggerFactory"/>, EF Core's logs (the SQL
    /// it runs, without parameter values) go to the host's loggers.
    /// </summary>
    /// <param name="options">The provider and the key ring.</param>
    /// <param name="loggerFactory">The host's logger factory; none logs nothing.</param>
    /// <exception cref="InvalidOperationException">No provider was chosen.</exception>
    public CrmDatabase(CrmPersistenceOptions options, ILoggerFactory? loggerFactory = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        Options = options;
        Provider = options.ValidProvider;
        // Sensitive data logging stays off: parameter values (tax ids, names) never reach the logs.
        _open = Provider.CreateOpener(builder =>
        {
            CrmDbContext.UseDomainConstructors(builder);
            if (options.Interceptors.Count > 0)
                builder.AddInterceptors(options.Interceptors);
            if (loggerFactory is not null)
                builder.UseLoggerFactory(loggerFactory);
        });
    }

    /// <summary>The options it was built from.</summary>
    public CrmPersistenceOptions Options { get; }

    /// <summary>The database engine.</summary>
    public CrmDatabaseProvider Provider { get; }

    /// <summary>A new context (unit of work) confined to <paramref name="tenant"/>. Dispose it when done.</summary>
    public CrmDbContext Open(TenantId tenant) => _open(tenant);

    /// <summary>
    /// Whether the database is reachable and has no pending migration, as a value: an unreachable database (a server that
    /// refuses the connection, a SQLite file that does not exist — it is not created) is reported, not thrown.
    /// </summary>
    /// <param name="cancellationToken">Cancels the check.</param>
    public async Task<CrmDatabaseHealth> CheckHealthAsync(CancellationToken cancellationToken = default)
    {
        await using var context = Open(default);
        try
        {
            if (!await context.Database.CanConnectAsync(cancellationToken).ConfigureAwait(false))
                return new CrmDatabaseHealth(false, [], $"The {Provider.Name} database cannot be reached.");
            var pending = (await context.Database.GetPendingMigrationsAsync(cancellationToken).ConfigureAwait(false)).ToList();
            return new CrmDatabaseHealth(true, pending, pending.Count == 0
                ? $"The {Provider.Name} database is reachable and migrated."
                : $"The {Provider.Name} database lacks {pending.Count} migration(s): {string.Join(", ", pending)}.");
        }
        catch (DbException e)
        {
            return new CrmDatabaseHealth(false, [], $"The {Provider.Name} database failed: {e.Message}");
        }
    }

    /// <summary>Creates the database or brings it to the latest migration. Safe to run any number of times.</summary>
    public async Task MigrateAsync(CancellationToken cancellationToken = default)
    {
        await using var context = Open(default);
        await Provider.MigrateAsync(context, cancellationToken).ConfigureAwait(false);
    }
}
