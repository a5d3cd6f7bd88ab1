using Crm.Domain.Identity;
using Crm.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Crm.Sdk.Properties.Infrastructure;

/// <summary>
/// Every stored row of one tenant, table by table, as text: read with plain SQL (not through the engine or EF's
/// materialization), so that two snapshots differ exactly when something of the tenant was written.
/// </summary>
public sealed class TenantRows
{
    private readonly SortedDictionary<string, string[]> _tables;

    private TenantRows(SortedDictionary<string, string[]> tables) => _tables = tables;

    public IReadOnlyDictionary<string, string[]> Tables => _tables;

    /// <summary>
    /// Reads every row of <paramref name="tenant"/> in one round trip: one SELECT per table of the model that has a
    /// <c>TenantId</c> column, each row's columns cast to text and joined, all tables in one UNION ALL.
    /// </summary>
    public static async Task<TenantRows> ReadAsync(CrmDbContext db, TenantId tenant)
    {
        var tables = db.Model.GetEntityTypes()
            .Select(t => (Table: t.GetTableName(), Columns: t.GetProperties().Select(p => p.GetColumnName())))
            .Where(t => t.Table is not null)
            .GroupBy(t => t.Table!, StringComparer.Ordinal)
            .Select(g => (Table: g.Key, Columns: g.SelectMany(t => t.Columns).Distinct().Order(StringComparer.Ordinal).ToList()))
            .Where(t => t.Columns.Contains("TenantId"))
            .OrderBy(t => t.Table, StringComparer.Ordinal)
            .ToList();
        var sql = string.Join("\nUNION ALL\n", tables.Select(t =>
            $"SELECT '{t.Table}' AS t, " + string.Join(" || '|' || ", t.Columns.Select(c => $"'{c}=' || COALESCE(CAST(\"{c}\" AS TEXT), '∅')")) +
            $" AS r FROM \"{t.Table}\" WHERE LOWER(CAST(\"TenantId\" AS TEXT)) = @tenant"));
        var rows = tables.ToDictionary(t => t.Table, _ => new List<string>(), StringComparer.Ordinal);
        await db.Database.OpenConnectionAsync();
        await using (var command = db.Database.GetDbConnection().CreateCommand())
        {
            command.CommandText = sql;
            var parameter = command.CreateParameter();
            parameter.ParameterName = "@tenant";
            parameter.Value = tenant.Value.ToString("D");
            command.Parameters.Add(parameter);
            await using var reader = await command.ExecuteReaderAsync();
            while (await reader.ReadAsync())
                rows[reader.GetString(0)].Add(reader.GetString(1));
        }
        return new TenantRows(new SortedDictionary<string, string[]>(
            rows.ToDictionary(r => r.Key, r => r.Value.Order(StringComparer.Ordinal).ToArray()), StringComparer.Ordinal));
    }

    /// <summary>The tables whose rows differ between the two snapshots, with the rows only one of them holds.</summary>
    public IReadOnlyList<string> Differences(TenantRows after)
    {
        var differences = new List<string>();
        foreach (var (table, before) in _tables)
        {
            var now = after._tables[table];
            if (before.SequenceEqual(now))
                continue;
            var gone = before.Except(now).ToList();
            var added = now.Except(before).ToList();
            differences.Add($"{table}: -{gone.Count} +{added.Count} rows" +
                string.Concat(gone.Take(2).Select(r => $"\n    - {Short(r)}")) + string.Concat(added.Take(2).Select(r => $"\n    + {Short(r)}")));
        }
        return differences;
    }

    /// <summary>The names of the tables whose rows differ.</summary>
    public IReadOnlySet<string> ChangedTables(TenantRows after) =>
        _tables.Where(t => !t.Value.SequenceEqual(after._tables[t.Key])).Select(t => t.Key).ToHashSet();

    public int Count(string table) => _tables.TryGetValue(table, out var rows) ? rows.Length : 0;

    private static string Short(string row) => row.Length <= 300 ? row : row[..300] + "…";
}
