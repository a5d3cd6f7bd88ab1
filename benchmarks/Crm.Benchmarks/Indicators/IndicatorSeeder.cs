using System.Globalization;
using Crm.Domain.Funnel.Pipelines;
using Crm.Domain.Identity;
using Crm.Persistence;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace Crm.Benchmarks.Indicators;

/// <summary>
/// A tenant of N accounts over a year (2025-12-01..2026-11-30) seeded by one INSERT … SELECT per table over a recursive CTE
/// (SQLite) or generate_series (PostgreSQL), never row by row through EF: per account one contact (with e-mail, phone and
/// an e-mail consent on most), one sales order of two items (released, sent or draft), one occurrence (six channels, a
/// third complaints, most answered); one lead and one opportunity per ten accounts; 100 owners. Only the columns the
/// indicators read carry data; the JSON documents are in the shape the model writes. The database is kept between runs
/// (a SQLite file under the temp folder, a PostgreSQL database named after N) and reused when it holds N accounts.
/// </summary>
internal static class IndicatorSeeder
{
    public static readonly TenantId Tenant = new(Guid.Parse("1d000000-0000-4000-8000-000000000001"));
    public const int Owners = 100;

    /// <summary>The owner of account n (n % 100).</summary>
    public static UserId Owner(int index) => new(Guid.Parse($"0000000a-0000-4000-8000-{index:x12}"));

    public static async Task<CrmDatabase> OpenAsync(string provider, int accounts, Microsoft.Extensions.Logging.ILoggerFactory? logging = null)
    {
        var database = provider == "sqlite" ? Sqlite(accounts, logging) : Postgres(accounts, logging);
        await database.MigrateAsync();
        await using var db = database.Open(Tenant);
        if (await db.Accounts.CountAsync() == accounts)
            return database;
        var started = System.Diagnostics.Stopwatch.StartNew();
        var pipeline = DefaultPipeline.Create(Tenant, null, null).AsT0;
        db.Pipelines.Add(pipeline);
        if (await db.SaveAsync() is { IsSaved: false } failed)
            throw new InvalidOperationException($"Seeding failed: {failed}");
        var sql = new SeedSql(provider == "postgres", accounts, pipeline);
        // Through the connection, not ExecuteSqlRaw: that one reads the JSON documents' braces as format placeholders.
        var connection = db.Database.GetDbConnection();
        await connection.OpenAsync();
        foreach (var statement in sql.Statements())
        {
            await using var command = connection.CreateCommand();
            (command.CommandText, command.CommandTimeout) = (statement, 3600);
            await command.ExecuteNonQueryAsync();
        }
        Console.WriteLine($"// seeded {accounts:N0} accounts with their contacts, orders and occurrences in {started.Elapsed:g}");
        return database;
    }

    private static CrmDatabase Sqlite(int accounts, Microsoft.Extensions.Logging.ILoggerFactory? logging)
    {
        var folder = Directory.CreateDirectory(Path.Combine(Path.GetTempPath(), "crm-indicators-bench"));
        return new CrmDatabase(new CrmPersistenceOptions().UseSqlite(Path.Combine(folder.FullName, $"accounts-{accounts}.db")), logging);
    }

    private static CrmDatabase Postgres(int accounts, Microsoft.Extensions.Logging.ILoggerFactory? logging)
    {
        var server = Environment.GetEnvironmentVariable("CRM_TEST_POSTGRES")
            ?? throw new InvalidOperationException("Set CRM_TEST_POSTGRES (source scripts/postgres.sh) to benchmark PostgreSQL.");
        var name = $"crm_indicators_{accounts}";
        using (var connection = new NpgsqlConnection(server))
        {
            connection.Open();
            using var exists = new NpgsqlCommand($"SELECT 1 FROM pg_database WHERE datname = '{name}'", connection);
            if (exists.ExecuteScalar() is null)
            {
                using var create = new NpgsqlCommand($"CREATE DATABASE {name}", connection);
                create.ExecuteNonQuery();
            }
        }
        return new CrmDatabase(new CrmPersistenceOptions().UsePostgres(new NpgsqlConnectionStringBuilder(server) { Database = name }.ConnectionString), logging);
    }

    /// <summary>The seeding statements of one provider; every value in them is a constant of this class or a number.</summary>
    private sealed class SeedSql(bool postgres, int accounts, Pipeline pipeline)
    {
        private const long Epoch = 1_764_547_200; // 2025-12-01T00:00:00Z in Unix seconds

        public IEnumerable<string> Statements()
        {
            var stages = pipeline.Stages.Select(s => s.Id.Value.ToString()).ToArray();
            yield return Insert("Accounts", "TenantId, Id, Integration, ErpSituation, Version, MergedFrom, Data, History, OwnerId, LegalName, RegisteredAt, ClientType",
                $"{TenantKey()}, {Id(1, "n")}, 'none', CASE n % 3 WHEN 0 THEN 'Active' WHEN 1 THEN 'Inactive' ELSE 'NotIntegrated' END, 1, {(postgres ? "'{}'" : "'[]'")}, " +
                $"'{{\"ClientType\":\"T' || (n % 5) || '\"}}', '{{\"Changes\":[{{\"At\":\"' || {Iso("n % 365", "n % 86400")} || '\",\"By\":\"{Owner(0).Value}\",\"Fields\":[]}}]}}', " +
                $"{Id(10, "n % " + Owners)}, 'Cliente ' || n, {Moment("n % 365", "n % 86400")}, 'T' || (n % 5)", accounts);
            yield return Insert("Leads", "TenantId, Id, Status, Version, Data, History, OwnerId, LegalName, RegisteredAt",
                $"{TenantKey()}, {Id(2, "n")}, 'Open', 1, '{{}}', '{{\"Changes\":[{{\"At\":\"' || {Iso("n % 365", "n % 86400")} || '\",\"By\":\"{Owner(0).Value}\",\"Fields\":[]}}]}}', " +
                $"{Id(10, "n % " + Owners)}, 'Lead ' || n, {Moment("n % 365", "n % 86400")}", accounts / 10);
            yield return Insert("Contacts", "TenantId, Id, Owner, Name, Phones, Emails, Marketing, History, Version, OwnerAccount, HasEmail, HasPhone, OptInEmail",
                $"{TenantKey()}, {Id(3, "n")}, 'account:' || lower({Text(Id(1, "n"))}), 'Contato ' || n, " +
                "CASE WHEN n % 4 = 0 THEN '[]' ELSE '[{\"Type\":\"Mobile\",\"Number\":\"(11) 98765-4321\"}]' END, " +
                "CASE WHEN n % 5 = 0 THEN '[]' ELSE '[{\"Address\":\"c' || n || '@exemplo.com.br\"}]' END, " +
                $"CASE WHEN n % 3 = 0 THEN '[]' ELSE '[{{\"Channel\":\"Email\",\"OptedIn\":true,\"On\":\"' || {Day("n % 365")} || '\",\"Source\":\"site\"}}]' END, " +
                $"'{{}}', 1, {Id(1, "n")}, {Bool("n % 5 <> 0")}, {Bool("n % 4 <> 0")}, CASE WHEN n % 3 = 0 THEN NULL ELSE {DayValue("n % 365")} END", accounts);
            yield return Insert("SalesOrders", "TenantId, Id, Status, Customer, Seller, IssueDate, Discount, Header, Items, Approvals, History, BlockReasons, Version, Total",
                $"{TenantKey()}, {Id(4, "n")}, {OrderStatus}, {Id(1, "n")}, {Id(10, "n % " + Owners)}, " +
                $"{DayValue("n % 365")}, {Money("0")}, '{{}}', {Json("'[{\"product\":\"P' || (n % 500) || '\",\"quantity\":' || (1 + n % 7) || ',\"status\":0,\"values\":{\"total\":' || (10 + n % 90) || '.50}},{\"product\":\"P' || ((n * 7) % 500) || '\",\"quantity\":2,\"status\":' || CASE WHEN n % 10 = 0 THEN 1 ELSE 0 END || ',\"values\":{\"total\":99.90}}]'")}, " +
                $"{Json("'[]'")}, {Json("'[]'")}, {Json("'[]'")}, 1, {Money("(110 + n % 90) || '.40'")}", accounts);
            yield return Insert("Opportunities", "TenantId, Id, Pipeline, CreatedAt, Title, Account, Owner, Status, Version, StageHistory, Tasks, ValueAmount, ValueCurrency, CurrentStage, StageEnteredAt, LatestStageEntry",
                $"{TenantKey()}, {Id(5, "n")}, {Literal(pipeline.Id.Value)}, {Moment("n % 300", "0")}, 'Negócio ' || n, {Id(1, "n * 10")}, {Id(10, "n % " + Owners)}, " +
                $"CASE n % 3 WHEN 0 THEN 'Won' WHEN 1 THEN 'Open' ELSE 'Lost' END, 1, {Json(History(stages))}, {Json("'[]'")}, {Money("(1000 + n % 5000) || '.00'")}, 'BRL', " +
                $"CASE n % 3 WHEN 0 THEN {Literal(pipeline.Stages[4].Id.Value)} WHEN 1 THEN {Literal(pipeline.Stages[2].Id.Value)} ELSE {Literal(pipeline.Stages[5].Id.Value)} END, " +
                $"{Moment("n % 300 + 10", "0")}, {Moment("n % 300 + 10", "0")}", accounts / 10);
            // The items of each order as the model keeps them beside its document (SalesOrderItems), with their order's status,
            // date and seller: two per order, the second cancelled on every tenth.
            var order = $"{OrderStatus}, {DayValue("n % 365")}, {Id(10, "n % " + Owners)}";
            yield return Insert("SalesOrderItems", "TenantId, Order, Item, Product, Quantity, Total, IsOpen, Status, IssueDate, Seller",
                $"{TenantKey()}, {Id(4, "n")}, {Id(7, "n")}, 'P' || (n % 500), {Money("(1 + n % 7)")}, {Money("(10 + n % 90) || '.50'")}, {Bool(postgres ? "true" : "1")}, {order}", accounts);
            yield return Insert("SalesOrderItems", "TenantId, Order, Item, Product, Quantity, Total, IsOpen, Status, IssueDate, Seller",
                $"{TenantKey()}, {Id(4, "n")}, {Id(8, "n")}, 'P' || ((n * 7) % 500), {Money("2")}, {Money("'99.90'")}, {Bool("n % 10 <> 0")}, {order}", accounts);
            yield return Insert("Occurrences", "TenantId, Id, Account, Channel, Reason, IsComplaint, Priority, Status, OpenedBy, OpenedAt, ResponseTarget, ResponseDue, Description, History, Version, Attendant, Product, AnsweredAt, ResponseSeconds, AnsweredLate",
                $"{TenantKey()}, {Id(6, "n")}, {Id(1, "n")}, CASE n % 6 WHEN 0 THEN 'Email' WHEN 1 THEN 'Phone' WHEN 2 THEN 'Email' WHEN 3 THEN 'Chat' WHEN 4 THEN 'SocialMedia' ELSE 'InPerson' END, " +
                $"CASE n % 3 WHEN 0 THEN 'RECL' ELSE 'DUV' END, {Bool("n % 3 = 0")}, 'Normal', CASE WHEN n % 5 = 0 THEN 'Open' ELSE 'Answered' END, {Id(10, "0")}, " +
                $"{Moment("n % 365", "n % 86400")}, {Duration(86_400)}, {Moment("n % 365 + 1", "n % 86400")}, 'Pedido', '[]', 1, {Id(10, "n % " + Owners)}, 'P' || (n % 500), " +
                $"CASE WHEN n % 5 = 0 THEN NULL ELSE {Moment("n % 365", "n % 86400 + (n % 97) * 1000")} END, CASE WHEN n % 5 = 0 THEN NULL ELSE (n % 97) * 1000 END, " +
                $"CASE WHEN n % 5 = 0 THEN NULL ELSE {Bool("(n % 97) * 1000 > 86400")} END", accounts);
            // Statistics for the planner, and on PostgreSQL the visibility map too: without it no index-only scan skips the heap.
            yield return postgres ? "VACUUM ANALYZE" : "ANALYZE";
        }

        private const string OrderStatus = "CASE n % 4 WHEN 0 THEN 'Draft' WHEN 1 THEN 'Released' ELSE 'Sent' END";

        private string History(string[] stages) =>
            $"'[{{\"Stage\":\"{stages[0]}\",\"Entered\":' || {InJson(Moment("n % 300", "0"))} || ',\"Left\":' || {InJson(Moment("n % 300 + 10", "0"))} || '}},"
            + $"{{\"Stage\":\"' || CASE n % 3 WHEN 0 THEN '{stages[4]}' WHEN 1 THEN '{stages[2]}' ELSE '{stages[5]}' END || '\",\"Entered\":' || {InJson(Moment("n % 300 + 10", "0"))} || ',\"Left\":null}}]'";

        private string Insert(string table, string columns, string values, int count) => postgres
            ? $"INSERT INTO \"{table}\" ({Quoted(columns)}) SELECT {values} FROM generate_series(1, {count}) AS s(n)"
            : $"WITH RECURSIVE s(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM s WHERE n < {count}) INSERT INTO \"{table}\" ({Quoted(columns)}) SELECT {values} FROM s";

        private static string Quoted(string columns) => string.Join(", ", columns.Split(", ").Select(c => $"\"{c}\""));

        private string TenantKey() => Literal(Tenant.Value);

        private string Literal(Guid id) => postgres ? $"'{id}'::uuid" : $"'{id.ToString().ToUpperInvariant()}'";

        // A deterministic id of kind k for number n: 0000000k-0000-4000-8000-<n in hex>.
        private string Id(int kind, string n) => postgres
            ? $"('{kind:x8}-0000-4000-8000-' || lpad(to_hex({n}), 12, '0'))::uuid"
            : $"printf('{kind:X8}-0000-4000-8000-%012X', {n})";

        private string Text(string value) => postgres ? $"({value})::text" : value;

        private string Day(string days) => postgres
            ? $"to_char(date '2025-12-01' + ({days}), 'YYYY-MM-DD')"
            : $"date('2025-12-01', '+' || ({days}) || ' days')";

        private string DayValue(string days) => postgres ? $"date '2025-12-01' + ({days})" : Day(days);

        private string Iso(string days, string seconds) => postgres
            ? $"to_char(timestamp '2025-12-01' + ({days}) * interval '1 day' + ({seconds}) * interval '1 second', 'YYYY-MM-DD\"T\"HH24:MI:SS\"Z\"')"
            : $"strftime('%Y-%m-%dT%H:%M:%SZ', {Epoch} + ({days}) * 86400 + ({seconds}), 'unixepoch')";

        private string Moment(string days, string seconds) => postgres
            ? $"to_timestamp({Epoch} + ({days}) * 86400 + ({seconds}))"
            : $"(({Epoch} + ({days}) * 86400 + ({seconds})) * 1000000000)";

        // An instant inside a JSON document: ISO text on PostgreSQL (as Npgsql writes it), nanoseconds on SQLite.
        private string InJson(string moment) => postgres
            ? $"'\"' || to_char({moment} AT TIME ZONE 'UTC', 'YYYY-MM-DD\"T\"HH24:MI:SS\"Z\"') || '\"'"
            : moment;

        private string Duration(long seconds) => postgres ? $"interval '{seconds} seconds'" : $"{seconds * 1_000_000_000L}";

        private string Money(string text) => postgres ? $"({text})::numeric" : $"{text}";

        private string Json(string text) => postgres ? $"({text})::jsonb" : text;

        private static string Bool(string condition) => $"({condition})";
    }
}
