using Microsoft.Extensions.DependencyInjection;
using Suno.Application.Tasks.Engine;

namespace Suno.Infrastructure.Tasks;

public static class TaskEngineInfrastructureExtensions
{
    /// <summary>
    /// The task engine's adapters (Application registers the engine itself; its settings, section Tasks, are read with
    /// the other settings by AddGatewaySettings): the lease store and the background polling worker (idle when
    /// Tasks:Polling is false).
    /// </summary>
    public static IServiceCollection AddTaskEngineInfrastructure(this IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.AddScoped<ITaskLeaseStore, TaskLeaseStore>();
        services.AddHostedService<TaskPollingWorker>();
        return services;
    }
}
