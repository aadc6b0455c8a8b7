using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Suno.FakeUpstream;
using System.Globalization;

namespace Suno.Bench;

/// <summary>The gateway in this process on real Kestrel at 127.0.0.1, with the benchmark's settings.</summary>
internal sealed class BenchGateway(IReadOnlyDictionary<string, string?> settings) : WebApplicationFactory<Program>
{
    /// <summary>"name=value" arguments, case-insensitive names.</summary>
    public static IReadOnlyDictionary<string, string> Arguments(string[] args) =>
        args.Select(a => a.Split('=', 2)).Where(p => p.Length == 2).ToDictionary(p => p[0], p => p[1], StringComparer.OrdinalIgnoreCase);

    /// <summary>
    /// A gateway on a fresh SQLite file in a temporary folder, using <paramref name="account"/> of
    /// <paramref name="fake"/>, polling every <paramref name="pollSeconds"/>, logging warnings only (plus
    /// <paramref name="extra"/> settings).
    /// </summary>
    public static BenchGateway For(FakeSunoServer fake, FakeAccount account, int pollSeconds, IReadOnlyDictionary<string, string?>? extra = null)
    {
        ArgumentNullException.ThrowIfNull(fake);
        ArgumentNullException.ThrowIfNull(account);
        var workDir = Directory.CreateTempSubdirectory("suno-bench-");
        var all = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase)
        {
            ["Database:SqlitePath"] = Path.Combine(workDir.FullName, "suno.db"),
            ["Suno:Cookie"] = account.Cookie,
            ["Suno:BaseUrl"] = fake.BaseUrl.ToString(),
            ["Suno:ClerkBaseUrl"] = fake.ClerkBaseUrl.ToString(),
            ["Tasks:PollIntervalSeconds"] = pollSeconds.ToString(CultureInfo.InvariantCulture),
            ["Logging:LogLevel:Default"] = "Warning",
        };
        foreach (var (key, value) in extra ?? new Dictionary<string, string?>())
        {
            all[key] = value;
        }

        return new BenchGateway(all);
    }

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
