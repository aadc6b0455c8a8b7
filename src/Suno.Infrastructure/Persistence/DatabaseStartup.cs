using System.Data.Common;
using System.Globalization;
using System.Net.Sockets;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace Suno.Infrastructure.Persistence;

/// <summary>The server database could not be reached at start within Database:StartupRetrySeconds; its message is one line.</summary>
public sealed class DatabaseUnavailableException(string message, Exception inner) : Exception(message, inner);

/// <summary>
/// The first connection to a server database, retried with backoff (1 s, doubling, at most 10 s) until it opens or
/// the retry time is over: one warning per failed attempt naming SQL_DSN, the host and the reason (never the
/// password), then <see cref="DatabaseUnavailableException"/>.
/// </summary>
internal static partial class DatabaseStartup
{
    private static readonly TimeSpan MaxDelay = TimeSpan.FromSeconds(10);

    public static async Task WaitForServerAsync(DbContext db, TimeSpan retryFor, TimeProvider clock, ILoggerFactory loggers, CancellationToken cancellationToken)
    {
        var logger = loggers.CreateLogger("Suno.Infrastructure.Persistence.DatabaseStartup");
        var host = db is SqlServerSunoDbContext
            ? SqlServerDsn.HostOf(db.Database.GetConnectionString())
            : HostOf(db.Database.GetConnectionString());
        var deadline = clock.GetUtcNow() + retryFor;
        var delay = TimeSpan.FromSeconds(1);
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await db.Database.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
                await db.Database.CloseConnectionAsync().ConfigureAwait(false);
                return;
            }
            catch (Exception ex) when (ex is DbException or SocketException or TimeoutException or InvalidOperationException { InnerException: DbException or SocketException })
            {
                var reason = Reason(ex);
                var left = deadline - clock.GetUtcNow();
                if (left <= TimeSpan.Zero)
                {
                    throw new DatabaseUnavailableException(
                        string.Create(CultureInfo.InvariantCulture, $"SQL_DSN (Database:Dsn): the database at {host} did not answer within {retryFor.TotalSeconds:0} s ({attempt} attempts; last: {reason}); start it or fix SQL_DSN, or raise Database:StartupRetrySeconds."),
                        ex);
                }

                var wait = delay < left ? delay : left;
                LogAttemptFailed(logger, attempt, host, reason, wait.TotalSeconds);
                await Task.Delay(wait, clock, cancellationToken).ConfigureAwait(false);
                delay = delay * 2 < MaxDelay ? delay * 2 : MaxDelay;
            }
        }
    }

    /// <summary>host:port of an Npgsql connection string; "?" when it has none.</summary>
    internal static string HostOf(string? connectionString)
    {
        try
        {
            var builder = new NpgsqlConnectionStringBuilder(connectionString);
            return string.IsNullOrEmpty(builder.Host) ? "?" : string.Create(CultureInfo.InvariantCulture, $"{builder.Host}:{builder.Port}");
        }
        catch (ArgumentException)
        {
            return "?";
        }
    }

    /// <summary>The innermost message (Connection refused, name not known, password authentication failed ...), on one line.</summary>
    private static string Reason(Exception ex)
    {
        var inner = ex;
        while (inner.InnerException is not null)
        {
            inner = inner.InnerException;
        }

        return inner.Message.ReplaceLineEndings(" ").Trim();
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "SQL_DSN (Database:Dsn): the database at {Host} is not reachable (attempt {Attempt}: {Reason}); retrying in {DelaySeconds:0.#} s")]
    private static partial void LogAttemptFailed(ILogger logger, int attempt, string host, string reason, double delaySeconds);
}
