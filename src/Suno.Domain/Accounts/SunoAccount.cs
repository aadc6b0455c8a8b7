using Suno.Domain.Common;

namespace Suno.Domain.Accounts;

/// <summary>
/// One Suno account: its browser-session credentials, the cached short-lived JWT, and what billing last said.
/// The credentials and the JWT are secrets: they never leave the gateway in a response or a log line.
/// </summary>
public class SunoAccount
{
    /// <summary>Credits one generation costs (Suno charges 10 for a pair of clips).</summary>
    public const int GenerationCost = 10;

    private SunoAccount()
    {
        Id = string.Empty;
        Name = string.Empty;
        Cookie = string.Empty;
    }

    public string Id { get; private set; }
    public string Name { get; private set; }

    /// <summary>The suno.com cookie string (holds __client). Secret.</summary>
    public string Cookie { get; private set; }

    /// <summary>The Clerk session id (sess_...), found from the cookie when not configured.</summary>
    public string? SessionId { get; private set; }

    /// <summary>The cached Clerk JWT. Secret.</summary>
    public string? Jwt { get; private set; }
    public DateTime? JwtExpiresAt { get; private set; }
    public int? CreditsLeft { get; private set; }
    public int? MonthlyLimit { get; private set; }
    public int? MonthlyUsage { get; private set; }
    public string? Period { get; private set; }
    public AccountStatus Status { get; private set; }
    public string? LastError { get; private set; }
    public DateTime? CreditsRefreshedAt { get; private set; }

    /// <summary>When an exhausted or invalid account is to be checked again (null: no check planned).</summary>
    public DateTime? NextCheckAt { get; private set; }

    /// <summary>Refusals in a row of the current exhausted spell (402s, checks still short of credits): the backoff exponent.</summary>
    public int CheckFailures { get; private set; }

    /// <summary>Refusals of the cookie in a row (Clerk, or studio-api after a renewed token); reset by a good exchange.</summary>
    public int AuthFailures { get; private set; }

    /// <summary>Suno's 429 Retry-After: no call is made with this account before then.</summary>
    public DateTime? CooldownUntil { get; private set; }

    /// <summary>
    /// Generation answered 402 while billing (read right after) still showed credits: a plan limit or a daily cap.
    /// Such an account waits for <see cref="NextCheckAt"/> even when billing shows credits.
    /// </summary>
    public bool PlanLimited { get; private set; }

    public DateTime CreatedAt { get; private set; }
    public DateTime UpdatedAt { get; private set; }

    public static SunoAccount Create(string id, string name, string cookie, string? sessionId, DateTime now)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(id);
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentException.ThrowIfNullOrWhiteSpace(cookie);
        return new SunoAccount
        {
            Id = id,
            Name = name,
            Cookie = cookie,
            SessionId = string.IsNullOrWhiteSpace(sessionId) ? null : sessionId,
            Status = AccountStatus.Active,
            CreatedAt = now,
            UpdatedAt = now,
        };
    }

    /// <summary>Whether the account may take a generation now.</summary>
    public bool CanGenerate => Status == AccountStatus.Active && (CreditsLeft is null || CreditsLeft >= GenerationCost);

    /// <summary>
    /// New credentials (a renewed cookie). An invalid account becomes usable again; the cached JWT is dropped,
    /// and a new session id is looked up unless one is given.
    /// </summary>
    public void ReplaceCredentials(string cookie, string? sessionId, DateTime now)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(cookie);
        var sameSession = string.IsNullOrWhiteSpace(sessionId) || sessionId == SessionId;
        if (cookie == Cookie && sameSession)
        {
            return;
        }

        Cookie = cookie;
        SessionId = string.IsNullOrWhiteSpace(sessionId) ? null : sessionId;
        Jwt = null;
        JwtExpiresAt = null;
        AuthFailures = 0;
        if (Status == AccountStatus.Invalid)
        {
            Status = AccountStatus.Active;
            LastError = null;
            NextCheckAt = null;
        }

        UpdatedAt = now;
    }

    /// <summary>
    /// The database keeps the cookie encrypted, outside the entity; loading an account hands the decrypted cookie
    /// back (nothing else changes).
    /// </summary>
    public void RestoreCookie(string cookie)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(cookie);
        Cookie = cookie;
    }

    /// <summary>Clerk sent Set-Cookie: the merged cookie replaces the stored one without touching the session.</summary>
    public void UpdateCookie(string cookie, DateTime now)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(cookie);
        Cookie = cookie;
        UpdatedAt = now;
    }

    public void SetSession(string sessionId, DateTime now)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(sessionId);
        SessionId = sessionId;
        UpdatedAt = now;
    }

    public void CacheToken(string jwt, DateTime expiresAt, DateTime now)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(jwt);
        Jwt = jwt;
        JwtExpiresAt = expiresAt;
        UpdatedAt = now;
    }

    /// <summary>Whether the cached JWT is still good for at least <paramref name="margin"/>.</summary>
    public bool HasFreshToken(DateTime now, TimeSpan margin) =>
        Jwt is not null && JwtExpiresAt is { } exp && exp - margin > now;

    /// <summary>
    /// The wait before the next check of an account refused <paramref name="failures"/> times in a row:
    /// <paramref name="baseDelay"/>, doubling per refusal, at most <paramref name="cap"/>.
    /// </summary>
    public static TimeSpan Backoff(int failures, TimeSpan baseDelay, TimeSpan cap)
    {
        var exponent = Math.Clamp(failures - 1, 0, 30);
        var ticks = Math.Min((double)baseDelay.Ticks * Math.Pow(2, exponent), cap.Ticks);
        return TimeSpan.FromTicks((long)Math.Max(ticks, 0));
    }

    /// <summary>
    /// Billing info arrived. Below one generation's cost the account is exhausted and checked again after a backoff
    /// (<paramref name="backoff"/> maps the refusals in a row to a wait); at or above it, active again, unless Suno
    /// refused a generation despite such credits (<see cref="PlanLimited"/>) and its next check is not due yet.
    /// </summary>
    public void UpdateCredits(int creditsLeft, int? monthlyLimit, int? monthlyUsage, string? period, DateTime now, Func<int, TimeSpan>? backoff = null)
    {
        CreditsLeft = creditsLeft;
        MonthlyLimit = monthlyLimit;
        MonthlyUsage = monthlyUsage;
        Period = period is { Length: > FieldLengths.Period } ? period[..FieldLengths.Period] : period;
        CreditsRefreshedAt = now;
        UpdatedAt = now;
        if (Status == AccountStatus.Invalid)
        {
            return;
        }

        if (creditsLeft < GenerationCost)
        {
            CheckFailures = Status == AccountStatus.Exhausted ? CheckFailures + 1 : 1;
            Status = AccountStatus.Exhausted;
            PlanLimited = false;
            NextCheckAt = now + (backoff ?? DefaultBackoff)(CheckFailures);
            LastError = $"{creditsLeft} credits left; a generation costs {GenerationCost}. Next check at {NextCheckAt:u}.";
            return;
        }

        if (PlanLimited && NextCheckAt is { } next && next > now)
        {
            LastError = Truncate($"Suno refused a generation (402) although billing shows {creditsLeft} credits: a plan limit or a daily cap. "
                + $"The account rests until {next:u}, then is tried again.");
            return;
        }

        Status = AccountStatus.Active;
        PlanLimited = false;
        NextCheckAt = null;
        if (LastError is not null && (LastError.Contains("credits", StringComparison.Ordinal) || LastError.Contains("402", StringComparison.Ordinal)))
        {
            LastError = null;
        }
    }

    /// <summary>
    /// A generation answered 402. The account is exhausted until a check shows credits; until billing is read it is
    /// presumed limited by its plan (billing read right after the 402 clears that when credits are really gone).
    /// </summary>
    public void RecordGenerationRefused(string message, DateTime now, Func<int, TimeSpan>? backoff = null)
    {
        if (Status == AccountStatus.Invalid)
        {
            return;
        }

        CheckFailures++;
        Status = AccountStatus.Exhausted;
        PlanLimited = true;
        NextCheckAt = now + (backoff ?? DefaultBackoff)(CheckFailures);
        LastError = Truncate($"Suno answered 402 to a generation: {message}");
        UpdatedAt = now;
    }

    /// <summary>
    /// Suno accepted a generation: the known credits drop by its cost (no billing read needed); below one more
    /// generation the account is exhausted and due for a check at once.
    /// </summary>
    public void RecordGeneration(DateTime now)
    {
        CheckFailures = 0;
        PlanLimited = false;
        if (CreditsLeft is { } credits)
        {
            CreditsLeft = Math.Max(0, credits - GenerationCost);
            if (CreditsLeft < GenerationCost && Status == AccountStatus.Active)
            {
                Status = AccountStatus.Exhausted;
                NextCheckAt = now;
                LastError = $"About {CreditsLeft} credits left by the gateway's count; a generation costs {GenerationCost}. Billing is checked next.";
            }
        }

        UpdatedAt = now;
    }

    /// <summary>A planned check could not be made (Suno failed): try again after a longer wait.</summary>
    public void PostponeCheck(DateTime now, Func<int, TimeSpan>? backoff = null)
    {
        CheckFailures++;
        NextCheckAt = now + (backoff ?? DefaultBackoff)(CheckFailures);
        UpdatedAt = now;
    }

    /// <summary>Suno answered 429 with Retry-After: nothing is sent with this account before <paramref name="until"/>.</summary>
    public void CoolDown(DateTime until, DateTime now)
    {
        if (CooldownUntil is null || CooldownUntil < until)
        {
            CooldownUntil = until;
        }

        UpdatedAt = now;
    }

    /// <summary>Whether a 429 cooldown is still running.</summary>
    public bool IsCoolingDown(DateTime now) => CooldownUntil is { } until && until > now;

    /// <summary>Whether the account waits for a check that billing alone may pass (exhausted, not resting after a plan refusal).</summary>
    public bool MayRecheckCredits(DateTime now) =>
        Status != AccountStatus.Invalid && !CanGenerate && !IsCoolingDown(now) && !(PlanLimited && NextCheckAt is { } next && next > now);

    /// <summary>Whether a planned check of an exhausted or invalid account is due.</summary>
    public bool IsCheckDue(DateTime now) =>
        Status != AccountStatus.Active && NextCheckAt is { } next && next <= now && !IsCoolingDown(now);

    /// <summary>The cookie was refused (definitely, e.g. no __client in it): the account is skipped until its cookie is replaced.</summary>
    public void MarkInvalid(string message, DateTime now)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(message);
        Status = AccountStatus.Invalid;
        LastError = Truncate(message);
        Jwt = null;
        JwtExpiresAt = null;
        NextCheckAt = null;
        UpdatedAt = now;
    }

    /// <summary>
    /// The cookie was refused once more. Only <paramref name="threshold"/> refusals in a row make the account invalid;
    /// an invalid account is checked again after a backoff. Returns whether the account is invalid now.
    /// </summary>
    public bool RecordAuthRefusal(string message, int threshold, DateTime now, Func<int, TimeSpan>? backoff = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(message);
        AuthFailures++;
        Jwt = null;
        JwtExpiresAt = null;
        UpdatedAt = now;
        if (AuthFailures < threshold)
        {
            LastError = Truncate($"{message} (refusal {AuthFailures} of {threshold} in a row; the account stays in use)");
            return false;
        }

        Status = AccountStatus.Invalid;
        NextCheckAt = now + (backoff ?? DefaultBackoff)(AuthFailures - threshold + 1);
        LastError = Truncate($"{message} (refused {AuthFailures} times in a row; checked again at {NextCheckAt:u})");
        return true;
    }

    /// <summary>Clerk gave a token: the refusals in a row end, and an invalid account (rechecked) is active again.</summary>
    public void RecordAuthSuccess(DateTime now)
    {
        if (AuthFailures == 0 && Status != AccountStatus.Invalid)
        {
            return;
        }

        AuthFailures = 0;
        if (Status == AccountStatus.Invalid)
        {
            Status = AccountStatus.Active;
            NextCheckAt = null;
            LastError = null;
        }
        else if (LastError is not null && LastError.Contains("in a row", StringComparison.Ordinal))
        {
            LastError = null;
        }

        UpdatedAt = now;
    }

    /// <summary>
    /// Takes the lifecycle state (status, credits, checks, cooldown) another process stored, when it is newer than
    /// this copy's. Credentials and the JWT are not taken.
    /// </summary>
    public bool AdoptStateFrom(SunoAccount stored)
    {
        ArgumentNullException.ThrowIfNull(stored);
        if (stored.UpdatedAt <= UpdatedAt || !string.Equals(stored.Id, Id, StringComparison.Ordinal))
        {
            return false;
        }

        Status = stored.Status;
        CreditsLeft = stored.CreditsLeft;
        MonthlyLimit = stored.MonthlyLimit;
        MonthlyUsage = stored.MonthlyUsage;
        Period = stored.Period;
        LastError = stored.LastError;
        CreditsRefreshedAt = stored.CreditsRefreshedAt;
        NextCheckAt = stored.NextCheckAt;
        CheckFailures = stored.CheckFailures;
        AuthFailures = stored.AuthFailures;
        CooldownUntil = stored.CooldownUntil;
        PlanLimited = stored.PlanLimited;
        UpdatedAt = stored.UpdatedAt;
        return true;
    }

    public void RecordError(string message, DateTime now)
    {
        LastError = Truncate(message);
        UpdatedAt = now;
    }

    private static TimeSpan DefaultBackoff(int failures) => Backoff(failures, TimeSpan.FromSeconds(30), TimeSpan.FromMinutes(10));

    private static string Truncate(string message) =>
        message.Length > FieldLengths.LastError ? message[..FieldLengths.LastError] : message;
}
