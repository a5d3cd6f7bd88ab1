using System.Globalization;
using Crm.Domain.Accounts;
using Crm.Domain.Accounts.Configuration;
using Crm.Domain.Accounts.Registration;
using Crm.Persistence;
using Crm.Sdk;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace Crm.Benchmarks.Engine;

/// <summary>
/// Seeds the seller's accounts <see cref="EngineForms.Company"/>(1..N). The first <see cref="ThroughPersistence"/> go through
/// the persistence layer (a unit of work per batch: search columns, short-name key and DuplicateKeys rows written by the
/// code a registration runs); the rest, which would take an hour that way on a busy machine, are written by prepared
/// SQLite commands with the same values: each account is validated and created by the domain, its JSON documents are
/// produced by the model's own value converters, the other columns are the EF-written template's, and the rows are
/// checked against the EF-written ones before any is written.
/// </summary>
internal static class AccountSeeder
{
    private const int ThroughPersistence = 2_000;
    private const int Batch = 50_000;
    private static readonly RegistrationContext Rules = new(AccountSettings.Default, RegistrationKind.Account);

    public static async Task SeedAsync(CrmEngine engine, string file, int accounts)
    {
        var started = System.Diagnostics.Stopwatch.StartNew();
        for (var first = 1; first <= Math.Min(accounts, ThroughPersistence); first += 500)
        {
            await using var db = engine.Database.Open(EngineHost.Tenant);
            db.ChangeTracker.AutoDetectChangesEnabled = false;
            for (var n = first; n < first + 500 && n <= Math.Min(accounts, ThroughPersistence); n++)
                db.Accounts.Add(Create(engine, n));
            if (await db.SaveAsync() is { IsSaved: false } failed)
                throw new InvalidOperationException($"Seeding failed: {failed}");
        }
        if (accounts > ThroughPersistence)
            await SeedDirectlyAsync(engine, file, ThroughPersistence + 1, accounts);
        Console.WriteLine($"// seeded {accounts:N0} accounts in {started.Elapsed:g}");
    }

    private static Account Create(CrmEngine engine, int n) => Account.Register(EngineHost.AccountOf(n), EngineHost.Tenant,
        RegistrationRules.Validate(EngineForms.Company(n, EngineHost.Seller), Rules).AsT0, EngineHost.Seller, engine.Clock);

    private static async Task SeedDirectlyAsync(CrmEngine engine, string file, int from, int to)
    {
        Func<Account, object?> data, history;
        await using (var db = engine.Database.Open(EngineHost.Tenant))
        {
            var model = db.Model.FindEntityType(typeof(Account))!;
            var dataConverter = model.FindProperty(nameof(Account.Data))!.GetValueConverter()!;
            var historyConverter = model.FindProperty(nameof(Account.History))!.GetValueConverter()!;
            (data, history) = (a => dataConverter.ConvertToProvider(a.Data), a => historyConverter.ConvertToProvider(a.History));
        }
        await using var connection = new SqliteConnection($"Data Source={file};Pooling=False");
        await connection.OpenAsync();
        Execute(connection, "PRAGMA synchronous = OFF; PRAGMA cache_size = -1048576;"); // per connection: the file keeps its settings
        var template = Template(connection);
        string[] varying = ["Id", CrmQueries.LegalName, CrmQueries.ShortName, CrmQueries.ShortNameKey, CrmQueries.TaxId, "Data", "History"];
        Row Values(int n)
        {
            var account = Create(engine, n);
            var row = new Dictionary<string, object?>(template)
            {
                ["Id"] = Text(account.Id.Value),
                [CrmQueries.LegalName] = account.Data.LegalName,
                [CrmQueries.ShortName] = account.Data.ShortName?.Value,
                [CrmQueries.ShortNameKey] = account.Data.ShortName?.Key,
                [CrmQueries.TaxId] = account.Data.TaxId?.Digits,
                ["Data"] = data(account),
                ["History"] = history(account),
            };
            return new Row(row, EngineForms.KeysOf(n));
        }
        // The direct rows must be the rows EF writes: compare a few accounts EF wrote (the history's instants aside).
        foreach (var n in new[] { 1, 2, 999, ThroughPersistence })
        {
            var stored = Stored(connection, n);
            var made = Values(n);
            foreach (var column in varying.Where(c => c != "History"))
                if (!Equals(stored.Columns[column], made.Columns[column]))
                    throw new InvalidOperationException($"Account {n}: column {column} would be '{made.Columns[column]}', EF wrote '{stored.Columns[column]}'.");
            if (!stored.Keys.Order().SequenceEqual(made.Keys.Order()))
                throw new InvalidOperationException($"Account {n}: keys [{string.Join(", ", made.Keys)}], EF wrote [{string.Join(", ", stored.Keys)}].");
        }
        var columns = template.Keys.ToList();
        using var insertAccount = Command(connection, $"INSERT INTO \"Accounts\" ({string.Join(", ", columns.Select(c => $"\"{c}\""))}) VALUES ({string.Join(", ", columns.Select((_, i) => $"$p{i}"))})", columns.Count);
        using var insertKey = Command(connection, "INSERT INTO \"DuplicateKeys\" (\"TenantId\", \"Key\", \"Kind\", \"Record\") VALUES ($p0, $p1, 'Account', $p2)", 3);
        var tenant = Text(EngineHost.Tenant.Value);
        // The secondary indexes are dropped while the rows go in and built again after: a million random-order index
        // inserts each take a B-tree descent, a build sorts once.
        var indexes = Indexes(connection);
        foreach (var name in indexes.Keys)
            Execute(connection, $"DROP INDEX \"{name}\"");
        for (var first = from; first <= to; first += Batch)
        {
            using var transaction = connection.BeginTransaction();
            (insertAccount.Transaction, insertKey.Transaction) = (transaction, transaction);
            for (var n = first; n < first + Batch && n <= to; n++)
            {
                var row = Values(n);
                for (var i = 0; i < columns.Count; i++)
                    insertAccount.Parameters[i].Value = row.Columns[columns[i]] ?? DBNull.Value;
                insertAccount.ExecuteNonQuery();
                foreach (var key in row.Keys)
                {
                    (insertKey.Parameters[0].Value, insertKey.Parameters[1].Value, insertKey.Parameters[2].Value) = (tenant, key, row.Columns["Id"]);
                    insertKey.ExecuteNonQuery();
                }
            }
            transaction.Commit();
            Console.WriteLine($"// seeded {Math.Min(first + Batch - 1, to):N0} of {to:N0} accounts");
        }
        foreach (var sql in indexes.Values)
            Execute(connection, sql);
    }

    // The secondary indexes of the tables seeded (name → its CREATE statement); the keys' own indexes have no statement.
    private static Dictionary<string, string> Indexes(SqliteConnection connection)
    {
        using var command = Command(connection, "SELECT name, sql FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL AND tbl_name IN ('Accounts', 'DuplicateKeys')", 0);
        using var reader = command.ExecuteReader();
        var indexes = new Dictionary<string, string>();
        while (reader.Read())
            indexes[reader.GetString(0)] = reader.GetString(1);
        return indexes;
    }

    private sealed record Row(Dictionary<string, object?> Columns, string[] Keys);

    // Every column of the EF-written account 1, as stored.
    private static Dictionary<string, object?> Template(SqliteConnection connection) => Stored(connection, 1).Columns;

    private static Row Stored(SqliteConnection connection, int n)
    {
        using var command = Command(connection, "SELECT * FROM \"Accounts\" WHERE \"Id\" = $p0", 1);
        command.Parameters[0].Value = Text(EngineHost.AccountOf(n).Value);
        var columns = new Dictionary<string, object?>();
        using (var reader = command.ExecuteReader())
        {
            if (!reader.Read())
                throw new InvalidOperationException($"Account {n} is not stored.");
            for (var i = 0; i < reader.FieldCount; i++)
                columns[reader.GetName(i)] = reader.IsDBNull(i) ? null : reader.GetValue(i);
        }
        using var keys = Command(connection, "SELECT \"Key\" FROM \"DuplicateKeys\" WHERE \"Record\" = $p0", 1);
        keys.Parameters[0].Value = columns["Id"];
        var found = new List<string>();
        using (var reader = keys.ExecuteReader())
            while (reader.Read())
                found.Add(reader.GetString(0));
        return new Row(columns, [.. found]);
    }

    private static SqliteCommand Command(SqliteConnection connection, string sql, int parameters)
    {
        var command = connection.CreateCommand();
        command.CommandText = sql;
        for (var i = 0; i < parameters; i++)
            command.Parameters.Add(new SqliteParameter($"$p{i}", null));
        return command;
    }

    private static void Execute(SqliteConnection connection, string sql)
    {
        using var command = Command(connection, sql, 0);
        command.ExecuteNonQuery();
    }

    // EF Core's SQLite provider stores a Guid as upper-case text.
    private static string Text(Guid id) => id.ToString().ToUpper(CultureInfo.InvariantCulture);
}
