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
            LastRefresh = account.CreditsRefreshedAt is { } at
                ? new DateTimeOffset(DateTime.SpecifyKind(at, DateTimeKind.Utc)).ToUnixTimeSeconds()
                : null,
        };
    }
}
