using Microsoft.Extensions.DependencyInjection;
using Suno.Application.Tasks.Engine;
using Suno.Infrastructure.Callbacks;

using Suno.Infrastructure.Observability;

namespace Suno.Infrastructure.Tasks;

public static class TaskEngineInfrastructureExtensions
{
    /// <summary>
    /// The task engine's adapters: the lease store and the background polling worker (idle when Tasks:Polling is
    /// false). The engine itself is Application's (AddApplicationServices); its settings, section Tasks, are
    /// registered with the other settings by AddGatewaySettings.
    /// </summary>
    public static IServiceCollection AddTaskEngineInfrastructure(this IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.AddScoped<ITaskLeaseStore, TaskLeaseStore>();
        services.AddGatewayMetrics();  // the worker times each tick
        services.AddHostedService<TaskPollingWorker>();
        services.AddCallbackDelivery();
        return services;
    }
}
