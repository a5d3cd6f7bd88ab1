using Crm.Persistence.Sqlite;

// In the namespace of the builders it extends, so UseSqlite is found wherever CrmPersistenceOptions is.
namespace Crm.Persistence;

/// <summary>Chooses SQLite for Crm.Sdk's data.</summary>
public static class CrmSqliteExtensions
{
    /// <summary>
    /// Stores the data in the SQLite file at <paramref name="path"/> (created when missing; relative to the current folder),
    /// with the Data Protection key ring in <c>&lt;file&gt;.keys</c> next to it unless
    /// <see cref="CrmPersistenceOptions.KeyRingFolder"/> says otherwise.
    /// </summary>
    /// <param name="builder">The persistence options, or a builder holding them.</param>
    /// <param name="path">The database file.</param>
    /// <param name="durability">
    /// Whether each commit waits for the disk (<see cref="SqliteDurability.Full"/>, the default) or not
    /// (<see cref="SqliteDurability.Normal"/>: faster writes; a power loss may lose the last commits, never the database).
    /// </param>
    /// <typeparam name="T">The builder's type, returned for chaining.</typeparam>
    public static T UseSqlite<T>(this T builder, string path, SqliteDurability durability = SqliteDurability.Full)
        where T : ICrmDatabaseBuilder
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Database.UseProvider(new SqliteProvider(path, durability));
        return builder;
    }
}
