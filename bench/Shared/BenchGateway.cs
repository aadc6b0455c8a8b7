using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Suno.Bench;

/// <summary>The gateway in this process on real Kestrel at 127.0.0.1, with the benchmark's settings.</summary>
internal sealed class BenchGateway(IReadOnlyDictionary<string, string?> settings) : WebApplicationFactory<Program>
{
    public HttpClient StartClient()
    {
        // The gateway needs no content files; without this the factory looks for the solution above the binaries.
        Environment.SetEnvironmentVariable("ASPNETCORE_TEST_CONTENTROOT_SUNO_WEBAPI", AppContext.BaseDirectory);
        Environment.SetEnvironmentVariable("ASPNETCORE_TEST_CONTENTROOT_Suno.WebApi", AppContext.BaseDirectory);
        UseKestrel(0);
        StartServer();
        var address = Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses
            .Single(a => a.StartsWith("http://127.0.0.1:", StringComparison.Ordinal));
        return new HttpClient { BaseAddress = new Uri(address), Timeout = TimeSpan.FromSeconds(60) };
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Production");
        builder.ConfigureAppConfiguration((_, config) => config.AddInMemoryCollection(settings));
        builder.ConfigureLogging(logging => logging.SetMinimumLevel(LogLevel.Warning));
    }
}
