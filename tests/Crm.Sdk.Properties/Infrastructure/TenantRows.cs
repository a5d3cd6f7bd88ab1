using System.Data.Common;
using System.Globalization;
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

    public static async Task<TenantRows> ReadAsync(CrmDbContext db, TenantId tenant)
    {
        var tables = db.Model.GetEntityTypes()
            .Where(t => t.GetTableName() is not null && t.GetProperties().Any(p => p.GetColumnName() == "TenantId"))
            .Select(t => t.GetTableName()!).Distinct().Order(StringComparer.Ordinal).ToList();
        var connection = db.Database.GetDbConnection();
        await db.Database.OpenConnectionAsync();
        var rows = new SortedDictionary<string, string[]>(StringComparer.Ordinal);
        foreach (var table in tables)
        {
            await using var command = connection.CreateCommand();
            command.CommandText = $"SELECT * FROM \"{table}\" WHERE LOWER(CAST(\"TenantId\" AS TEXT)) = @tenant";
            var parameter = command.CreateParameter();
            parameter.ParameterName = "@tenant";
            parameter.Value = tenant.Value.ToString("D");
            command.Parameters.Add(parameter);
            var lines = new List<string>();
            await using (var reader = await command.ExecuteReaderAsync())
                while (await reader.ReadAsync())
                    lines.Add(Line(reader));
            lines.Sort(StringComparer.Ordinal);
            rows[table] = [.. lines];
        }
        return new TenantRows(rows);
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

    private static string Line(DbDataReader reader)
    {
        var values = new string[reader.FieldCount];
        for (var i = 0; i < reader.FieldCount; i++)
            values[i] = $"{reader.GetName(i)}={Text(reader.IsDBNull(i) ? null : reader.GetValue(i))}";
        return string.Join("|", values);
    }

    private static string Text(object? value) => value switch
    {
        null => "∅",
        byte[] bytes => Convert.ToHexString(bytes),
        IFormattable formattable => formattable.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? "",
    };

    private static string Short(string row) => row.Length <= 300 ? row : row[..300] + "…";
}
