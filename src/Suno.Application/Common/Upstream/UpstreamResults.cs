using System.Text.Json;
using Suno.Domain.Clips;

namespace Suno.Application.Common.Upstream;

/// <summary>What /api/c/check said.</summary>
public sealed record CaptchaCheck(bool Required, int? CaptchaVersion);

/// <summary>
/// The generate envelope: the clips (each with its raw JSON) and the whole response as received, so fields Suno
/// adds later reach the clients.
/// </summary>
public sealed record GenerateResult(string? BatchId, string? Status, IReadOnlyList<ClipSnapshot> Clips, JsonElement Raw);

/// <summary>One page of the user's feed (GET /api/feed/v2?page=N).</summary>
public sealed record FeedPage(IReadOnlyList<ClipSnapshot> Clips, int? TotalResults, int? CurrentPage, bool? HasMore, JsonElement Raw);

/// <summary>A lyrics job as polled (GET /api/generate/lyrics/{id}): done when <see cref="IsComplete"/>.</summary>
public sealed record LyricsJob(string Id, string Status, string? Title, string? Text, JsonElement Raw)
{
    public bool IsComplete => string.Equals(Status, "complete", StringComparison.OrdinalIgnoreCase);

    public bool IsError => string.Equals(Status, "error", StringComparison.OrdinalIgnoreCase)
        || string.Equals(Status, "failed", StringComparison.OrdinalIgnoreCase);
}

/// <summary>
/// GET /api/billing/info/. <see cref="CreditsLeft"/> is total_credits_left, falling back to credits_left.
/// </summary>
public sealed record BillingInfo(
    int CreditsLeft,
    int? MonthlyLimit,
    int? MonthlyUsage,
    string? Period,
    bool? IsActive,
    string? SubscriptionType,
    JsonElement Raw);

/// <summary>An upstream answer passed through untouched (aligned lyrics, persona page).</summary>
public sealed record UpstreamJson(JsonElement Raw);
