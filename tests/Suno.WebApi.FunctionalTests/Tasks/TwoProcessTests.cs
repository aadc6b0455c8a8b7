using System.Net.Http.Json;
using System.Text.Json;
using System.Web;
using Microsoft.EntityFrameworkCore;
using Suno.Domain.Tasks;
using Suno.FakeUpstream;
using Suno.Infrastructure.IntegrationTests.Support;
using Suno.Infrastructure.Persistence;
using Suno.Testing;
using Suno.WebApi.FunctionalTests.Support;

namespace Suno.WebApi.FunctionalTests.Tasks;

/// <summary>
/// Two gateway processes on one PostgreSQL database share the polling: while both run, no task is polled by both;
/// when one is killed, the other takes its tasks over once their leases expire and finishes them.
/// </summary>
public sealed class TwoProcessTests
{
    [Test]
    public async Task Two_gateways_on_one_database_never_poll_the_same_task_and_the_survivor_finishes_the_work()
    {
        await using var upstream = await ProcessTestUpstream.StartAsync(TimeSpan.FromSeconds(2), TimeSpan.FromSeconds(25));
        var fake = upstream.Fake;
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Postgres);
        Dictionary<string, string?> Settings(string name)
        {
            var settings = upstream.GatewaySettings(database, TimeSpan.FromSeconds(6));
            settings["Suno__Upstream__UserAgent"] = name;
            return settings;
        }

        await using var a = await GatewayProcess.StartAsync(Settings("gateway-a"));
        await using var b = await GatewayProcess.StartAsync(Settings("gateway-b"));
        var ids = new List<string>();
        foreach (var (gateway, i) in Enumerable.Range(0, 10).Select(i => (i % 2 == 0 ? a : b, i)))
        {
            using var response = await gateway.Http.PostAsJsonAsync("/suno/submit/music", new { gpt_description_prompt = $"shared song {i}" });
            var body = await response.Content.ReadFromJsonAsync<JsonElement>();
            Assert.That(response.IsSuccessStatusCode, Is.True, body.ToString());
            ids.Add(body.GetProperty("data").GetString()!);
        }

        // Let both poll for a while, then look at who asked Suno for which clip.
        await Eventually.AssertAsync(
            () => Task.FromResult(fake.State.Requests.Of(FakeSunoEndpoints.FeedV2).Count >= 6),
            "the gateways have polled a few times",
            TimeSpan.FromSeconds(30));
        var whileBoth = PolledClipsByGateway(fake);
        Assert.That(whileBoth.Keys, Is.SubsetOf(new[] { "gateway-a", "gateway-b" }));
        var polledByBoth = whileBoth.GetValueOrDefault("gateway-a", []).Intersect(whileBoth.GetValueOrDefault("gateway-b", [])).ToList();
        Assert.That(polledByBoth, Is.Empty, "no clip was polled by both gateways while both ran:\n" + string.Join("\n",
            fake.State.Requests.Of(FakeSunoEndpoints.FeedV2).Where(r => polledByBoth.Any(id => r.Query!.Contains(id, StringComparison.Ordinal))).Select(r => $"{r.At:HH:mm:ss.fff} {r.UserAgent} {r.Query}")));

        // Kill the gateway that holds the leases now; the other must take its tasks over and finish everything.
        var holder = await LeaseHolderAsync(database);
        Assert.That(holder, Is.Not.Null, "some running task is leased");
        var holderPid = int.Parse(holder!.Split(':')[1], System.Globalization.CultureInfo.InvariantCulture);
        var (victim, survivorName) = holderPid == a.ProcessId ? (a, "gateway-b") : (b, "gateway-a");
        Assert.That(holderPid, Is.EqualTo(victim.ProcessId), "the lease owner is one of the two gateways");
        await victim.KillAsync();
        var killedAt = DateTimeOffset.UtcNow + TimeSpan.FromMilliseconds(500); // a request already on the wire may land just after

        await Eventually.AssertAsync(
            async () =>
            {
                await using var db = database.CreateContext();
                return await db.Tasks.CountAsync(t => t.Status == SunoTaskStatus.Success) == 10;
            },
            "the surviving gateway finished all ten tasks",
            TimeSpan.FromSeconds(90));

        var afterKill = fake.State.Requests.Of(FakeSunoEndpoints.FeedV2).Where(r => r.At > killedAt).ToList();
        Assert.That(afterKill.Select(r => r.UserAgent).Distinct(), Is.EqualTo(new[] { survivorName }), "after the kill only the survivor polls");
        Assert.That(fake.State.Counters.Get(FakeSunoEndpoints.Generate), Is.EqualTo(10), "nothing was generated twice");
    }

    private static Dictionary<string, HashSet<string>> PolledClipsByGateway(FakeSunoServer fake) =>
        fake.State.Requests.Of(FakeSunoEndpoints.FeedV2)
            .GroupBy(r => r.UserAgent)
            .ToDictionary(
                g => g.Key,
                g => g.SelectMany(r => (HttpUtility.ParseQueryString(r.Query ?? string.Empty)["ids"] ?? string.Empty).Split(',', StringSplitOptions.RemoveEmptyEntries)).ToHashSet());

    private static async Task<string?> LeaseHolderAsync(TestDatabase database)
    {
        await using var db = database.CreateContext();
        return await db.Tasks
            .Where(t => t.LeaseOwner != null && (t.Status == SunoTaskStatus.Submitted || t.Status == SunoTaskStatus.Queued || t.Status == SunoTaskStatus.InProgress))
            .Select(t => t.LeaseOwner)
            .FirstOrDefaultAsync();
    }
}
