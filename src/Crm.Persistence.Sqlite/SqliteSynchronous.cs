using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Crm.Persistence.Sqlite;

/// <summary>
/// Sets <c>PRAGMA synchronous=NORMAL</c> on every connection EF opens (the setting is per connection, not stored in the
/// file): <see cref="SqliteDurability.Normal"/>.
/// </summary>
internal sealed class SqliteSynchronous : DbConnectionInterceptor
{
    private const string Pragma = "PRAGMA synchronous=NORMAL";

    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData) => Apply(connection);

    // A pragma completes at once, without I/O: the synchronous call serves both.
    public override Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData,
        CancellationToken cancellationToken = default)
    {
        Apply(connection);
        return Task.CompletedTask;
    }

    private static void Apply(DbConnection connection)
    {
        using var command = connection.CreateCommand();
        command.CommandText = Pragma;
        command.ExecuteNonQuery();
    }
}
