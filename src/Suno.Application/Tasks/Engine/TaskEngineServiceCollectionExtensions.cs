using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Suno.Application.Common.Interfaces;
using Suno.Application.Common.Tenancy;
using Suno.Application.Tasks.Common;

namespace Suno.Application.Tasks.Engine;

public static class TaskEngineServiceCollectionExtensions
{
    /// <summary>The submission path, the reader and waiter, the poller and its settler; Infrastructure adds the lease store and the background worker.</summary>
    public static IServiceCollection AddTaskEngine(this IServiceCollection services)
    {
        services.TryAddSingleton<GatewayInstance>();
        services.TryAddSingleton<ITaskChangeNotifier, TaskChangeNotifier>();
        services.TryAddSingleton<ITaskMetrics, NoTaskMetrics>();
        services.AddOptions<TaskEngineOptions>();
        services.TryAddScoped<CallerContext>();
        services.TryAddScoped<ICallerContext>(sp => sp.GetRequiredService<CallerContext>());
        services.AddScoped<TenantAccounts>();
        services.AddScoped<TaskReader>();
        services.AddScoped<Clips.AlignedLyricsReader>();
        services.AddScoped<TaskWaiter>();
        services.AddScoped<TaskSubmitter>();
        services.AddScoped<LostSubmissionSettler>();
        services.AddScoped<TaskPoller>();
        services.AddScoped<Callbacks.CallbackStager>();
        services.AddOptions<Callbacks.CallbackOptions>();
        return services;
    }
}
