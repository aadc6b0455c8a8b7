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
        if (Status == AccountStatus.Invalid)
        {
            Status = AccountStatus.Active;
            LastError = null;
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

    /// <summary>Billing info arrived: the account is exhausted below one generation's cost, active again above.</summary>
    public void UpdateCredits(int creditsLeft, int? monthlyLimit, int? monthlyUsage, string? period, DateTime now)
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

        Status = creditsLeft >= GenerationCost ? AccountStatus.Active : AccountStatus.Exhausted;
        if (Status == AccountStatus.Exhausted)
        {
            LastError = $"{creditsLeft} credits left; a generation costs {GenerationCost}.";
        }
        else if (LastError is not null && LastError.Contains("credits left", StringComparison.Ordinal))
        {
            LastError = null;
        }
    }

    /// <summary>Suno said there are no credits (HTTP 402) whatever billing said before.</summary>
    public void MarkExhausted(string message, DateTime now)
    {
        if (Status == AccountStatus.Invalid)
        {
            return;
        }

        Status = AccountStatus.Exhausted;
        CreditsLeft = Math.Min(CreditsLeft ?? 0, GenerationCost - 1);
        LastError = Truncate(message);
        UpdatedAt = now;
    }

    /// <summary>The cookie was refused: the account is skipped until its cookie is replaced.</summary>
    public void MarkInvalid(string message, DateTime now)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(message);
        Status = AccountStatus.Invalid;
        LastError = Truncate(message);
        Jwt = null;
        JwtExpiresAt = null;
        UpdatedAt = now;
    }

    public void RecordError(string message, DateTime now)
    {
        LastError = Truncate(message);
        UpdatedAt = now;
    }

    private static string Truncate(string message) =>
        message.Length > FieldLengths.LastError ? message[..FieldLengths.LastError] : message;
}
