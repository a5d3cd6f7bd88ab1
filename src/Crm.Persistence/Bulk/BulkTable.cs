using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;

namespace Crm.Persistence.Bulk;

/// <summary>
/// The table of an entity type EF maps flat (its properties, and those of its non-JSON complex properties, one column
/// each, alone in its table), read from EF's model: the columns with their type mappings (value converters included), so
/// a bulk writer stores exactly the values EF would.
/// </summary>
internal sealed class BulkTable
{
    private BulkTable(string name, string? schema, IReadOnlyList<BulkColumn> columns) => (Name, Schema, Columns) = (name, schema, columns);

    /// <summary>The table's name.</summary>
    public string Name { get; }

    /// <summary>The table's schema, if any.</summary>
    public string? Schema { get; }

    /// <summary>Every column an INSERT of EF's writes, in the model's order.</summary>
    public IReadOnlyList<BulkColumn> Columns { get; }

    /// <summary>
    /// The table of <paramref name="type"/>, or null when EF does not map it flat or generates a value an INSERT of ours
    /// would miss: navigations, owned or JSON-mapped parts, a table shared with other types, an inheritance hierarchy,
    /// store-generated, computed or defaulted columns.
    /// </summary>
    public static BulkTable? Of(IEntityType type)
    {
        if (type.GetTableName() is not { } name || type.BaseType is not null || type.GetDirectlyDerivedTypes().Any()
            || type.GetNavigations().Any() || type.GetSkipNavigations().Any() || type.IsOwned() || type.IsMappedToJson())
            return null;
        var table = StoreObjectIdentifier.Table(name, type.GetSchema());
        if (type.GetMappingFragments().Any()
            || type.Model.GetEntityTypes().Any(other => other != type && other.GetTableName() == name && other.GetSchema() == type.GetSchema()))
            return null;
        var columns = new List<BulkColumn>();
        foreach (var property in type.GetProperties())
            if (Column(property, table, entry => entry.Property(property).CurrentValue) is { } column)
                columns.Add(column);
            else
                return null;
        foreach (var complex in type.GetComplexProperties())
            if (!Complex(complex, table, entry => entry.ComplexProperty(complex), columns))
                return null;
        return new BulkTable(name, type.GetSchema(), columns);
    }

    // A complex property stored as columns of the entity's own table; null reads as null columns (an optional complex value).
    private static bool Complex(IComplexProperty complex, StoreObjectIdentifier table, Func<EntityEntry, ComplexPropertyEntry> entryOf,
        List<BulkColumn> columns)
    {
        if (complex.IsCollection || complex.ComplexType.IsMappedToJson())
            return false;
        foreach (var property in complex.ComplexType.GetProperties())
        {
            var column = Column(property, table, entry =>
            {
                var parent = entryOf(entry);
                return parent.CurrentValue is null ? null : parent.Property(property).CurrentValue;
            });
            if (column is null)
                return false;
            columns.Add(column);
        }
        foreach (var nested in complex.ComplexType.GetComplexProperties())
            if (!Complex(nested, table, entry => entryOf(entry).ComplexProperty(nested), columns))
                return false;
        return true;
    }

    private static BulkColumn? Column(IProperty property, StoreObjectIdentifier table, Func<EntityEntry, object?> read)
    {
        var generatedByStore = property.ValueGenerated != ValueGenerated.Never && property.GetValueGeneratorFactory() is null;
        if (generatedByStore || property.GetComputedColumnSql(table) is not null || property.GetDefaultValueSql(table) is not null
            || property.TryGetDefaultValue(table, out _) || property.GetColumnName(table) is not { } column)
            return null;
        return new BulkColumn(column, property.GetRelationalTypeMapping(), read);
    }
}

/// <summary>One column of a <see cref="BulkTable"/>: its name, EF's type mapping and how to read a tracked row's value.</summary>
internal sealed class BulkColumn(string name, RelationalTypeMapping mapping, Func<EntityEntry, object?> read)
{
    /// <summary>The column's name.</summary>
    public string Name { get; } = name;

    /// <summary>EF's mapping of the column (store type, value converter, parameter configuration).</summary>
    public RelationalTypeMapping Mapping { get; } = mapping;

    /// <summary>The value of the property in <paramref name="entry"/>, as the model holds it (before conversion).</summary>
    public object? ModelValue(EntityEntry entry) => read(entry);

    /// <summary>The value as the database stores it (EF's value converter applied).</summary>
    public object? ProviderValue(EntityEntry entry) =>
        read(entry) is { } value ? Mapping.Converter is { } converter ? converter.ConvertToProvider(value) : value : null;
}
