using Suno.FakeUpstream;
using Suno.Infrastructure.IntegrationTests.Support;
using Suno.Infrastructure.Persistence;
using Suno.Testing;
using Suno.WebApi.FunctionalTests.Tasks;

namespace Suno.WebApi.FunctionalTests.Logging;

/// <summary>What the gateway process prints about its calls to Suno: nothing at the default level, one line each with DEBUG.</summary>
public sealed class UpstreamLogTests
{
    private const string OtherTenantsClipId = "0f1e2d3c-4b5a-6978-8796-a5b4c3d2e1f0";

    [Test]
    public async Task At_the_default_level_calls_to_Suno_write_no_HttpClient_lines()
    {
        await using var upstream = await ProcessTestUpstream.StartAsync(TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(2));
        var output = await RunAndCallSunoAsync(upstream, debug: false);

        Assert.Multiple(() =>
        {
            Assert.That(upstream.Fake.State.Counters.Get(FakeSunoEndpoints.Billing), Is.GreaterThan(0), "the gateway called the fake upstream");
            Assert.That(output, Does.Not.Contain("System.Net.Http"), output);
            Assert.That(output, Does.Not.Contain("Upstream GET"), "the upstream line is Debug");
        });
    }

    [Test]
    public async Task With_DEBUG_each_call_to_Suno_is_one_line_with_method_path_status_and_duration_and_no_secrets()
    {
        await using var upstream = await ProcessTestUpstream.StartAsync(TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(2));
        var output = await RunAndCallSunoAsync(upstream, debug: true);

        var lines = output.Split('\n').Where(l => l.Contains("Upstream ", StringComparison.Ordinal) && l.Contains(" ms", StringComparison.Ordinal)).ToList();
        var account = upstream.Account;
        Assert.Multiple(() =>
        {
            Assert.That(lines, Has.Some.Match(@"Upstream GET /api/billing/info/ answered 200 in \d+ ms"), output);
            Assert.That(lines, Has.Some.Match(@"Upstream GET /api/feed/v2 answered 200 in \d+ ms"), output);
            Assert.That(lines, Has.Some.Match(@"Upstream POST /v1/client/sessions/sess_\*/tokens answered 200 in \d+ ms"), output);
            Assert.That(lines, Has.None.Contain("?"), "no query string");
            Assert.That(lines, Has.None.Contain(OtherTenantsClipId));
            Assert.That(lines, Has.None.Contain(account.ClientToken).And.None.Contain(account.SessionId).And.None.Contain("eyJ").And.None.Contain("Bearer"));
            Assert.That(output, Does.Not.Contain("System.Net.Http"), "HttpClient's own lines stay off with DEBUG too");
        });
    }

    private static async Task<string> RunAndCallSunoAsync(ProcessTestUpstream upstream, bool debug)
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        var settings = upstream.GatewaySettings(database, TimeSpan.FromSeconds(30));
        if (debug)
        {
            settings["DEBUG"] = "true";
        }

        await using var gateway = await GatewayProcess.StartAsync(settings);
        using (var limit = await gateway.Http.GetAsync(new Uri("/api/get_limit", UriKind.Relative)))
        {
            Assert.That(limit.IsSuccessStatusCode, Is.True, gateway.OutputTail);
        }

        using (var clips = await gateway.Http.GetAsync(new Uri($"/api/get?ids={OtherTenantsClipId}", UriKind.Relative)))
        {
            Assert.That(clips.IsSuccessStatusCode, Is.True, gateway.OutputTail);
        }

        return gateway.Output;
    }
}
