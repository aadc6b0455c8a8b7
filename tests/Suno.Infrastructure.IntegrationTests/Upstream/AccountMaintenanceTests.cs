using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Suno.FakeUpstream;
using Suno.Infrastructure.Upstream.Accounts;

namespace Suno.Infrastructure.IntegrationTests.Upstream;

/// <summary>The background service: keep-alive and credit refresh on their intervals.</summary>
[TestFixture]
public sealed class AccountMaintenanceTests
{
    [Test]
    public async Task The_background_service_renews_sessions_and_reads_credits_on_its_intervals()
    {
        await using var h = await UpstreamHarness.StartAsync(
            UpstreamHarness.DefaultAccount(out _),
            settings: new Dictionary<string, string?>
            {
                ["Suno:Upstream:KeepAliveInterval"] = "00:00:00.200",
                ["Suno:Upstream:CreditsRefreshInterval"] = "00:00:00.200",
            });
        var service = h.Services.GetServices<IHostedService>().OfType<AccountMaintenanceService>().Single();

        await service.StartAsync(CancellationToken.None);
        try
        {
            Assert.That(h.Registry.FindByName("default"), Is.Not.Null, "accounts are loaded when StartAsync returns");
            // The client's clock is the harness's manual clock: move it on, or every read looks younger than the interval.
            await PollUntilAsync(
                () =>
                {
                    h.Clock.Advance(TimeSpan.FromMilliseconds(200));
                    return h.Count(FakeSunoEndpoints.ClerkTokens) >= 3 && h.Count(FakeSunoEndpoints.Billing) >= 2;
                },
                () => $"token exchanges {h.Count(FakeSunoEndpoints.ClerkTokens)}, billing reads {h.Count(FakeSunoEndpoints.Billing)}");
        }
        finally
        {
            await service.StopAsync(CancellationToken.None);
        }

        var summary = (await h.Pool.ListAsync(CancellationToken.None)).Single();
        Assert.That(summary.CreditsLeft, Is.EqualTo(50));
    }

    [Test]
    public async Task Credits_are_read_at_start_not_one_interval_later()
    {
        await using var h = await UpstreamHarness.StartAsync(UpstreamHarness.DefaultAccount(out _));
        var service = h.Services.GetServices<IHostedService>().OfType<AccountMaintenanceService>().Single();

        await service.StartAsync(CancellationToken.None);
        try
        {
            await PollUntilAsync(() => h.Registry.FindByName("default")?.ToSummary().CreditsLeft is not null, () => "no credits read after start (the interval is 10 minutes)");
        }
        finally
        {
            await service.StopAsync(CancellationToken.None);
        }

        Assert.That((await h.Pool.ListAsync(CancellationToken.None)).Single().CreditsLeft, Is.EqualTo(50));
    }

    private static async Task PollUntilAsync(Func<bool> condition, Func<string> describe)
    {
        var deadline = DateTime.UtcNow.AddSeconds(15);
        while (!condition())
        {
            if (DateTime.UtcNow > deadline)
            {
                Assert.Fail($"Timed out waiting: {describe()}");
            }

            await Task.Delay(50);
        }
    }
}
