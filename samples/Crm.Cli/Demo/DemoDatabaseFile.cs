namespace Crm.Cli.Demo;

/// <summary>
/// Checks the <c>--db</c> path before SQLite sees it, so a path that cannot hold the demo's database is one clear
/// line (a missing folder, a folder, no permission, a file of another kind) instead of a SQLite stack trace.
/// </summary>
internal static class DemoDatabaseFile
{
    /// <summary>The first 16 bytes of every SQLite 3 database file.</summary>
    private static ReadOnlySpan<byte> SqliteHeader => "SQLite format 3\0"u8;

    /// <summary>Why <paramref name="path"/> cannot hold a SQLite database, in one line; null when it can (an empty or new file, or a SQLite file).</summary>
    public static string? Problem(string path)
    {
        if (string.IsNullOrWhiteSpace(path))
            return "--db needs a file path";
        string full;
        try
        {
            full = Path.GetFullPath(path);
        }
        catch (Exception e) when (e is ArgumentException or NotSupportedException or PathTooLongException)
        {
            return $"--db {path} is not a usable path: {e.Message}";
        }
        if (Directory.Exists(full))
            return $"--db {path} is a folder, not a database file";
        if (Path.GetDirectoryName(full) is { } folder && !Directory.Exists(folder))
            return $"--db {path}: folder not found: {folder}";
        try
        {
            using var file = new FileStream(full, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.ReadWrite | FileShare.Delete);
            Span<byte> header = stackalloc byte[16];
            var read = file.ReadAtLeast(header, header.Length, throwOnEndOfStream: false);
            if (read > 0 && (read < header.Length || !header.SequenceEqual(SqliteHeader)))
                return $"--db {path} is not a SQLite database";
        }
        catch (UnauthorizedAccessException)
        {
            return $"--db {path}: permission denied (the demo reads and writes the file)";
        }
        catch (IOException e)
        {
            return $"--db {path} cannot be opened: {e.Message}";
        }
        return null;
    }
}
