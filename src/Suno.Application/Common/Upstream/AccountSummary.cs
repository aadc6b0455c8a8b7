namespace Suno.Application.Common.Upstream;

/// <summary>
/// An account's state as GET /suno/account reports it: never its cookie or JWT. <see cref="MaskedSessionId"/> is the
/// Clerk session id cut to its first 8 characters and "…" (null before it is known).
/// </summary>
public sealed record AccountSummary(
    string Id,
    string Name,
    string Status,
    int? CreditsLeft,
    int? MonthlyLimit,
    int? MonthlyUsage,
    string? Period,
    DateTime? CreditsRefreshedAt,
    string? LastError,
    bool IsRequestAccount,
    string? MaskedSessionId = null)
{
    /// <summary>The first 8 characters of a session id and "…", never the whole id; null when there is none.</summary>
    public static string? MaskSessionId(string? sessionId) =>
        string.IsNullOrEmpty(sessionId) ? null : string.Concat(sessionId.AsSpan(0, Math.Min(8, sessionId.Length / 2)), "…");
}
