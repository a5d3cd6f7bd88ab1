using Crm.Tests.Shared;
using Crm.Domain.Identity;
using Crm.Persistence.Tests.Infrastructure;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace Crm.Persistence.Tests.Migrations;

public sealed class DatabaseHealthTests
{
    [Theory, SqliteData, PostgresData]
    public async Task A_migrated_database_is_healthy(string provider)
    {
        await using var db = await TestDatabase.Create(provider);
        var health = await db.Database.CheckHealthAsync();
        Assert.True(health.IsHealthy, health.Description);
        Assert.Empty(health.PendingMigrations);
    }

    [Fact]
    public async Task A_missing_sqlite_file_is_unreachable_and_not_created_and_an_empty_one_lacks_its_migrations()
    {
        var folder = Directory.CreateTempSubdirectory("crm-health-");
        try
        {
            var file = Path.Combine(folder.FullName, "crm.db");
            var database = new CrmDatabase(new CrmPersistenceOptions().UseSqlite(file));
            var missing = await database.CheckHealthAsync();
            Assert.False(missing.Reachable);
            Assert.False(missing.IsHealthy);
            Assert.False(File.Exists(file));

            await using (var connection = new SqliteConnection($"Data Source={file};Pooling=False"))
            {
                await connection.OpenAsync();
                await using var command = new SqliteCommand("CREATE TABLE Other (Id INTEGER)", connection);
                await command.ExecuteNonQueryAsync();
            }
            var empty = await database.CheckHealthAsync();
            Assert.True(empty.Reachable);
            Assert.False(empty.IsHealthy);
            Assert.EndsWith("_Initial", Assert.Single(empty.PendingMigrations), StringComparison.Ordinal);
            Assert.Contains("Initial", empty.Description, StringComparison.Ordinal);
        }
        finally
        {
            SqliteFolders.Delete(folder);
        }
    }

    [Fact]
    public async Task A_server_that_refuses_the_connection_is_reported_unreachable_not_thrown()
    {
        var database = new CrmDatabase(new CrmPersistenceOptions().UsePostgres("Host=127.0.0.1;Port=1;Username=crm;Password=x;Database=crm;Timeout=3"));
        var health = await database.CheckHealthAsync().WaitAsync(TimeSpan.FromSeconds(30));
        Assert.False(health.Reachable);
        Assert.Contains("PostgreSQL", health.Description, StringComparison.Ordinal);
    }

    [Theory, SqliteData, PostgresData]
    public async Task Ef_cores_sql_goes_to_the_hosts_loggers_without_parameter_values(string provider)
    {
        await using var db = await TestDatabase.Create(provider);
        var logs = new CapturedLogs();
        var logged = new CrmDatabase(db.Database.Options, logs);
        var tenant = new TenantId(Guid.NewGuid());
        var account = Records.Account(tenant, 4242);
        await using (var write = logged.Open(tenant))
        {
            write.Accounts.Add(account);
            Assert.True((await write.SaveAsync()).IsSaved);
        }
        await using (var read = logged.Open(tenant))
            Assert.Equal(account.Id, await read.Accounts.Where(a => EF.Property<string>(a, CrmQueries.TaxId) == account.Data.TaxId!.Digits)
                .Select(a => a.Id).SingleAsync());

        var commands = logs.Entries.Where(e => e.Category == DbLoggerCategory.Database.Command.Name && e.Level >= LogLevel.Information).ToList();
        Assert.Contains(commands, e => e.Message.Contains("INSERT INTO", StringComparison.Ordinal));
        Assert.Contains(commands, e => e.Message.Contains("SELECT", StringComparison.Ordinal));
        Assert.DoesNotContain(logs.Entries, e => e.Message.Contains(account.Data.TaxId!.Digits, StringComparison.Ordinal));
        Assert.DoesNotContain(logs.Entries, e => e.Message.Contains(account.Data.LegalName!, StringComparison.Ordinal));
    }
}
