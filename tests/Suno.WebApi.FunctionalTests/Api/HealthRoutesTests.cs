using System.Diagnostics;
using System.Net;
using System.Text.Json;
using Suno.Testing;
using Suno.WebApi.FunctionalTests.Support;
using Suno.WebApi.FunctionalTests.Tasks;

namespace Suno.WebApi.FunctionalTests.Api;

/// <summary>/health/live, /health/ready and /health, and a start against a database server that is not there.</summary>
public sealed class HealthRoutesTests
{
    [Test]
    public async Task With_a_usable_account_live_and_ready_are_200_and_health_keeps_its_one_check()
    {
        await using var gateway = await TaskApiGateway.StartAsync(settings: new Dictionary<string, string?> { ["Auth:SecretToken"] = "health-token" });

        var live = await GetAsync(gateway.Client, "/health/live");
        var ready = await GetAsync(gateway.Client, "/health/ready");
        var health = await GetAsync(gateway.Client, "/health");
        Assert.Multiple(() =>
        {
            Assert.That(live, Is.EqualTo((HttpStatusCode.OK, "healthy", "{}")), "no check runs for liveness; no token needed");
            Assert.That(ready, Is.EqualTo((HttpStatusCode.OK, "healthy", """{"database":"healthy","accounts":"healthy"}""")));
            Assert.That(health, Is.EqualTo((HttpStatusCode.OK, "healthy", """{"database":"healthy"}""")));
        });
    }

    [Test]
    public async Task Without_a_usable_account_ready_is_503_naming_the_accounts_check_while_live_and_health_stay_200()
    {
        await using var gateway = await Gateway.StartAsync();

        var live = await GetAsync(gateway.Client, "/health/live");
        var ready = await GetAsync(gateway.Client, "/health/ready");
        var health = await GetAsync(gateway.Client, "/health");
        Assert.Multiple(() =>
        {
            Assert.That(live.Status, Is.EqualTo(HttpStatusCode.OK));
            Assert.That(ready, Is.EqualTo((HttpStatusCode.ServiceUnavailable, "unhealthy", """{"database":"healthy","accounts":"unhealthy"}""")));
            Assert.That(health.Status, Is.EqualTo(HttpStatusCode.OK));
        });
    }

    [Test]
    [NonParallelizable]
    public async Task A_database_server_that_is_down_is_retried_with_one_line_per_attempt_then_the_start_ends_with_one_line()
    {
        var closedPort = GatewayRun.FreePort();  // nothing listens there once the probe listener is gone
        var work = Directory.CreateTempSubdirectory("suno-dbdown-").FullName;
        try
        {
            var stopwatch = Stopwatch.StartNew();
            var (exitCode, stdout, stderr) = await GatewayRun.RunToExitAsync(
                RepoLayout.GatewayDll(),
                work,
                new Dictionary<string, string>
                {
                    ["SQL_DSN"] = $"postgres://suno:hunter2-password@127.0.0.1:{closedPort}/suno",
                    ["Database__StartupRetrySeconds"] = "4",
                    ["Database__KeyRingPath"] = Path.Combine(work, "keys"),
                },
                TimeSpan.FromSeconds(60));

            var attempts = GatewayRun.NonEmptyLines(stdout).Where(l => l.Contains("is not reachable", StringComparison.Ordinal)).ToList();
            var errors = GatewayRun.NonEmptyLines(stderr);
            Assert.Multiple(() =>
            {
                Assert.That(exitCode, Is.Not.Zero);
                Assert.That(stopwatch.Elapsed, Is.GreaterThan(TimeSpan.FromSeconds(3.5)), "it kept trying for the retry time");
                Assert.That(attempts, Has.Count.GreaterThanOrEqualTo(2), stdout);
                Assert.That(attempts, Is.All.Contain("SQL_DSN").And.All.Contain($"127.0.0.1:{closedPort}").And.All.Contain("refused"), stdout);
                Assert.That(errors, Has.Length.EqualTo(1), stderr);
                Assert.That(errors.FirstOrDefault(), Does.StartWith("SQL_DSN (Database:Dsn): the database at 127.0.0.1:" + closedPort));
                Assert.That(stdout + stderr, Does.Not.Contain("Unhandled exception").And.Not.Contain("   at "), "no stack trace");
                Assert.That(stdout + stderr, Does.Not.Contain("hunter2"), "the password is not shown");
            });
        }
        finally
        {
            Directory.Delete(work, recursive: true);
        }
    }

    private static async Task<(HttpStatusCode Status, string Overall, string Checks)> GetAsync(HttpClient client, string path)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.Authorization = null;
        using var plain = new HttpClient { BaseAddress = client.BaseAddress };
        using var response = await plain.SendAsync(request);
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return (response.StatusCode, body.RootElement.GetProperty("status").GetString()!, body.RootElement.GetProperty("checks").GetRawText());
    }
}
