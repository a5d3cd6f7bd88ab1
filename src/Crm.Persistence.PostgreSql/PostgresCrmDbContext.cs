using Crm.Domain.Identity;
using Crm.Persistence.Bulk;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Storage;
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

    // Binary COPY: one stream of rows, no statement per row or chunk; in the connection's transaction (the save's).
    private protected override async Task BulkInsertAsync(BulkTable table, IReadOnlyList<EntityEntry> rows, CancellationToken cancellationToken)
    {
        var sql = this.GetService<ISqlGenerationHelper>();
        var copy = $"COPY {sql.DelimitIdentifier(table.Name, table.Schema)} ({string.Join(", ", table.Columns.Select(c => sql.DelimitIdentifier(c.Name)))}) FROM STDIN (FORMAT BINARY)";
        var connection = (NpgsqlConnection)Database.GetDbConnection();
        var importer = await connection.BeginBinaryImportAsync(copy, cancellationToken).ConfigureAwait(false);
        await using (importer.ConfigureAwait(false))
        {
            foreach (var row in rows)
            {
                await importer.StartRowAsync(cancellationToken).ConfigureAwait(false);
                foreach (var column in table.Columns)
                    if (column.ProviderValue(row) is { } value)
                        await importer.WriteAsync(value, column.Mapping.StoreTypeNameBase, cancellationToken).ConfigureAwait(false);
                    else
                        await importer.WriteNullAsync(cancellationToken).ConfigureAwait(false);
            }
            await importer.CompleteAsync(cancellationToken).ConfigureAwait(false);
        }
    }
}

/// <summary>For <c>dotnet ef migrations add X --project src/Crm.Persistence.PostgreSql --output-dir Migrations</c>.</summary>
internal sealed class PostgresDesignTimeFactory : IDesignTimeDbContextFactory<PostgresCrmDbContext>
{
    public PostgresCrmDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<PostgresCrmDbContext>().UseNpgsql("Host=localhost", o => o.UseNodaTime()).Options, default);
}
