using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Suno.Application.Common.Exceptions;
using Suno.Application.Common.Interfaces;
using Suno.Application.Common.Upstream;
using Suno.Infrastructure.Upstream.Studio;

namespace Suno.Infrastructure.Upstream.Accounts;

/// <summary>
/// What Suno's answers do to an account (ADR-013): billing reads (one at a time per account, the result shared by
/// the callers that waited), a generation's 402 (exhausted, then billing is read to tell "no credits" from "a plan
/// limit"), a successful generation (known credits drop by its cost, no read), 429 cooldowns, and the state other
/// processes stored. Singleton; the studio client is resolved per call.
/// </summary>
public sealed partial class AccountLifecycle(
    IServiceProvider services,
    AccountStore store,
    IOptions<UpstreamOptions> options,
    TimeProvider time,
    ILogger<AccountLifecycle> logger)
{
    /// <summary>Billing is read at most this often per account when a submission asks for it.</summary>
    public static readonly TimeSpan OnDemandReadSpacing = TimeSpan.FromSeconds(1);

    private DateTime Now => time.GetUtcNow().UtcDateTime;

    /// <summary>Reads billing now and records it on the account (every billing read of the gateway goes through here).</summary>
    internal async Task<BillingInfo> ReadBillingAsync(AccountSession session, CancellationToken cancellationToken)
    {
        var studio = services.GetRequiredService<SunoStudioClient>();
        var info = await CallAsync(session, () =>
        {
            session.LastBillingAttemptAt = Now;
            return studio.GetBillingInfoAsync(session.ToUpstreamAccount(), cancellationToken);
        }).ConfigureAwait(false);
        session.Mutate(a => a.UpdateCredits(info.CreditsLeft, info.MonthlyLimit, info.MonthlyUsage, info.Period, Now, options.Value.RecheckBackoff));
        await store.SaveAsync(session, CancellationToken.None).ConfigureAwait(false);
        return info;
    }

    /// <summary>
    /// Reads billing unless a read (by this process or, as stored, by another) started after
    /// <paramref name="notBefore"/>. One read at a time per account: concurrent callers wait and share it. A failed
    /// read is logged and postpones a planned check; it is not thrown.
    /// </summary>
    internal async Task RefreshCreditsAsync(AccountSession session, DateTime notBefore, CancellationToken cancellationToken)
    {
        // The gate first, always: a read in flight has its start recorded already, and its callers must wait for
        // its answer, not take its start for a result.
        await session.BillingGate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (ReadSince(session, notBefore))
            {
                return;
            }

            await ReadBillingAsync(session, cancellationToken).ConfigureAwait(false);
        }
        catch (SunoApplicationException ex)
        {
            LogReadFailed(session.Id, ex.ErrorCode);
            if (session.Read(a => a.IsCheckDue(Now)))
            {
                session.Mutate(a => a.PostponeCheck(Now, options.Value.RecheckBackoff));
                await store.SaveAsync(session, CancellationToken.None).ConfigureAwait(false);
            }
        }
        finally
        {
            session.BillingGate.Release();
        }
    }

    /// <summary>A generation answered 402: the account is exhausted, and billing is read at once to say why.</summary>
    internal async Task RecordGenerationRefusedAsync(AccountSession session, string message, CancellationToken cancellationToken)
    {
        var refusedAt = Now;
        session.Mutate(a => a.RecordGenerationRefused(message, refusedAt, options.Value.RecheckBackoff));
        await store.SaveAsync(session, CancellationToken.None).ConfigureAwait(false);
        await RefreshCreditsAsync(session, refusedAt, cancellationToken).ConfigureAwait(false);
        var (planLimited, credits, next) = session.Read(a => (a.PlanLimited, a.CreditsLeft, a.NextCheckAt));
        if (planLimited)
        {
            LogPlanLimited(session.Id, credits, next);
        }
    }

    /// <summary>A generation was accepted: the known credits drop by its cost.</summary>
    internal Task RecordGenerationAsync(AccountSession session)
    {
        session.Mutate(a => a.RecordGeneration(Now));
        return store.SaveAsync(session, CancellationToken.None);
    }

    /// <summary>Suno answered 429 with Retry-After: the account cools down (stored, so every process holds back).</summary>
    private Task RecordRateLimitAsync(AccountSession session, TimeSpan retryAfter)
    {
        var now = Now;
        session.Mutate(a => a.CoolDown(now + retryAfter, now));
        return store.SaveAsync(session, CancellationToken.None);
    }

    /// <summary>
    /// Runs one call to Suno as the account: while the account cools down it fails at once with
    /// <see cref="RateLimitedException"/>, without calling Suno; a 429 with Retry-After starts a cooldown.
    /// </summary>
    internal async Task<T> CallAsync<T>(AccountSession session, Func<Task<T>> call)
    {
        ThrowIfCoolingDown(session);
        try
        {
            return await call().ConfigureAwait(false);
        }
        catch (RateLimitedException ex) when (ex.RetryAfter is { } retryAfter && retryAfter > TimeSpan.Zero)
        {
            await RecordRateLimitAsync(session, retryAfter).ConfigureAwait(false);
            throw;
        }
    }

    private void ThrowIfCoolingDown(AccountSession session)
    {
        var until = session.Read(a => a.CooldownUntil);
        var now = Now;
        if (until is { } u && u > now)
        {
            throw CoolingDown(session.Name, u - now);
        }
    }

    internal static RateLimitedException CoolingDown(string name, TimeSpan remaining)
    {
        var seconds = Math.Max(1, (int)Math.Ceiling(remaining.TotalSeconds));
        return new RateLimitedException(
            $"Suno is rate limiting account '{name}'; it is not used for {seconds.ToString(CultureInfo.InvariantCulture)} s (Suno's Retry-After).",
            TimeSpan.FromSeconds(seconds));
    }

    /// <summary>
    /// Takes the state other processes stored for these accounts (status, credits, checks, cooldowns) when it is
    /// newer than the copy in memory. Without a database this does nothing.
    /// </summary>
    internal async Task SyncFromStoreAsync(IReadOnlyCollection<AccountSession> sessions, CancellationToken cancellationToken)
    {
        var persisted = sessions.Where(store.ShouldPersist).ToDictionary(s => s.Id, StringComparer.Ordinal);
        if (persisted.Count == 0)
        {
            return;
        }

        await using var scope = services.GetRequiredService<IServiceScopeFactory>().CreateAsyncScope();
        var db = scope.ServiceProvider.GetService<ISunoDbContext>();
        if (db is null)
        {
            return;
        }

        try
        {
            var ids = persisted.Keys.ToList();
            var stored = await db.Accounts.AsNoTracking().Where(a => ids.Contains(a.Id)).ToListAsync(cancellationToken).ConfigureAwait(false);
            foreach (var row in stored)
            {
                var session = persisted[row.Id];
                session.Mutate(a => a.AdoptStateFrom(row));
            }
        }
        catch (Exception ex) when (ex is InvalidOperationException or DbUpdateException or InvalidCastException)
        {
            LogSyncFailed(ex);
        }
    }

    private static bool ReadSince(AccountSession session, DateTime notBefore)
    {
        var stored = session.Read(a => a.CreditsRefreshedAt);
        var attempted = session.LastBillingAttemptAt;
        return (stored is { } s && s > notBefore) || (attempted is { } t && t > notBefore);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not read the billing of account {AccountId} ({Reason})")]
    private partial void LogReadFailed(string accountId, string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Suno refused a generation of account {AccountId} (402) although billing shows {Credits} credits: a plan limit or a daily cap; next check at {NextCheckAt:O}")]
    private partial void LogPlanLimited(string accountId, int? credits, DateTime? nextCheckAt);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not read the stored state of the accounts; using the copy in memory")]
    private partial void LogSyncFailed(Exception exception);
}
