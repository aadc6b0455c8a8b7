using System.Net;
using System.Net.Http;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Suno.Application.Accounts;
using Suno.Application.Common.Interfaces;
using Suno.Infrastructure.Configuration;
using Suno.Infrastructure.Persistence;
using Suno.Infrastructure.Upstream.Accounts;
using Suno.Infrastructure.Upstream.Captcha;
using Suno.Infrastructure.Upstream.Clerk;
using Suno.Infrastructure.Upstream.Studio;

using Suno.Infrastructure.Observability;

namespace Suno.Infrastructure.Upstream;

public static class UpstreamServiceCollectionExtensions
{
    /// <summary>
    /// The Suno upstream: <see cref="ISunoUpstream"/> (studio-api), <see cref="IAccountProvider"/> (accounts),
    /// <see cref="ICaptchaTokenProvider"/>, the Clerk session manager and the keep-alive/credits background service.
    /// Reads the <c>Suno</c> section (<see cref="SunoOptions"/>) and <c>Suno:Upstream</c>
    /// (<see cref="UpstreamOptions"/>); both are validated at start.
    /// </summary>
    public static IServiceCollection AddUpstream(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        services.TryAddSingleton(TimeProvider.System);
        // The Suno section is read once, the gateway's way (one-line errors naming alias and key); a second
        // registration (AddGatewaySettings) changes nothing.
        services.AddValidatedSettings<SunoOptions>(configuration, SunoOptions.Read);
        services.AddOptions<UpstreamOptions>()
            .Bind(configuration.GetSection(UpstreamOptions.SectionName))
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.AddOptions<AccountListOptions>()
            .Configure<IOptions<UpstreamOptions>>((list, upstream) => list.CreditsMaxAge = upstream.Value.CreditsRefreshInterval);

        services.TryAddSingleton<UpstreamResilience>();
        services.TryAddSingleton<AccountRegistry>();
        services.TryAddSingleton<AccountStore>();
        // The cookie encryption the store uses, registered here alone; AddPersistence gives the key ring its folder
        // (without it, as in tests of the upstream alone, the keys live in memory).
        services.AddDataProtection();
        services.TryAddSingleton<CookieProtector>();
        services.TryAddSingleton<SunoSessionManager>();
        services.TryAddSingleton<AccountLifecycle>();
        services.TryAddSingleton<AccountPool>();
        services.TryAddSingleton<IAccountProvider>(sp => sp.GetRequiredService<AccountPool>());
        services.AddHostedService<AccountMaintenanceService>();

        services.AddGatewayMetrics();  // UpstreamCallLog counts every call
        services.TryAddTransient<UpstreamCallLog>();
        ConfigureClient(services.AddHttpClient<ClerkClient>()).ConfigurePrimaryHttpMessageHandler(CreateSunoHandler);
        ConfigureClient(services.AddHttpClient<SunoStudioClient>()).ConfigurePrimaryHttpMessageHandler(CreateSunoHandler);
        services.TryAddTransient<ISunoUpstream, AccountRecordingUpstream>();
        // The solver is the operator's own service, not Suno: it does not go through Suno:Proxy.
        ConfigureClient(services.AddHttpClient<ICaptchaTokenProvider, HttpCaptchaTokenProvider>());
        return services;
    }

    private static IHttpClientBuilder ConfigureClient(IHttpClientBuilder client) =>
        // The Polly pipelines own the timeouts (one per attempt). UpstreamCallLog is the one log line per call: the
        // factory's own lines (and their scope with the full URL, query included) are removed.
        client.ConfigureHttpClient(http => http.Timeout = Timeout.InfiniteTimeSpan)
            .RemoveAllLoggers()
            .AddHttpMessageHandler<UpstreamCallLog>();

    /// <summary>The handler of every call to Suno and Clerk: manual cookies, no redirects, Suno:Proxy when set.</summary>
    internal static SocketsHttpHandler CreateSunoHandler(IServiceProvider services)
    {
        var connection = services.GetRequiredService<IOptions<SunoOptions>>().Value;
        var options = services.GetRequiredService<IOptions<UpstreamOptions>>().Value;
        var handler = new SocketsHttpHandler
        {
            UseCookies = false,
            AllowAutoRedirect = false,
            AutomaticDecompression = DecompressionMethods.All,
            ConnectTimeout = options.ConnectTimeout,
            PooledConnectionLifetime = TimeSpan.FromMinutes(5),
        };
        if (CreateProxy(connection.Proxy) is { } proxy)
        {
            handler.Proxy = proxy;
            handler.UseProxy = true;
        }
        else
        {
            handler.UseProxy = false;
        }

        return handler;
    }

    /// <summary>A WebProxy for http://[user:pass@]host:port; it is used for every host, loopback included.</summary>
    internal static WebProxy? CreateProxy(Uri? uri)
    {
        if (uri is null)
        {
            return null;
        }

        var address = new UriBuilder(uri) { UserName = string.Empty, Password = string.Empty }.Uri;
        var webProxy = new WebProxy(address) { BypassProxyOnLocal = false };
        if (!string.IsNullOrEmpty(uri.UserInfo))
        {
            var parts = uri.UserInfo.Split(':', 2);
            webProxy.Credentials = new NetworkCredential(Uri.UnescapeDataString(parts[0]), parts.Length > 1 ? Uri.UnescapeDataString(parts[1]) : string.Empty);
        }

        return webProxy;
    }
}
