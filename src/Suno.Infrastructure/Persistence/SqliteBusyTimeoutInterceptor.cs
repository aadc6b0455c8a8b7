using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Suno.Infrastructure.Persistence;

/// <summary>
/// Lets SQLite itself wait for a competing writer. Without a busy timeout, Microsoft.Data.Sqlite meets a locked
/// database by sleeping 150 ms and trying again, so concurrent submissions and the polling worker queue up behind
/// each other in 150 ms steps. SQLite's own busy handler retries within a millisecond or so of the lock's release.
/// </summary>
internal sealed class SqliteBusyTimeoutInterceptor : DbConnectionInterceptor
{
    /// <summary>How long a writer waits for another before SQLite reports the database as busy.</summary>
    public const int BusyTimeoutMilliseconds = 30_000;

    public static SqliteBusyTimeoutInterceptor Instance { get; } = new();

    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData)
    {
        ArgumentNullException.ThrowIfNull(connection);
        using var command = connection.CreateCommand();
        command.CommandText = $"PRAGMA busy_timeout = {BusyTimeoutMilliseconds};";
        command.ExecuteNonQuery();
    }

    public override async Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(connection);
        var command = connection.CreateCommand();
        await using (command.ConfigureAwait(false))
        {
            command.CommandText = $"PRAGMA busy_timeout = {BusyTimeoutMilliseconds};";
            await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }
    }
}
