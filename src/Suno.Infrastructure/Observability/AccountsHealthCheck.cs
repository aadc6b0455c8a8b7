using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;
using Suno.Application.Common.Interfaces;
using Suno.Infrastructure.Configuration;

namespace Suno.Infrastructure.Observability;

/// <summary>
/// Ready to generate: in sandbox mode always; otherwise when at least one configured account is active (accounts
/// that requests bring do not count: without them the pool serves nobody). No account names or errors in the result.
/// </summary>
internal sealed class AccountsHealthCheck(IAccountProvider accounts, IOptions<SunoOptions> suno) : IHealthCheck
{
    public const string Name = "accounts";

    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        if (suno.Value.Sandbox)
        {
            return HealthCheckResult.Healthy("sandbox");
        }

        var all = await accounts.ListAsync(cancellationToken).ConfigureAwait(false);
        return all.Any(a => !a.IsRequestAccount && string.Equals(a.Status, "active", StringComparison.Ordinal))
            ? HealthCheckResult.Healthy()
            : HealthCheckResult.Unhealthy("no usable account");
    }
}
