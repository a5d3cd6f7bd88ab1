using System.Collections.Concurrent;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Crm.Persistence.Model;

/// <summary>
/// Plain columns copied from inside an aggregate's JSON document (owner, company, names, tax id) so that queries filter
/// and sort on indexed columns. They are written from the aggregate on every save, never set by hand, and read in
/// queries through <c>EF.Property</c> (see <see cref="CrmQueries"/>).
/// </summary>
internal static class SearchColumns
{
    private static readonly ConcurrentDictionary<Type, List<(string Column, Func<object, object?> Read)>> Columns = new();

    public static PropertyBuilder<TValue> Map<T, TValue>(EntityTypeBuilder<T> builder, string column, Func<T, TValue> read)
        where T : class
    {
        var list = Columns.GetOrAdd(typeof(T), _ => []);
        lock (list)
            if (!list.Exists(c => c.Column == column))
                list.Add((column, o => read((T)o)));
        return builder.Property<TValue>(column);
    }

    public static void Refresh(EntityEntry entry)
    {
        if (!Columns.TryGetValue(entry.Metadata.ClrType, out var columns))
            return;
        foreach (var (column, read) in columns)
            entry.Property(column).CurrentValue = read(entry.Entity);
    }
}
