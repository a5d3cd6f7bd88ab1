using System.Runtime.Versioning;

namespace Crm.Cli.Tests;

/// <summary>A <c>--db</c> that cannot hold the demo's database: one line on the error writer, exit 2, no stack trace.</summary>
[UnsupportedOSPlatform("windows")] // file modes, sysfs
public sealed class DemoDatabasePathTests : IDisposable
{
    private readonly DirectoryInfo _folder = Directory.CreateTempSubdirectory("crm-db-");

    public void Dispose()
    {
        SqliteFolders.Release(_folder);
        foreach (var folder in _folder.EnumerateDirectories())
            folder.UnixFileMode |= UnixFileMode.UserWrite;
        _folder.Delete(recursive: true);
    }

    [Fact]
    public void A_missing_folder() =>
        CliRun.Of("demo", "--db", Path.Combine(_folder.FullName, "missing", "demo.db"))
            .AssertUsageError($"folder not found: {Path.Combine(_folder.FullName, "missing")}");

    [Fact]
    public void A_folder() =>
        CliRun.Of("demo", "--db", _folder.FullName).AssertUsageError($"--db {_folder.FullName} is a folder, not a database file");

    [Fact]
    public void An_empty_path() =>
        CliRun.Of("demo", "--db", "").AssertUsageError("--db needs a file path");

    [Fact]
    public void A_file_without_permission()
    {
        // root ignores file modes, so as root the test uses sysfs, where even root cannot create a file.
        string path;
        if (Environment.IsPrivilegedProcess)
            path = "/sys/crm-demo.db";
        else
        {
            var locked = _folder.CreateSubdirectory("locked");
            locked.UnixFileMode = UnixFileMode.UserRead | UnixFileMode.UserExecute;
            path = Path.Combine(locked.FullName, "demo.db");
        }

        CliRun.Of("demo", "--db", path).AssertUsageError($"--db {path}: permission denied");
    }

    [Fact]
    public void A_file_that_is_not_a_database_is_left_untouched()
    {
        var path = Path.Combine(_folder.FullName, "notes.txt");
        File.WriteAllText(path, "my notes, not a database\n");

        CliRun.Of("demo", "--db", path).AssertUsageError($"--db {path} is not a SQLite database");
        Assert.Equal("my notes, not a database\n", File.ReadAllText(path));
    }

    [Fact]
    public void A_damaged_database_is_reported_by_sqlite_in_one_line()
    {
        var path = Path.Combine(_folder.FullName, "damaged.db");
        File.WriteAllBytes(path, [.. "SQLite format 3\0"u8, .. Enumerable.Repeat((byte)'x', 200)]);

        CliRun.Of("demo", "--db", path).AssertUsageError($"--db {path} cannot be used: SQLite Error");
    }
}
