using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;

namespace Suno.FakeUpstream;

/// <summary>
/// The fake Suno studio API and Clerk on real Kestrel at <c>http://127.0.0.1:{free port}</c>. Studio and Clerk
/// share the server: their paths do not collide.
/// </summary>
/// <example>
/// <code>
/// await using var server = await FakeSunoServer.StartAsync(new FakeSunoOptions { TimeProvider = clock });
/// var account = server.State.AddAccount();
/// // configure the client with server.BaseUrl, server.ClerkBaseUrl and account.Cookie
/// </code>
/// </example>
public sealed class FakeSunoServer : IAsyncDisposable
{
    private readonly WebApplication _app;

    private FakeSunoServer(WebApplication app, Uri baseUrl)
    {
        _app = app;
        BaseUrl = baseUrl;
        State = app.Services.GetRequiredService<FakeSunoState>();
    }

    /// <summary>Base URL of the studio API (stands in for <c>https://studio-api.prod.suno.com</c>).</summary>
    public Uri BaseUrl { get; }

    /// <summary>Base URL of Clerk (stands in for <c>https://auth.suno.com</c>); the same server as <see cref="BaseUrl"/>.</summary>
    public Uri ClerkBaseUrl => BaseUrl;

    /// <summary>
    /// Base URL of the fake OpenAI-compatible model (<c>{BaseUrl}openai/v1/</c>): the gateway's Chat:OpenAiBase in
    /// tests, with <see cref="FakeOpenAiModel.ApiKey"/> as Chat:OpenAiKey.
    /// </summary>
    public Uri OpenAiBaseUrl => new(BaseUrl, "openai/v1/");

    /// <summary>The state tests drive: accounts, switches, faults, counters.</summary>
    public FakeSunoState State { get; }

    public static async Task<FakeSunoServer> StartAsync(FakeSunoOptions? options = null, CancellationToken ct = default)
    {
        var builder = WebApplication.CreateEmptyBuilder(new WebApplicationOptions
        {
            ApplicationName = typeof(FakeSunoServer).Assembly.GetName().Name,
        });
        builder.WebHost.UseKestrelCore().ConfigureKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0));
        builder.Services.AddRoutingCore();
        builder.Services.AddFakeSuno(options ?? new FakeSunoOptions());

        var app = builder.Build();
        app.UseRouting();
        app.MapFakeSuno();
        try
        {
            await app.StartAsync(ct).ConfigureAwait(false);
            var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!
                .Addresses.First();
            return new FakeSunoServer(app, new Uri(address.TrimEnd('/') + "/"));
        }
        catch
        {
            await app.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync().ConfigureAwait(false);
        await _app.DisposeAsync().ConfigureAwait(false);
    }
}
