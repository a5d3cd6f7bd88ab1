using Crm.Domain.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace Crm.Persistence.Providers;

// One context type per provider, so each provider keeps its own migrations (Migrations/Sqlite, Migrations/PostgreSql):
// the two databases differ in column types (SQLite stores instants as integers, dates and money as text).

internal sealed class SqliteCrmDbContext(DbContextOptions<SqliteCrmDbContext> options, TenantId tenant)
    : CrmDbContext(options, tenant);

internal sealed class PostgresCrmDbContext(DbContextOptions<PostgresCrmDbContext> options, TenantId tenant)
    : CrmDbContext(options, tenant);

/// <summary>For <c>dotnet ef migrations add X --context SqliteCrmDbContext --output-dir Migrations/Sqlite</c>.</summary>
internal sealed class SqliteDesignTimeFactory : IDesignTimeDbContextFactory<SqliteCrmDbContext>
{
    public SqliteCrmDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<SqliteCrmDbContext>().UseSqlite("Data Source=design.db").Options, default);
}

/// <summary>For <c>dotnet ef migrations add X --context PostgresCrmDbContext --output-dir Migrations/PostgreSql</c>.</summary>
internal sealed class PostgresDesignTimeFactory : IDesignTimeDbContextFactory<PostgresCrmDbContext>
{
    public PostgresCrmDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<PostgresCrmDbContext>().UseNpgsql("Host=localhost", o => o.UseNodaTime()).Options, default);
}
