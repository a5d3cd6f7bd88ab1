using Crm.Domain.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;
using Npgsql;

namespace Crm.Persistence.PostgreSql;

/// <summary>The model on PostgreSQL; its own type keys the PostgreSQL migrations (<c>Migrations/</c>).</summary>
internal sealed class PostgresCrmDbContext(DbContextOptions<PostgresCrmDbContext> options, TenantId tenant) : CrmDbContext(options, tenant)
{
    protected override string JsonDocumentColumnType => "jsonb";

    protected override bool IsUniqueViolation(Exception? error) =>
        error is PostgresException { SqlState: PostgresErrorCodes.UniqueViolation }; // keys too
}

/// <summary>For <c>dotnet ef migrations add X --project src/Crm.Persistence.PostgreSql --output-dir Migrations</c>.</summary>
internal sealed class PostgresDesignTimeFactory : IDesignTimeDbContextFactory<PostgresCrmDbContext>
{
    public PostgresCrmDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<PostgresCrmDbContext>().UseNpgsql("Host=localhost", o => o.UseNodaTime()).Options, default);
}
