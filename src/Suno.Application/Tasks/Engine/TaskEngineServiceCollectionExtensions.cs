using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Suno.Application.Tasks.Engine;

public static class TaskEngineServiceCollectionExtensions
{
    /// <summary>The submission path and the poller; Infrastructure adds the lease store and the background worker.</summary>
    public static IServiceCollection AddTaskEngine(this IServiceCollection services)
    {
        services.TryAddSingleton<GatewayInstance>();
        services.TryAddSingleton<ITaskChangeNotifier, TaskChangeNotifier>();
        services.AddOptions<TaskEngineOptions>();
        services.AddScoped<TaskSubmitter>();
        services.AddScoped<TaskPoller>();
        return services;
    }
}
