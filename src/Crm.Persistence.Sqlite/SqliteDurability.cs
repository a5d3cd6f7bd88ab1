// In the namespace of UseSqlite, which takes it.
namespace Crm.Persistence;

/// <summary>
/// How much of a SQLite database survives a power loss or an operating-system crash. Either way the database is written
/// ahead (WAL) and stays consistent when the process is killed; the choice is how often SQLite waits for the disk
/// (<c>PRAGMA synchronous</c>, https://www.sqlite.org/pragma.html#pragma_synchronous).
/// </summary>
public enum SqliteDurability
{
    /// <summary>
    /// <c>synchronous=FULL</c> (the default): every committed transaction is on the disk before the use case returns, at
    /// the cost of one disk flush per commit (milliseconds on most disks).
    /// </summary>
    Full,

    /// <summary>
    /// <c>synchronous=NORMAL</c>: commits do not wait for the disk (it is flushed at checkpoints). The database stays
    /// consistent after any crash, but a power loss or an OS crash may lose the last transactions committed before it.
    /// </summary>
    Normal,
}
