using Suno.Application.Common.Upstream;
using Suno.Domain.Accounts;

namespace Suno.Infrastructure.Upstream.Accounts;

/// <summary>
/// The in-process working copy of one account: the <see cref="SunoAccount"/> entity (its rules decide token
/// freshness, credits and status), the lock its mutations take, and the single-flight gate of its token refresh.
/// The database copy is written through <see cref="AccountStore"/> after each change.
/// </summary>
public sealed class AccountSession
{
    internal AccountSession(SunoAccount account, bool isRequestAccount, bool persisted, string deviceId)
    {
        Account = account;
        IsRequestAccount = isRequestAccount;
        Persisted = persisted;
        DeviceId = deviceId;
    }

    /// <summary>The entity. Mutate it only inside <see cref="Mutate"/>.</summary>
    internal SunoAccount Account { get; }

    public string Id => Account.Id;

    public string Name => Account.Name;

    public bool IsRequestAccount { get; }

    /// <summary>Whether a row exists in the database.</summary>
    internal bool Persisted { get; set; }

    /// <summary>The Device-Id sent to Suno (without the quotes).</summary>
    internal string DeviceId { get; }

    /// <summary>One token refresh at a time; every caller waiting on it uses its result.</summary>
    internal SemaphoreSlim RefreshGate { get; } = new(1, 1);

    /// <summary>One database write at a time.</summary>
    internal SemaphoreSlim PersistGate { get; } = new(1, 1);

    /// <summary>One billing read at a time; callers that waited use its result.</summary>
    internal SemaphoreSlim BillingGate { get; } = new(1, 1);

    /// <summary>When this process last asked Suno for the account's billing (answered or not).</summary>
    internal DateTime? LastBillingAttemptAt { get; set; }

    /// <summary>One /api/c/check at a time; concurrent generations share its answer.</summary>
    internal SemaphoreSlim CaptchaGate { get; } = new(1, 1);

    /// <summary>Until when /api/c/check's "not required" is reused (in memory: a restart asks again).</summary>
    internal DateTime? CaptchaNotRequiredUntil { get; set; }

    internal Lock Gate { get; } = new();

    private long _lastUsedTicks;

    /// <summary>When the account last served a request or a poll (cookie accounts idle too long are forgotten).</summary>
    internal DateTime LastUsed => new(Interlocked.Read(ref _lastUsedTicks), DateTimeKind.Utc);

    internal void Touch(DateTime now) => Interlocked.Exchange(ref _lastUsedTicks, now.Ticks);

    public UpstreamAccount ToUpstreamAccount() => new(Account.Id, Account.Name, IsRequestAccount);

    internal void Mutate(Action<SunoAccount> change)
    {
        lock (Gate)
        {
            change(Account);
        }
    }

    internal T Read<T>(Func<SunoAccount, T> read)
    {
        lock (Gate)
        {
            return read(Account);
        }
    }

    public AccountSummary ToSummary() => Read(a => new AccountSummary(
        a.Id,
        a.Name,
        a.Status.ToString().ToLowerInvariant(),
        a.CreditsLeft,
        a.MonthlyLimit,
        a.MonthlyUsage,
        a.Period,
        a.CreditsRefreshedAt,
        a.LastError,
        IsRequestAccount,
        AccountSummary.MaskSessionId(a.SessionId)));
}
