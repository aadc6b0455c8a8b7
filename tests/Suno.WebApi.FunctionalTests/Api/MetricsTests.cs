using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Text.RegularExpressions;
using Suno.WebApi.FunctionalTests.Tasks;

namespace Suno.WebApi.FunctionalTests.Api;

/// <summary>GET /metrics after driving the fake Suno: Prometheus text with the engine's, the upstream's and the accounts' series.</summary>
public sealed partial class MetricsTests
{
    private const string Token = "metrics-test-token";

    [Test]
    public async Task After_a_song_the_scrape_counts_it_times_it_and_shows_the_calls_and_the_accounts()
    {
        await using var gateway = await TaskApiGateway.StartAsync(settings: new Dictionary<string, string?> { ["Auth:SecretToken"] = Token });
        gateway.Client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", Token);
        var id = await gateway.SubmitOkAsync("music", new { gpt_description_prompt = "a song to be counted" });
        await gateway.WaitForStatusAsync(id, "SUCCESS");
        using (await gateway.Client.GetAsync(new Uri("/suno/account?refresh=true", UriKind.Relative)))
        {
        }

        using var response = await gateway.Client.GetAsync(new Uri("/metrics", UriKind.Relative));
        var text = await response.Content.ReadAsStringAsync();
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), text);
        Assert.That(response.Content.Headers.ContentType?.MediaType, Is.EqualTo("text/plain"));
        Assert.Multiple(() =>
        {
            Assert.That(Value(text, "suno_task_submissions_total{action=\"MUSIC\"}"), Is.EqualTo(1));
            Assert.That(Value(text, "suno_tasks{action=\"MUSIC\",status=\"SUCCESS\"}"), Is.EqualTo(1));
            Assert.That(Value(text, "suno_tasks{action=\"MUSIC\",status=\"QUEUED\"}"), Is.Zero);
            Assert.That(Value(text, "suno_task_completion_seconds_count{action=\"MUSIC\",status=\"SUCCESS\"}"), Is.EqualTo(1));
            Assert.That(Value(text, "suno_upstream_requests_total{endpoint=\"/api/generate/v2/\",method=\"POST\",status=\"200\"}"), Is.EqualTo(1));
            Assert.That(Value(text, "suno_upstream_requests_total{endpoint=\"/api/feed/v2\",method=\"GET\",status=\"200\"}"), Is.GreaterThanOrEqualTo(1));
            Assert.That(Value(text, "suno_upstream_request_duration_seconds_count{endpoint=\"/api/feed/v2\"}"), Is.GreaterThanOrEqualTo(1));
            Assert.That(Value(text, "suno_token_exchanges_total{outcome=\"200\"}"), Is.GreaterThanOrEqualTo(1));
            Assert.That(Value(text, "suno_account_credits_left{account=\"default\"}"), Is.EqualTo(gateway.Account.Credits));
            Assert.That(Value(text, "suno_accounts{state=\"active\"}"), Is.EqualTo(1));
            Assert.That(Value(text, "suno_accounts{state=\"invalid\"}"), Is.Zero);
            Assert.That(Value(text, "suno_poll_tick_duration_seconds_count"), Is.GreaterThanOrEqualTo(1));
            Assert.That(text, Does.Not.Contain(gateway.Account.ClientToken).And.Not.Contain(gateway.Account.SessionId).And.Not.Contain(Token), "no cookie, session or token");
        });
    }

    [Test]
    public async Task An_account_whose_calls_keep_failing_shows_its_circuit_open()
    {
        await using var gateway = await TaskApiGateway.StartAsync(settings: new Dictionary<string, string?>
        {
            ["Suno:Upstream:CircuitBreakerMinimumThroughput"] = "2",
            ["Suno:Upstream:ReadRetryCount"] = "0",
        });
        Assert.That(Value(await ScrapeAsync(gateway), "suno_upstream_circuit_open{account=\"default\"}"), Is.Zero, "closed before");

        gateway.Fake.State.Faults.FailNext(50, 500, FakeUpstream.FakeSunoEndpoints.Billing);
        for (var i = 0; i < 4; i++)
        {
            using (await gateway.Client.GetAsync(new Uri("/api/get_limit", UriKind.Relative)))
            {
            }
        }

        var text = await ScrapeAsync(gateway);
        Assert.Multiple(() =>
        {
            Assert.That(Value(text, "suno_upstream_circuit_open{account=\"default\"}"), Is.EqualTo(1), text);
            Assert.That(Value(text, "suno_upstream_requests_total{endpoint=\"/api/billing/info/\",method=\"GET\",status=\"500\"}"), Is.GreaterThanOrEqualTo(2));
        });
    }

    [Test]
    public async Task Metrics_need_the_token_unless_Metrics_Public_is_set()
    {
        await using (var closed = await TaskApiGateway.StartAsync(settings: new Dictionary<string, string?> { ["Auth:SecretToken"] = Token }))
        using (var denied = await closed.Client.GetAsync(new Uri("/metrics", UriKind.Relative)))
        {
            Assert.That(denied.StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized));
        }

        await using var open = await TaskApiGateway.StartAsync(settings: new Dictionary<string, string?> { ["Auth:SecretToken"] = Token, ["Metrics:Public"] = "true" });
        using var scraped = await open.Client.GetAsync(new Uri("/metrics", UriKind.Relative));
        Assert.That(scraped.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(await scraped.Content.ReadAsStringAsync(), Does.Contain("# TYPE suno_tasks gauge"));
        using var other = await open.Client.GetAsync(new Uri("/suno/account", UriKind.Relative));
        Assert.That(other.StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized), "only /metrics is opened");
    }

    private static async Task<string> ScrapeAsync(TaskApiGateway gateway)
    {
        using var response = await gateway.Client.GetAsync(new Uri("/metrics", UriKind.Relative));
        return await response.Content.ReadAsStringAsync();
    }

    /// <summary>The value of one series line (name with labels, exactly as exposed); fails when it is absent.</summary>
    private static double Value(string exposition, string series)
    {
        var match = Regex.Match(exposition, "^" + Regex.Escape(series) + @" (\S+)$", RegexOptions.Multiline);
        Assert.That(match.Success, Is.True, $"series {series} in:\n{exposition}");
        return double.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture);
    }
}
