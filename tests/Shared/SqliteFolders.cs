using Crm.Persistence;

namespace Crm.Tests.Shared;

/// <summary>
/// Test folders holding SQLite files. Their pooled connections are released file by file, never with
/// <c>SqliteConnection.ClearAllPools</c>: that clears every pool in the process, and with test classes running in parallel
/// it disposed the handle of a connection another test was opening ("Cannot access a disposed object: SQLitePCL.sqlite3").
/// </summary>
internal static class SqliteFolders
{
    /// <summary>Closes the engine's pooled connections to every <c>*.db</c> file under <paramref name="folder"/>.</summary>
    public static void Release(DirectoryInfo folder)
    {
        if (!folder.Exists)
            return;
        foreach (var file in folder.EnumerateFiles("*.db", SearchOption.AllDirectories))
            CrmSqliteFiles.ReleaseConnections(file.FullName);
    }

    /// <summary>Releases the folder's files (<see cref="Release"/>), then deletes it.</summary>
    public static void Delete(DirectoryInfo folder)
    {
        Release(folder);
        folder.Delete(recursive: true);
    }
}
