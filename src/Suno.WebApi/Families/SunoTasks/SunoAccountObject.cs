using System.Text.Json.Serialization;
using Suno.Application.Common.Upstream;

namespace Suno.WebApi.Families.SunoTasks;

/// <summary>
/// One Suno account as GET /suno/account reports it. Never its cookie, session or JWT (the Go gateway returns them;
/// this gateway does not).
/// </summary>
public sealed record SunoAccountObject
{
    [JsonPropertyName("id")]
    public required string Id { get; init; }

    /// <summary>"default" for SUNO_COOKIE, else the Name under Suno:Accounts ("sandbox" in sandbox mode).</summary>
    [JsonPropertyName("name")]
    public required string Name { get; init; }

    /// <summary>active, exhausted (not enough credits; skipped until billing shows more) or invalid (the cookie no longer works).</summary>
    [JsonPropertyName("status")]
    public required string Status { get; init; }

    /// <summary>Credits left at the last billing read; null before the first.</summary>
    [JsonPropertyName("credits_left")]
    public int? CreditsLeft { get; init; }

    [JsonPropertyName("monthly_limit")]
    public int? MonthlyLimit { get; init; }

    [JsonPropertyName("monthly_usage")]
    public int? MonthlyUsage { get; init; }

    /// <summary>The billing period Suno reports (e.g. "month", or "day" on the free plan).</summary>
    [JsonPropertyName("period")]
    public string? Period { get; init; }

    /// <summary>What last went wrong with the account (e.g. that its cookie must be renewed); null when nothing.</summary>
    [JsonPropertyName("last_error")]
    public string? LastError { get; init; }

    /// <summary>Unix seconds of the last billing read; null before the first.</summary>
    [JsonPropertyName("last_refresh")]
    public long? LastRefresh { get; init; }

    public static SunoAccountObject From(AccountSummary account)
    {
        ArgumentNullException.ThrowIfNull(account);
        return new SunoAccountObject
        {
            Id = account.Id,
            Name = account.Name,
            Status = account.Status,
            CreditsLeft = account.CreditsLeft,
            MonthlyLimit = account.MonthlyLimit,
            MonthlyUsage = account.MonthlyUsage,
            Period = account.Period,
            LastError = account.LastError,
            LastRefresh = UnixSeconds(account.CreditsRefreshedAt),
        };
    }

    internal static long? UnixSeconds(DateTime? time) =>
        time is { } at ? new DateTimeOffset(DateTime.SpecifyKind(at, DateTimeKind.Utc)).ToUnixTimeSeconds() : null;
}

/// <summary>
/// GET /suno/account's data: the Go gateway's <c>certificate</c> for the default account (so
/// <c>jq '.data.certificate.credits_left'</c> works as its README says), and every account of the gateway.
/// </summary>
public sealed record SunoAccountData
{
    /// <summary>The account named "default" (SUNO_COOKIE), else the first by name; null when none is configured.</summary>
    [JsonPropertyName("certificate")]
    public SunoCertificate? Certificate { get; init; }

    /// <summary>Every account of the gateway with its state, ordered by name.</summary>
    [JsonPropertyName("accounts")]
    public required IReadOnlyList<SunoAccountObject> Accounts { get; init; }

    public static SunoAccountData From(IReadOnlyList<AccountSummary> accounts)
    {
        ArgumentNullException.ThrowIfNull(accounts);
        var main = accounts.FirstOrDefault(a => string.Equals(a.Name, DefaultAccountName, StringComparison.OrdinalIgnoreCase))
            ?? (accounts.Count > 0 ? accounts[0] : null);
        return new SunoAccountData
        {
            Certificate = main is null ? null : SunoCertificate.From(main),
            Accounts = accounts.Select(SunoAccountObject.From).ToList(),
        };
    }

    private const string DefaultAccountName = "default";
}

/// <summary>
/// The Go gateway's certificate object without its cookie and jwt (secrets this gateway never returns), and with
/// the session id cut short.
/// </summary>
public sealed record SunoCertificate
{
    /// <summary>The first 8 characters of the Clerk session id and "…"; null before the session is known.</summary>
    [JsonPropertyName("session_id")]
    public string? SessionId { get; init; }

    /// <summary>Unix seconds of the last billing read; null before the first.</summary>
    [JsonPropertyName("last_update")]
    public long? LastUpdate { get; init; }

    [JsonPropertyName("credits_left")]
    public int? CreditsLeft { get; init; }

    [JsonPropertyName("monthly_limit")]
    public int? MonthlyLimit { get; init; }

    [JsonPropertyName("monthly_usage")]
    public int? MonthlyUsage { get; init; }

    [JsonPropertyName("period")]
    public string? Period { get; init; }

    /// <summary>Whether the account takes generations now (status active).</summary>
    [JsonPropertyName("is_active")]
    public bool IsActive { get; init; }

    public static SunoCertificate From(AccountSummary account)
    {
        ArgumentNullException.ThrowIfNull(account);
        return new SunoCertificate
        {
            SessionId = account.MaskedSessionId,
            LastUpdate = SunoAccountObject.UnixSeconds(account.CreditsRefreshedAt),
            CreditsLeft = account.CreditsLeft,
            MonthlyLimit = account.MonthlyLimit,
            MonthlyUsage = account.MonthlyUsage,
            Period = account.Period,
            IsActive = string.Equals(account.Status, "active", StringComparison.Ordinal),
        };
    }
}
