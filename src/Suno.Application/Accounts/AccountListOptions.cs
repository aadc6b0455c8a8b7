namespace Suno.Application.Accounts;

/// <summary>How fresh GET /suno/account's credits are; Infrastructure fills it from Suno:Upstream:CreditsRefreshInterval.</summary>
public sealed class AccountListOptions
{
    /// <summary>Credits read longer ago than this (or never) are read again before the list is answered.</summary>
    public TimeSpan CreditsMaxAge { get; set; } = TimeSpan.FromMinutes(10);
}
