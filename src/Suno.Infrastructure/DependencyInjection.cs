using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Suno.Infrastructure.Configuration;
using Suno.Infrastructure.Persistence;

namespace Suno.Infrastructure;

public static class DependencyInjection
{
    /// <summary>Settings (validated at start) and the database.</summary>
    public static IServiceCollection AddInfrastructureServices(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configuration);

        services.AddGatewaySettings(configuration);
        services.AddPersistence(configuration);
        return services;
    }
}
