using Suno.Application.Common.Tenancy;
using System.Security.Cryptography;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Suno.Application.Common.Exceptions;
using Suno.Application.Common.Interfaces;
using Suno.Application.Common.Upstream;
using Suno.Domain.Accounts;
using Suno.Domain.Common;
using Suno.Infrastructure.Configuration;
using Suno.Infrastructure.Persistence;
using Suno.Infrastructure.Persistence.Configurations;
using Suno.Infrastructure.Upstream.Clerk;

namespace Suno.Infrastructure.Upstream.Accounts;

/// <summary>
/// The accounts of the gateway (singleton). At first use it loads the Accounts table and upserts the configured
/// accounts by name (Suno:Cookie [+ Suno:SessionId] is "default"; Suno:Accounts adds more; a changed cookie replaces
/// the stored credentials). Per-request cookies become in-memory accounts cached per cookie string.
/// </summary>
public sealed partial class AccountPool(
    AccountRegistry registry,
    AccountStore store,
    UpstreamResilience resilience,
    SunoSessionManager sessions,
    CookieProtector cookies,
    AccountLifecycle lifecycle,
    IServiceProvider services,
    IOptions<SunoOptions> connection,
    IOptions<UpstreamOptions> upstreamOptions,
    TimeProvider time,
    ILogger<AccountPool> logger) : IAccountProvider, IDisposable
{
    /// <summary>Name of the account configured by Suno:Cookie.</summary>
    public const string DefaultAccountName = "default";

    /// <summary>Id prefix of accounts built from a request's cookie.</summary>
    public const string RequestAccountPrefix = Tenants.CookiePrefix;

    public const string NotConfiguredMessage =
        "No Suno account is configured. Set SUNO_COOKIE to your suno.com cookie (it must contain __client), or COOKIE "
        + "with SESSION_ID, or add accounts under Suno:Accounts (Suno__Accounts__0__Cookie); or start the gateway with "
        + "--sandbox (SUNO_SANDBOX=true) to try it against the built-in fake Suno.";

    private readonly SemaphoreSlim _initGate = new(1, 1);
    private readonly HashSet<string> _configuredIds = new(StringComparer.Ordinal);
    private volatile bool _initialized;

    public void Dispose() => _initGate.Dispose();

    /// <summary>Loads stored accounts and upserts the configured ones (once; later calls return at once).</summary>
    public async Task InitializeAsync(CancellationToken cancellationToken)
    {
        if (_initialized)
        {
            return;
        }

        await _initGate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (_initialized)
            {
                return;
            }

            await LoadStoredAsync(cancellationToken).ConfigureAwait(false);
            var now = time.GetUtcNow().UtcDateTime;
            foreach (var (name, cookie, sessionId) in Configured())
            {
                var existing = registry.FindByName(name);
                if (existing is not null)
                {
                    _configuredIds.Add(existing.Id);
                    var before = existing.Read(a => (a.Cookie, a.SessionId));
                    existing.Mutate(a => a.ReplaceCredentials(cookie, sessionId, now));
                    if (existing.Read(a => (a.Cookie, a.SessionId)) != before)
                    {
                        resilience.Reset(existing.Id);
                        LogCredentialsReplaced(existing.Id, name);
                        await store.SaveAsync(existing, cancellationToken).ConfigureAwait(false);
                    }

                    continue;
                }

                var account = SunoAccount.Create(Guid.NewGuid().ToString("N"), name, cookie, sessionId, now);
                var session = registry.Add(account, isRequestAccount: false, persisted: false);
                _configuredIds.Add(session.Id);
                await store.SaveAsync(session, cancellationToken).ConfigureAwait(false);
            }

            _initialized = true;
        }
        finally
        {
            _initGate.Release();
        }
    }

    public async Task<UpstreamAccount> AcquireForGenerationAsync(CancellationToken cancellationToken)
    {
        await InitializeAsync(cancellationToken).ConfigureAwait(false);
        var accounts = Configured(registry.All).ToList();
        if (accounts.Count == 0)
        {
            throw new NoAccountException(NotConfiguredMessage);
        }

        // Accounts whose credits were never read are asked once, so the choice below compares real numbers.
        await RefreshAsync(accounts.Where(s => s.Read(a => a.Status == AccountStatus.Active && a.CreditsLeft is null)), cancellationToken).ConfigureAwait(false);
        var chosen = Choose(accounts, Now);
        if (chosen is null)
        {
            // Nothing can serve: first take what other processes stored (one may have seen a recovery), then read
            // the billing of the accounts waiting for credits (at most once a second each, shared by concurrent
            // submissions), so credits bought a moment ago are used at once.
            await lifecycle.SyncFromStoreAsync(accounts, cancellationToken).ConfigureAwait(false);
            chosen = Choose(accounts, Now);
        }

        if (chosen is null)
        {
            await RefreshAsync(accounts.Where(s => s.Read(a => a.MayRecheckCredits(Now))), cancellationToken).ConfigureAwait(false);
            chosen = Choose(accounts, Now);
        }

        if (chosen is null)
        {
            throw Unavailable(accounts);
        }

        return chosen.ToUpstreamAccount();
    }

    /// <summary>
    /// The selection rule: active accounts with at least one generation's credits and no 429 cooldown, most
    /// credits left first (unknown credits last), then by name. Null when none fits.
    /// </summary>
    internal static AccountSession? Choose(IEnumerable<AccountSession> accounts, DateTime now) =>
        accounts
            .Select(s => (Session: s, State: s.Read(a => (Usable: a.CanGenerate && !a.IsCoolingDown(now), a.CreditsLeft, a.Name))))
            .Where(x => x.State.Usable)
            .OrderByDescending(x => x.State.CreditsLeft ?? int.MinValue)
            .ThenBy(x => x.State.Name, StringComparer.OrdinalIgnoreCase)
            .Select(x => x.Session)
            .FirstOrDefault();

    /// <summary>Why no account can take a generation: 429 while one cools down, 402 when all are only out of credits, else 503.</summary>
    private SunoApplicationException Unavailable(IReadOnlyList<AccountSession> accounts)
    {
        var now = Now;
        var cooling = accounts
            .Select(s => s.Read(a => (a.Name, Until: a.Status != AccountStatus.Invalid && a.IsCoolingDown(now) ? a.CooldownUntil : null)))
            .Where(x => x.Until is not null)
            .OrderBy(x => x.Until)
            .FirstOrDefault();
        if (cooling.Until is { } until)
        {
            return AccountLifecycle.CoolingDown(cooling.Name, until - now);
        }

        var states = string.Join("; ", accounts.Select(s => s.Read(a => $"'{a.Name}' is {a.Status.ToString().ToLowerInvariant()}{(a.LastError is null ? string.Empty : ": " + a.LastError)}")));
        // Only credits are missing: that is Suno's 402, whichever account would have been used.
        if (accounts.All(s => s.Read(a => a.Status != AccountStatus.Invalid)))
        {
            return new OutOfCreditsException($"Every Suno account is out of credits ({states}).");
        }

        return new NoAccountException($"No Suno account can take a generation now ({states}).");
    }

    public async Task<UpstreamAccount> ForRequestCookieAsync(string cookie, CancellationToken cancellationToken)
    {
        var client = CookieHeader.Get(cookie, CookieHeader.ClientCookie);
        if (string.IsNullOrWhiteSpace(cookie) || string.IsNullOrWhiteSpace(client))
        {
            throw new ValidationException("Cookie", "The Cookie header must contain the suno.com __client cookie.");
        }

        await InitializeAsync(cancellationToken).ConfigureAwait(false);

        // One Suno user is one account: keyed by __client, whatever __session or analytics cookies come with it.
        var id = Tenants.ForClientCookie(client);
        var now = time.GetUtcNow().UtcDateTime;
        var session = registry.Find(id);
        if (session is null)
        {
            var options = connection.Value;
            registry.EvictIdleRequestAccounts(now - options.RequestAccountIdle);
            if (registry.RequestAccountCount >= options.MaxRequestAccounts)
            {
                throw new TooManyAccountsException(
                    $"The gateway serves at most {options.MaxRequestAccounts} cookie accounts at once (Suno:MaxRequestAccounts) " +
                    "and all are in use; try again later, or use the configured accounts (no Cookie header).");
            }

            var account = SunoAccount.Create(id, "request-" + id[RequestAccountPrefix.Length..][..8], cookie.Trim(), null, now);
            session = registry.Add(account, isRequestAccount: true, persisted: false);
            await store.SaveAsync(session, cancellationToken).ConfigureAwait(false);
        }

        session.Touch(now);
        return session.ToUpstreamAccount();
    }

    public UpstreamAccount? Find(string accountId)
    {
        var session = registry.Find(accountId);
        session?.Touch(time.GetUtcNow().UtcDateTime);
        return session?.ToUpstreamAccount();
    }

    public async Task<IReadOnlyList<AccountSummary>> ListAsync(CancellationToken cancellationToken)
    {
        await InitializeAsync(cancellationToken).ConfigureAwait(false);
        return registry.All.Select(s => s.ToSummary()).ToList();
    }

    public async Task<AccountSummary> RefreshCreditsAsync(string accountId, bool force, CancellationToken cancellationToken)
    {
        await InitializeAsync(cancellationToken).ConfigureAwait(false);
        var session = registry.Find(accountId) ?? throw new NotFoundException("account_not_exist", $"account {accountId} does not exist");
        // Through the lifecycle's gate, so reads of one account never overlap; unforced, a read that started within
        // the last second (the one at start, a submission's) is taken instead of a new one.
        var notBefore = force ? Now : Now - AccountLifecycle.OnDemandReadSpacing;
        await lifecycle.RefreshCreditsAsync(session, notBefore, cancellationToken).ConfigureAwait(false);
        return session.ToSummary();
    }

    /// <summary>Keep-alive: renews the Clerk session of every configured account that is not invalid.</summary>
    public async Task KeepAliveAllAsync(CancellationToken cancellationToken)
    {
        await InitializeAsync(cancellationToken).ConfigureAwait(false);
        foreach (var session in Configured(registry.All).Where(s => s.Read(a => a.Status != AccountStatus.Invalid)))
        {
            try
            {
                await sessions.KeepAliveAsync(session, cancellationToken).ConfigureAwait(false);
            }
            catch (SunoApplicationException ex)
            {
                LogMaintenanceFailed("keep-alive", session.Id, ex.ErrorCode);
            }
        }
    }

    /// <summary>
    /// Reads billing for every configured account that is not invalid (exhausted ones too: credits come back),
    /// skipping those read within the last interval (by this process or, as stored, by another).
    /// </summary>
    public async Task RefreshAllCreditsAsync(CancellationToken cancellationToken)
    {
        await InitializeAsync(cancellationToken).ConfigureAwait(false);
        var accounts = Configured(registry.All).ToList();
        await lifecycle.SyncFromStoreAsync(accounts, cancellationToken).ConfigureAwait(false);
        // A tick of the interval timer may come a little early: a read within 90 % of the interval counts.
        var notBefore = Now - (upstreamOptions.Value.CreditsRefreshInterval * 0.9);
        foreach (var session in accounts.Where(s => s.Read(a => a.Status != AccountStatus.Invalid)))
        {
            await lifecycle.RefreshCreditsAsync(session, notBefore, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>
    /// The background checks: takes the stored state (another process may have seen a recovery), then checks each
    /// exhausted or invalid configured account whose next check is due: billing for an exhausted one, a token
    /// exchange (then billing) for an invalid one. A check that fails plans the next one later (backoff).
    /// </summary>
    public async Task RecheckDueAsync(CancellationToken cancellationToken)
    {
        await InitializeAsync(cancellationToken).ConfigureAwait(false);
        var accounts = Configured(registry.All).ToList();
        await lifecycle.SyncFromStoreAsync(accounts, cancellationToken).ConfigureAwait(false);
        foreach (var session in accounts.Where(s => s.Read(a => a.IsCheckDue(Now))))
        {
            if (session.Read(a => a.Status == AccountStatus.Invalid))
            {
                if (!await sessions.RecheckInvalidAsync(session, cancellationToken).ConfigureAwait(false))
                {
                    continue;
                }
            }

            await lifecycle.RefreshCreditsAsync(session, Now, cancellationToken).ConfigureAwait(false);
        }
    }

    private Task RefreshAsync(IEnumerable<AccountSession> accounts, CancellationToken cancellationToken)
    {
        var notBefore = Now - AccountLifecycle.OnDemandReadSpacing;
        return Task.WhenAll(accounts.Select(s => lifecycle.RefreshCreditsAsync(s, notBefore, cancellationToken)));
    }

    private DateTime Now => time.GetUtcNow().UtcDateTime;

    /// <summary>
    /// The accounts configuration names now. A stored account that is no longer configured stays known (tasks
    /// submitted with it can still be polled) but takes no new work.
    /// </summary>
    private IEnumerable<AccountSession> Configured(IEnumerable<AccountSession> sessions) => sessions.Where(s => _configuredIds.Contains(s.Id));

    private IEnumerable<(string Name, string Cookie, string? SessionId)> Configured()
    {
        var options = connection.Value;
        if (!string.IsNullOrWhiteSpace(options.Cookie))
        {
            yield return (DefaultAccountName, options.Cookie.Trim(), NullIfBlank(options.SessionId));
        }

        foreach (var account in options.Accounts.Where(a => !string.IsNullOrWhiteSpace(a.Name) && !string.IsNullOrWhiteSpace(a.Cookie)))
        {
            yield return (account.Name.Trim(), account.Cookie.Trim(), NullIfBlank(account.SessionId));
        }
    }

    private async Task LoadStoredAsync(CancellationToken cancellationToken)
    {
        await using var scope = services.GetRequiredService<IServiceScopeFactory>().CreateAsyncScope();
        var db = scope.ServiceProvider.GetService<ISunoDbContext>();
        if (db is null)
        {
            return;
        }

        try
        {
            var stored = await db.Accounts.ToListAsync(cancellationToken).ConfigureAwait(false);
            var reencrypted = false;
            foreach (var account in stored)
            {
                var isRequestAccount = account.Id.StartsWith(RequestAccountPrefix, StringComparison.Ordinal);
                var raw = ((DbContext)db).Entry(account).Property<string>(SunoAccountConfiguration.StoredCookie).CurrentValue;
                var cookie = cookies.Unprotect(raw, out var wasPlain);
                if (cookie is null)
                {
                    // Encrypted with a key ring that is not here: a configured account gets its cookie from the
                    // configuration below; a cookie account comes back when its owner sends the cookie again.
                    LogUndecryptable(account.Id);
                    if (isRequestAccount)
                    {
                        continue;
                    }
                }
                else
                {
                    account.RestoreCookie(cookie);
                }

                var session = registry.Add(account, isRequestAccount, persisted: true);
                if (wasPlain)
                {
                    // A row from before cookies were encrypted: written again, encrypted.
                    await store.SaveAsync(session, cancellationToken).ConfigureAwait(false);
                    reencrypted = true;
                }
            }

            if (reencrypted)
            {
                await store.CompactAsync(cancellationToken).ConfigureAwait(false);
            }
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            LogLoadFailed(ex);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "The stored cookie of account {AccountId} cannot be decrypted (its Data Protection key ring is missing or another one); it is taken from the configuration or from its next request")]
    private partial void LogUndecryptable(string accountId);

    private static string? NullIfBlank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();

    [LoggerMessage(Level = LogLevel.Information, Message = "The cookie of account {AccountId} ({Name}) changed in configuration; its credentials were replaced")]
    private partial void LogCredentialsReplaced(string accountId, string name);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Account {Task} failed for account {AccountId} ({Reason})")]
    private partial void LogMaintenanceFailed(string task, string accountId, string reason);

    [LoggerMessage(Level = LogLevel.Error, Message = "Could not load the stored Suno accounts; continuing with the configured ones in memory")]
    private partial void LogLoadFailed(Exception exception);
}
