using Suno.Application.Common.Tenancy;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Suno.Application.Common.Exceptions;
using Suno.Domain.Accounts;
using Suno.Infrastructure.Upstream.Accounts;

namespace Suno.Infrastructure.Upstream.Clerk;

/// <summary>
/// Keeps each account's Clerk JWT. A request uses the cached JWT while it is fresh (outside
/// Suno:Upstream:TokenRefreshMargin of its exp); otherwise, after a 401 from studio-api, and on the keep-alive
/// interval it is renewed. Renewal is single-flight per account: concurrent callers wait for the one exchange in
/// progress and share its JWT, so a burst of requests costs one token exchange, never one each.
/// </summary>
public sealed partial class SunoSessionManager(
    IServiceProvider services,
    AccountStore store,
    TimeProvider time,
    IOptions<UpstreamOptions> options,
    ILogger<SunoSessionManager> logger)
{
    /// <summary>A fresh JWT for the account: the cached one, or a renewed one.</summary>
    public async ValueTask<string> GetTokenAsync(AccountSession session, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(session);
        if (TryGetFresh(session) is { } jwt)
        {
            return jwt;
        }

        return await RefreshAsync(session, rejectedJwt: null, force: false, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Studio-api refused <paramref name="rejectedJwt"/> (401/403): renew once. When another caller already
    /// replaced that JWT, its replacement is used without a second exchange.
    /// </summary>
    public Task<string> RefreshAfterRejectionAsync(AccountSession session, string rejectedJwt, CancellationToken cancellationToken) =>
        RefreshAsync(session, rejectedJwt, force: false, cancellationToken);

    /// <summary>Keep-alive: renew the session now, whatever the cached JWT's age.</summary>
    public Task<string> KeepAliveAsync(AccountSession session, CancellationToken cancellationToken) =>
        RefreshAsync(session, rejectedJwt: null, force: true, cancellationToken);

    /// <summary>Marks the account invalid at once (its cookie cannot work) and returns the exception to throw.</summary>
    internal async Task<AccountInvalidException> InvalidateAsync(AccountSession session, string reason, CancellationToken cancellationToken)
    {
        var message = RenewMessage(session, reason);
        session.Mutate(a => a.MarkInvalid(message, time.GetUtcNow().UtcDateTime));
        LogInvalidated(session.Id, 1);
        await store.SaveAsync(session, CancellationToken.None).ConfigureAwait(false);
        return new AccountInvalidException(message);
    }

    /// <summary>
    /// The cookie was refused (by Clerk, or by studio-api after a renewed token). Only
    /// Suno:Upstream:InvalidAfterRefusals refusals in a row make the account invalid (then it is checked again with
    /// backoff); one glitch fails this call only. Returns the exception to throw.
    /// </summary>
    internal async Task<AccountInvalidException> RefusedAsync(AccountSession session, string reason, CancellationToken cancellationToken)
    {
        var message = RenewMessage(session, reason);
        var threshold = options.Value.InvalidAfterRefusals;
        var invalid = false;
        session.Mutate(a => invalid = a.RecordAuthRefusal(message, threshold, time.GetUtcNow().UtcDateTime, options.Value.RecheckBackoff));
        var (failures, error) = session.Read(a => (a.AuthFailures, a.LastError));
        if (invalid)
        {
            LogInvalidated(session.Id, failures);
        }
        else
        {
            LogRefused(session.Id, failures, threshold);
        }

        await store.SaveAsync(session, CancellationToken.None).ConfigureAwait(false);
        return new AccountInvalidException(error ?? message);
    }

    /// <summary>
    /// The background check of an invalid account: one token exchange despite the invalid state. True when Clerk
    /// gave a token (the account is active again); false when it still refuses or could not be asked (the next
    /// check is planned later).
    /// </summary>
    internal async Task<bool> RecheckInvalidAsync(AccountSession session, CancellationToken cancellationToken)
    {
        await session.RefreshGate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            await ExchangeAsync(session, cancellationToken).ConfigureAwait(false);
            return true;
        }
        catch (SunoApplicationException ex)
        {
            if (ex is not AccountInvalidException)
            {
                session.Mutate(a => a.PostponeCheck(time.GetUtcNow().UtcDateTime, options.Value.RecheckBackoff));
                await store.SaveAsync(session, CancellationToken.None).ConfigureAwait(false);
            }

            return false;
        }
        finally
        {
            session.RefreshGate.Release();
        }
    }

    private static string RenewMessage(AccountSession session, string reason) =>
        session.IsRequestAccount
            ? $"Suno refused the cookie sent with this request ({reason}). Renew the cookie: sign in to suno.com and send the fresh cookie."
            : $"Suno refused the cookie of account '{session.Name}' ({reason}). Renew the cookie: sign in to suno.com and set the fresh cookie in "
              + (string.Equals(session.Name, "default", StringComparison.Ordinal) ? "Suno:Cookie (SUNO_COOKIE)." : $"the Cookie of '{session.Name}' in Suno:Accounts (or Suno:Cookie / SUNO_COOKIE).");

    private string? TryGetFresh(AccountSession session) =>
        session.Read(a => a.HasFreshToken(time.GetUtcNow().UtcDateTime, options.Value.TokenRefreshMargin) ? a.Jwt : null);

    private async Task<string> RefreshAsync(AccountSession session, string? rejectedJwt, bool force, CancellationToken cancellationToken)
    {
        ThrowIfInvalid(session);
        await session.RefreshGate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            ThrowIfInvalid(session);
            if (!force)
            {
                // Someone else may have renewed while this caller waited: use their JWT.
                var current = TryGetFresh(session);
                if (current is not null && !string.Equals(current, rejectedJwt, StringComparison.Ordinal))
                {
                    return current;
                }
            }

            return await ExchangeAsync(session, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            session.RefreshGate.Release();
        }
    }

    private async Task<string> ExchangeAsync(AccountSession session, CancellationToken cancellationToken)
    {
        var clerk = services.GetRequiredService<ClerkClient>();
        var (cookie, sessionId) = session.Read(a => (a.Cookie, a.SessionId));
        if (CookieHeader.Get(cookie, CookieHeader.ClientCookie) is null)
        {
            throw await InvalidateAsync(session, "the cookie has no __client value", cancellationToken).ConfigureAwait(false);
        }

        try
        {
            if (sessionId is null)
            {
                var client = await clerk.GetLastActiveSessionIdAsync(cookie, session.Id, cancellationToken).ConfigureAwait(false);
                cookie = MergeCookies(session, cookie, client.SetCookies);
                sessionId = client.Value;
                session.Mutate(a => a.SetSession(client.Value, time.GetUtcNow().UtcDateTime));
            }

            var token = await clerk.CreateSessionTokenAsync(cookie, sessionId, session.Id, cancellationToken).ConfigureAwait(false);
            MergeCookies(session, cookie, token.SetCookies);
            var now = time.GetUtcNow().UtcDateTime;
            // Without a readable exp, assume Clerk's default 60 s lifetime.
            var expiresAt = JwtClaims.ReadExpiry(token.Value) ?? now.AddSeconds(60);
            session.Mutate(a =>
            {
                a.CacheToken(token.Value, expiresAt, now);
                a.RecordAuthSuccess(now);
            });
            LogRenewed(session.Id, expiresAt);
            await store.SaveAsync(session, CancellationToken.None).ConfigureAwait(false);
            return token.Value;
        }
        catch (ClerkCredentialsRejectedException ex)
        {
            throw await RefusedAsync(session, ex.Message, cancellationToken).ConfigureAwait(false);
        }
    }

    private string MergeCookies(AccountSession session, string cookie, IReadOnlyList<string> setCookies)
    {
        if (setCookies.Count == 0)
        {
            return cookie;
        }

        var merged = CookieString.Merge(cookie, setCookies, time.GetUtcNow());
        if (!string.Equals(merged, cookie, StringComparison.Ordinal) && merged.Length > 0)
        {
            session.Mutate(a => a.UpdateCookie(merged, time.GetUtcNow().UtcDateTime));
        }

        return merged;
    }

    private static void ThrowIfInvalid(AccountSession session)
    {
        var (status, error) = session.Read(a => (a.Status, a.LastError));
        if (status == AccountStatus.Invalid)
        {
            throw new AccountInvalidException(error ?? $"Account '{session.Name}' is invalid: renew its cookie.");
        }
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "Renewed the Clerk token of account {AccountId}; it expires at {ExpiresAt:O}")]
    private partial void LogRenewed(string accountId, DateTime expiresAt);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Account {AccountId} marked invalid: its cookie was refused {Refusals} time(s) in a row")]
    private partial void LogInvalidated(string accountId, int refusals);

    [LoggerMessage(Level = LogLevel.Warning, Message = "The cookie of account {AccountId} was refused ({Refusals} of {Threshold} in a row before it is invalid)")]
    private partial void LogRefused(string accountId, int refusals, int threshold);
}
