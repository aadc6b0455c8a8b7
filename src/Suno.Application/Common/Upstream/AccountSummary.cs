namespace Suno.Application.Common.Upstream;

/// <summary>An account's state as GET /suno/account reports it: never its cookie or JWT.</summary>
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
    bool IsRequestAccount);
