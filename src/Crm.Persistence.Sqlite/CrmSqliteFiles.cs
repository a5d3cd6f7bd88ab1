using Crm.Persistence.Sqlite;
using Microsoft.Data.Sqlite;

// Beside UseSqlite, in the namespace hosts already import for it.
namespace Crm.Persistence;

/// <summary>The SQLite files Crm.Sdk keeps open.</summary>
public static class CrmSqliteFiles
{
    /// <summary>
    /// Closes the pooled idle connections the engine keeps to the database file at <paramref name="path"/> (a connection in
    /// use closes when it is returned), so the file can be deleted, moved or copied. Only this file's pool:
    /// <see cref="SqliteConnection.ClearAllPools"/> closes every file's, and a clear that runs while other code opens a
    /// connection can dispose that connection's handle.
    /// </summary>
    public static void ReleaseConnections(string path)
    {
        using var connection = new SqliteConnection(SqliteProvider.ConnectionStringOf(Path.GetFullPath(path)));
        SqliteConnection.ClearPool(connection);
    }
}
