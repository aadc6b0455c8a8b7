using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Suno.Application.Common.Interfaces;
using Suno.Infrastructure.Configuration;
using Suno.Infrastructure.Persistence;
using Suno.Infrastructure.Persistence.Configurations;

namespace Suno.Infrastructure.Upstream.Accounts;

/// <summary>
/// Writes an account's state (its cookie encrypted, session id, credits, status; never a JWT) to the Accounts table. Works without a
/// database too (no <see cref="ISunoDbContext"/> registered): the accounts then live in memory only. A failed
/// write is logged, never thrown at the caller: the upstream call it follows has already happened.
/// </summary>
public sealed partial class AccountStore(
    IServiceScopeFactory scopes,
    IOptions<SunoOptions> connection,
    CookieProtector cookies,
    ILogger<AccountStore> logger)
{
    internal bool ShouldPersist(AccountSession session) => !session.IsRequestAccount || connection.Value.PersistRequestAccounts;

    internal async Task SaveAsync(AccountSession session, CancellationToken cancellationToken)
    {
        if (!ShouldPersist(session))
        {
            return;
        }

        await session.PersistGate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetService<ISunoDbContext>();
            if (db is null)
            {
                return;
            }

            if (!session.Persisted && !await db.Accounts.AnyAsync(a => a.Id == session.Id, cancellationToken).ConfigureAwait(false))
            {
                db.Accounts.Add(session.Account);
            }
            else
            {
                db.Accounts.Update(session.Account);
            }

            // The cookie goes to the database encrypted only.
            ((DbContext)db).Entry(session.Account).Property<string>(SunoAccountConfiguration.StoredCookie).CurrentValue =
                cookies.Protect(session.Read(a => a.Cookie));

            await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
            session.Persisted = true;
        }
        catch (Exception ex) when (ex is DbUpdateException or InvalidOperationException or InvalidCastException)
        {
            LogSaveFailed(ex, session.Id);
        }
        finally
        {
            session.PersistGate.Release();
        }
    }

    /// <summary>
    /// After plain cookies were encrypted: SQLite rewrites its file (VACUUM) and empties its WAL, so no copy of the
    /// plain values stays behind in free pages. PostgreSQL's own VACUUM reclaims dead rows in time.
    /// </summary>
    internal async Task CompactAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        if (scope.ServiceProvider.GetService<ISunoDbContext>() is SqliteSunoDbContext sqlite)
        {
            await sqlite.Database.ExecuteSqlRawAsync("VACUUM;", cancellationToken).ConfigureAwait(false);
            await sqlite.Database.ExecuteSqlRawAsync("PRAGMA wal_checkpoint(TRUNCATE);", cancellationToken).ConfigureAwait(false);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not save the state of account {AccountId}")]
    private partial void LogSaveFailed(Exception exception, string accountId);
}
