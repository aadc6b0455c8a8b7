using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Suno.Application.Common.Interfaces;
using Suno.Infrastructure.Chat;
using Suno.Infrastructure.Configuration;
using Suno.Infrastructure.Observability;
using Suno.Infrastructure.Persistence;
using Suno.Infrastructure.Tasks;
using Suno.Infrastructure.Upstream;

namespace Suno.Infrastructure;

public static class DependencyInjection
{
    /// <summary>
    /// Settings (validated at start), the database, the Suno upstream, and the adapters of the task engine and of
    /// chat. Application's own services come from AddApplicationServices, which the host calls as well.
    /// </summary>
    public static IServiceCollection AddInfrastructureServices(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configuration);

        services.AddGatewaySettings(configuration);
        services.AddPersistence(configuration);
        services.AddUpstream(configuration);
        services.AddTaskEngineInfrastructure();
        services.AddChat();
        services.AddHealthChecks().AddCheck<AccountsHealthCheck>(AccountsHealthCheck.Name, tags: ["ready"]);
        services.AddGatewayMetrics();
        services.RemoveAll<ITaskMetrics>();
        services.AddSingleton<ITaskMetrics>(sp => sp.GetRequiredService<GatewayMetrics>());
        return services;
    }
}
