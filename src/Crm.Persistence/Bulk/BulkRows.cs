using System.Collections.Concurrent;
using System.Data.Common;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;

namespace Crm.Persistence.Bulk;

/// <summary>
/// The added rows a save writes in bulk: of each entity type EF maps flat (<see cref="BulkTable"/>), the added entries
/// when there are at least <see cref="Threshold"/> of them; fewer go through EF, whose per-row cost is small then.
/// </summary>
internal sealed class BulkRows
{
    /// <summary>Rows of one type below this go through EF.</summary>
    public const int Threshold = 32;

    private static readonly ConcurrentDictionary<IEntityType, BulkTable?> Tables = new();

    private BulkRows(List<(BulkTable Table, List<EntityEntry> Rows)> groups) => Groups = groups;

    /// <summary>Each table with its added rows.</summary>
    public IReadOnlyList<(BulkTable Table, List<EntityEntry> Rows)> Groups { get; }

    /// <summary>How many rows the groups hold.</summary>
    public int Count => Groups.Sum(g => g.Rows.Count);

    /// <summary>The added entries of <paramref name="tracker"/> worth a bulk write, or null when none is.</summary>
    public static BulkRows? Of(ChangeTracker tracker)
    {
        var added = new Dictionary<IEntityType, List<EntityEntry>>();
        foreach (var entry in tracker.Entries())
            if (entry.State == EntityState.Added)
            {
                if (!added.TryGetValue(entry.Metadata, out var rows))
                    added[entry.Metadata] = rows = [];
                rows.Add(entry);
            }
        var groups = added.Where(a => a.Value.Count >= Threshold)
            .Select(a => (Table: Tables.GetOrAdd(a.Key, BulkTable.Of), Rows: a.Value))
            .Where(g => g.Table is not null).Select(g => (g.Table!, g.Rows)).ToList();
        return groups.Count == 0 ? null : new BulkRows(groups);
    }

    /// <summary>The rows are in the database: EF saves only the rest (and, on a failure after, they are added again).</summary>
    public void Accept(EntityState state)
    {
        foreach (var (_, rows) in Groups)
            foreach (var entry in rows)
                entry.State = state;
    }

    /// <summary>
    /// Writes <paramref name="rows"/> as multi-row INSERTs of one prepared statement per chunk, in the context's transaction
    /// (the default writer: SQLite; PostgreSQL's context copies instead).
    /// </summary>
    public static async Task InsertAsync(DbContext db, BulkTable table, IReadOnlyList<EntityEntry> rows, CancellationToken cancellationToken)
    {
        var sql = db.GetService<ISqlGenerationHelper>();
        var perStatement = Math.Max(1, ParametersPerStatement / table.Columns.Count);
        var connection = db.Database.GetDbConnection();
        DbCommand? command = null;
        try
        {
            for (var first = 0; first < rows.Count; first += perStatement)
            {
                var count = Math.Min(perStatement, rows.Count - first);
                if (command is null || command.Parameters.Count != count * table.Columns.Count)
                {
                    if (command is not null)
                        await command.DisposeAsync().ConfigureAwait(false);
                    command = connection.CreateCommand();
                    command.Transaction = db.Database.CurrentTransaction?.GetDbTransaction();
                    command.CommandText = Insert(sql, table, count);
                    await command.PrepareAsync(cancellationToken).ConfigureAwait(false);
                }
                command.Parameters.Clear();
                for (var r = 0; r < count; r++)
                {
                    var entry = rows[first + r];
                    for (var c = 0; c < table.Columns.Count; c++)
                    {
                        var column = table.Columns[c];
                        command.Parameters.Add(column.Mapping.CreateParameter(command, $"@p{r * table.Columns.Count + c}", column.ModelValue(entry)));
                    }
                }
                await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
            }
        }
        finally
        {
            if (command is not null)
                await command.DisposeAsync().ConfigureAwait(false);
        }
    }

    // SQLite takes up to 32,766 parameters a statement, but Microsoft.Data.Sqlite binds each by name, and SQLite finds a
    // name by a scan of the statement's names: binding n parameters costs n² comparisons (a profile of 10⁴-row chunks
    // spent its time there). A few hundred parameters a statement keep binding linear and statements few.
    private const int ParametersPerStatement = 256;

    private static string Insert(ISqlGenerationHelper sql, BulkTable table, int rows)
    {
        var text = new StringBuilder("INSERT INTO ").Append(sql.DelimitIdentifier(table.Name, table.Schema)).Append(" (")
            .AppendJoin(", ", table.Columns.Select(c => sql.DelimitIdentifier(c.Name))).Append(") VALUES ");
        for (var r = 0; r < rows; r++)
        {
            text.Append(r == 0 ? "(" : ", (");
            for (var c = 0; c < table.Columns.Count; c++)
                text.Append(c == 0 ? "@p" : ", @p").Append(r * table.Columns.Count + c);
            text.Append(')');
        }
        return text.ToString();
    }
}
