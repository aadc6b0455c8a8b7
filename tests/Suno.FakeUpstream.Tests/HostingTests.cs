using System.Net;
using System.Net.Http.Headers;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace Suno.FakeUpstream.Tests;

public class HostingTests
{
    [Test]
    public async Task StartAsync_BindsLoopbackOnAFreePort()
    {
        await using var first = await FakeSunoServer.StartAsync();
        await using var second = await FakeSunoServer.StartAsync();

        Assert.That(first.BaseUrl.Host, Is.EqualTo("127.0.0.1"));
        Assert.That(first.BaseUrl.Port, Is.Not.EqualTo(second.BaseUrl.Port));
        Assert.That(first.ClerkBaseUrl, Is.EqualTo(first.BaseUrl));
    }

    [Test]
    public async Task MapFakeSuno_UnderAPrefix_ServesBesideTheHostsOwnApiRoutes()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Services.AddFakeSuno(o => o.SandboxMarking = true);
        await using var app = builder.Build();
        app.MapGet("/api/get_limit", () => Results.Ok("gateway's own route"));
        app.MapFakeSuno("/fake-suno");
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        using var http = new HttpClient { BaseAddress = new Uri(address) };
        var state = app.Services.GetRequiredService<FakeSunoState>();
        var account = state.AddAccount();

        using var clientRequest = new HttpRequestMessage(HttpMethod.Get, "/fake-suno/v1/client");
        clientRequest.Headers.TryAddWithoutValidation("Cookie", account.Cookie);
        using var clientResponse = await http.SendAsync(clientRequest);
        using var billingRequest = new HttpRequestMessage(HttpMethod.Get, "/fake-suno/api/billing/info/");
        billingRequest.Headers.Authorization = new AuthenticationHeaderValue("Bearer", state.IssueJwt(account));
        using var billingResponse = await http.SendAsync(billingRequest);
        using var own = await http.GetAsync("/api/get_limit");

        Assert.That(clientResponse.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(billingResponse.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(own.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(state.Counters.Get(FakeSunoEndpoints.Billing, account), Is.EqualTo(1));
        await app.StopAsync();
    }

    [Test]
    public void Options_InconsistentPhases_AreRejected()
    {
        var options = new FakeSunoOptions { StreamingAfter = TimeSpan.FromSeconds(10), CompleteAfter = TimeSpan.FromSeconds(5) };

        Assert.That(() => new FakeSunoState(options), Throws.InvalidOperationException);
    }

    [Test]
    public void ManualTimeProvider_OnlyMovesWhenTold()
    {
        var clock = new ManualTimeProvider(new DateTimeOffset(2026, 3, 1, 0, 0, 0, TimeSpan.Zero));

        var start = clock.GetUtcNow();
        clock.Advance(TimeSpan.FromMinutes(2));

        Assert.That(clock.GetUtcNow() - start, Is.EqualTo(TimeSpan.FromMinutes(2)));
        Assert.That(() => clock.Advance(TimeSpan.FromSeconds(-1)), Throws.InstanceOf<ArgumentOutOfRangeException>());
    }
}
