using MediatR;

namespace Suno.Application.Gcui.Queries.GetLimit;

/// <summary>gcui-art's get_limit: the account's credits, read from Suno's billing now.</summary>
public sealed record GetLimitQuery : IRequest<CreditsInfo>
{
    public override string ToString() => nameof(GetLimitQuery);
}

/// <summary>{credits_left, period, monthly_limit, monthly_usage}.</summary>
public sealed record CreditsInfo(int CreditsLeft, string? Period, int? MonthlyLimit, int? MonthlyUsage);
