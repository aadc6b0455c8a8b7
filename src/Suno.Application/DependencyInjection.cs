using System.Reflection;
using FluentValidation;
using MediatR;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Suno.Application.Common.Behaviours;
using Suno.Application.Tasks.Engine;

namespace Suno.Application;

public static class DependencyInjection
{
    /// <summary>
    /// Registers MediatR 5.1.0 by hand (its DI package does not restore here) and the handlers of this assembly, the
    /// validators (FluentValidation.DependencyInjectionExtensions), the pipeline behaviours, and the task engine:
    /// everything of Application. The task → DTO mapping is Mapperly, generated at compile time:
    /// nothing to register.
    /// </summary>
    public static IServiceCollection AddApplicationServices(this IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);
        var assembly = typeof(DependencyInjection).Assembly;

        services.TryAddSingleton(TimeProvider.System);
        services.AddScoped<ServiceFactory>(provider => provider.GetService);
        services.AddScoped<IMediator, Mediator>();
        RegisterClosedImplementations(services, assembly, typeof(IRequestHandler<,>));
        RegisterClosedImplementations(services, assembly, typeof(INotificationHandler<>));

        // Validators by FluentValidation's own scan, transient as before. A validator may take settings in its
        // constructor (SubmitMusicCommandValidator reads IOptions<TaskEngineOptions>): transient can take IOptions
        // and a scoped IOptionsSnapshot alike (a singleton could not take the latter and would freeze the values),
        // and it lives no longer than the scoped ValidationBehaviour that asks for it.
        services.AddValidatorsFromAssembly(assembly, ServiceLifetime.Transient, includeInternalTypes: true);

        // Pipeline behaviours, outermost first (MediatR runs them in registration order):
        // 1. unhandled-exception logging wraps everything, so a failure anywhere below (validation included) is
        //    logged once with the request name;
        // 2. validation runs before any work, so handlers only ever see valid requests;
        // 3. performance/logging sits next to the handler, so the time it logs is the handler's own.
        services.AddScoped(typeof(IPipelineBehavior<,>), typeof(UnhandledExceptionBehaviour<,>));
        services.AddScoped(typeof(IPipelineBehavior<,>), typeof(ValidationBehaviour<,>));
        services.AddScoped(typeof(IPipelineBehavior<,>), typeof(PerformanceBehaviour<,>));

        // The use cases' own services (the task engine: caller, reader, waiter, submitter, settler, poller);
        // Infrastructure adds only adapters (lease store, polling worker, planner, reply renderer).
        services.AddTaskEngine();
        return services;
    }

    private static void RegisterClosedImplementations(IServiceCollection services, Assembly assembly, Type openInterface)
    {
        var implementations = assembly.GetTypes()
            .Where(t => t is { IsAbstract: false, IsInterface: false, IsGenericTypeDefinition: false });
        foreach (var implementation in implementations)
        {
            foreach (var service in implementation.GetInterfaces()
                         .Where(i => i.IsGenericType && i.GetGenericTypeDefinition() == openInterface))
            {
                services.AddTransient(service, implementation);
            }
        }
    }
}
