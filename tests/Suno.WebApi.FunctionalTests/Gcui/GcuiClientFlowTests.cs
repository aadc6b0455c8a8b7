using Suno.FakeUpstream;
using Suno.WebApi.FunctionalTests.Support;
using Suno.WebApi.FunctionalTests.Tasks;

namespace Suno.WebApi.FunctionalTests.Gcui;

/// <summary>
/// The client flows of gcui-art's agent guide (seed 000) run by a real client: build/clients/flows/gcui-flows.mjs on
/// Node's own fetch, against the gateway on real Kestrel with the fake Suno. It lives here rather than in
/// Suno.Clients.Tests because the flows need what only this project wires up: fake accounts with chosen credits
/// (the 402 and rotation paths) and the fake's per-account counters to check where each generation landed.
/// </summary>
[TestFixture]
public sealed class GcuiClientFlowTests
{
    [Test]
    public async Task Seed_000_flows_work_from_a_node_client()
    {
        await using var gateway = await TaskApiGateway.StartAsync();
        var second = gateway.Fake.State.AddAccount(new FakeAccountSpec { Credits = 500 });
        var poor = gateway.Fake.State.AddAccount(new FakeAccountSpec { Credits = 5 });
        var empty = gateway.Fake.State.AddAccount(new FakeAccountSpec { Credits = 0 });
        var (result, summary) = await ClientFlows.RunAsync("gcui-flows.mjs", new Dictionary<string, string?>
        {
            ["GATEWAY_URL"] = gateway.Client.BaseAddress!.ToString(),
            ["SECOND_COOKIE"] = second.Cookie,
            ["POOR_COOKIE"] = poor.Cookie,
            ["EMPTY_COOKIE"] = empty.Cookie,
            ["POLL_MS"] = "250",
        });
        using var document = summary;
        var root = document.RootElement;
        Assert.That(root.GetProperty("poll").GetString(), Is.EqualTo("streaming"), result.ToString());
        Assert.That(root.GetProperty("safe").GetString(), Does.StartWith("generated"));
        Assert.That(root.GetProperty("poor").GetString(), Is.EqualTo("out of credits (402)"));
        Assert.That(root.GetProperty("empty").GetString(), Is.EqualTo("skipped: no credits remaining"));

        // Where each generation landed: the rotation's cookie account once, the 402 account asked once and refused,
        // the empty account never asked (the client checked /api/get_limit first).
        var counters = gateway.Fake.State.Counters;
        Assert.That(counters.Get(FakeSunoEndpoints.Generate, second), Is.EqualTo(1));
        Assert.That(counters.Get(FakeSunoEndpoints.Generate, poor), Is.EqualTo(1));
        Assert.That(counters.Get(FakeSunoEndpoints.Generate, empty), Is.Zero);
        Assert.That(counters.Get(FakeSunoEndpoints.Generate, gateway.Account), Is.EqualTo(3), "poll flow, safe_generate, rotation's first account");
        var rotated = root.GetProperty("rotation")[1].EnumerateArray().Select(e => e.GetString()).ToList();
        Assert.That(gateway.Fake.State.ClipIdsOf(second), Is.SupersetOf(rotated));
    }
}
