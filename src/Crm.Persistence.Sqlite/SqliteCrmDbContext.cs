using Crm.Domain.Identity;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace Crm.Persistence.Sqlite;

/// <summary>The model on SQLite; its own type keys the SQLite migrations (<c>Migrations/</c>).</summary>
internal sealed class SqliteCrmDbContext(DbContextOptions<SqliteCrmDbContext> options, TenantId tenant) : CrmDbContext(options, tenant)
{
    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        base.ConfigureConventions(configurationBuilder);
        SqliteConventions.Apply(configurationBuilder);
    }

    protected override bool IsUniqueViolation(Exception? error) =>
        error is SqliteException { SqliteExtendedErrorCode: 2067 or 1555 }; // SQLITE_CONSTRAINT_UNIQUE, SQLITE_CONSTRAINT_PRIMARYKEY
}

/// <summary>For <c>dotnet ef migrations add X --project src/Crm.Persistence.Sqlite --output-dir Migrations</c>.</summary>
internal sealed class SqliteDesignTimeFactory : IDesignTimeDbContextFactory<SqliteCrmDbContext>
{
    public SqliteCrmDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<SqliteCrmDbContext>().UseSqlite("Data Source=design.db").Options, default);
}
