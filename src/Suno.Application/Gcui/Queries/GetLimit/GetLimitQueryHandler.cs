using MediatR;
using Suno.Application.Common.Interfaces;
using Suno.Application.Common.Tenancy;
using Suno.Application.Gcui.Common;

namespace Suno.Application.Gcui.Queries.GetLimit;

public sealed class GetLimitQueryHandler(ISunoUpstream upstream, TenantAccounts accounts) : IRequestHandler<GetLimitQuery, CreditsInfo>
{
    public async Task<CreditsInfo> Handle(GetLimitQuery request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var account = await accounts.ForCallerAsync(cancellationToken).ConfigureAwait(false);
        var billing = await upstream.GetBillingInfoAsync(account, cancellationToken).ConfigureAwait(false);
        return new CreditsInfo(billing.CreditsLeft, billing.Period, billing.MonthlyLimit, billing.MonthlyUsage);
    }
}
