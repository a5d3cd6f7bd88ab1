using Crm.Domain.Identity;
using Microsoft.EntityFrameworkCore;

namespace Crm.Persistence.PostgreSql;

/// <summary>A PostgreSQL database, through Npgsql with its NodaTime plugin (instants as timestamptz, dates as date).</summary>
internal sealed class PostgresProvider : CrmDatabaseProvider
{
    private readonly string _connectionString;

    public PostgresProvider(string connectionString)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(connectionString);
        _connectionString = connectionString;
    }

    public override string Name => "PostgreSQL";

    protected internal override Func<TenantId, CrmDbContext> CreateOpener(Action<DbContextOptionsBuilder> configure)
    {
        ArgumentNullException.ThrowIfNull(configure);
        var builder = new DbContextOptionsBuilder<PostgresCrmDbContext>().UseNpgsql(_connectionString, n => n.UseNodaTime());
        configure(builder);
        var options = builder.Options;
        return tenant => new PostgresCrmDbContext(options, tenant);
    }
}
