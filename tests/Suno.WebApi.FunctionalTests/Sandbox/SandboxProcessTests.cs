using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Suno.Infrastructure.IntegrationTests.Support;
using Suno.Infrastructure.Persistence;
using Suno.Testing;
using Suno.WebApi.FunctionalTests.Support;
using Suno.WebApi.Hosting.Sandbox;

namespace Suno.WebApi.FunctionalTests.Sandbox;

/// <summary>
/// The real gateway started the way the README says, <c>dotnet Suno.WebApi.dll --sandbox</c>, with no other setting
/// than its database (and clips that complete after 2 s instead of 20): it serves every generation from the built-in
/// fake, marked as sandbox output.
/// </summary>
public sealed class SandboxProcessTests
{
    private TestDatabase _database = null!;
    private GatewayProcess _gateway = null!;

    [OneTimeSetUp]
    public async Task Start()
    {
        _database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        _gateway = await GatewayProcess.StartAsync(
            new Dictionary<string, string?>
            {
                ["SQLITE_PATH"] = _database.SqlitePath,
                [SandboxOptions.CompleteAfterSecondsKey.Replace(":", "__", StringComparison.Ordinal)] = "2",
            },
            arguments: [SandboxMode.Switch]);
    }

    [OneTimeTearDown]
    public async Task Stop()
    {
        await _gateway.DisposeAsync();
        await _database.DisposeAsync();
    }

    [Test]
    public void Without_a_secret_token_but_on_loopback_only_the_start_does_not_warn_of_an_open_port() =>
        Assert.That(_gateway.Output, Does.Not.Contain("SECRET_TOKEN is not set"), "--urls names 127.0.0.1 only");

    [Test]
    public void A_log_line_at_start_says_the_gateway_runs_in_sandbox_mode()
    {
        Assert.That(_gateway.Output, Does.Contain("runs in sandbox mode"));
        Assert.That(_gateway.Output, Does.Not.Contain("Sandbox mode wins over the configured Suno account"), "no real account was configured");
    }

    [Test]
    public async Task A_music_task_reaches_SUCCESS_with_sandbox_titles_and_sandbox_media()
    {
        var id = await SandboxGateway.SubmitOkAsync(_gateway.Http, "music", new { gpt_description_prompt = "a calm piano piece about the sea" });

        var task = await SandboxGateway.WaitForStatusAsync(_gateway.Http, id, "SUCCESS", "FAILURE");

        Assert.That(task.GetProperty("status").GetString(), Is.EqualTo("SUCCESS"), task.ToString());
        var clips = task.GetProperty("data").EnumerateArray().ToList();
        Assert.That(clips, Has.Count.EqualTo(2));
        foreach (var clip in clips)
        {
            Assert.That(clip.GetProperty("title").GetString(), Does.StartWith("[sandbox] "));
            Assert.That(new Uri(clip.GetProperty("audio_url").GetString()!).Host, Does.EndWith(".sandbox-suno.invalid"));
        }
    }

    [Test]
    public async Task A_lyrics_task_reaches_SUCCESS_with_a_sandbox_title()
    {
        var id = await SandboxGateway.SubmitOkAsync(_gateway.Http, "lyrics", new { prompt = "the sea at night" });

        var task = await SandboxGateway.WaitForStatusAsync(_gateway.Http, id, "SUCCESS", "FAILURE");

        Assert.That(task.GetProperty("status").GetString(), Is.EqualTo("SUCCESS"), task.ToString());
        Assert.That(task.GetProperty("data").GetProperty("title").GetString(), Does.StartWith("[sandbox] "));
    }

    [Test]
    public async Task The_account_route_shows_the_sandbox_account_with_credits_and_no_secret()
    {
        using var response = await _gateway.Http.GetAsync(new Uri("/suno/account?refresh=true", UriKind.Relative));
        var text = await response.Content.ReadAsStringAsync();

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), text);
        var accounts = JsonDocument.Parse(text).RootElement.GetProperty("data").GetProperty("accounts").EnumerateArray().ToList();
        Assert.That(accounts.Select(a => a.GetProperty("name").GetString()), Is.EqualTo(new[] { SandboxMode.AccountName }));
        Assert.Multiple(() =>
        {
            Assert.That(accounts[0].GetProperty("status").GetString(), Is.EqualTo("active"));
            Assert.That(accounts[0].GetProperty("credits_left").GetInt32(), Is.GreaterThan(1000));
            Assert.That(accounts[0].GetProperty("monthly_limit").GetInt32(), Is.EqualTo(SandboxOptions.Credits));
            Assert.That(text, Does.Not.Contain(SandboxMode.ClientToken));
            Assert.That(text, Does.Not.Contain("eyJ"));
        });
    }

    [Test]
    public async Task Ready_in_sandbox_mode()
    {
        using var response = await _gateway.Http.GetAsync(new Uri("/health/ready", UriKind.Relative));
        var body = await response.Content.ReadAsStringAsync();
        Assert.That(response.StatusCode, Is.EqualTo(System.Net.HttpStatusCode.OK), body);
        Assert.That(body, Does.Contain("\"accounts\":\"healthy\""));
    }

    [Test]
    public async Task The_fakes_routes_are_not_in_the_OpenAPI_document()
    {
        var document = await _gateway.Http.GetStringAsync(new Uri("/openapi/v1.json", UriKind.Relative));

        Assert.That(document, Does.Contain("/suno/account"));
        Assert.That(document, Does.Not.Contain(SandboxMode.PathPrefix));
    }

    [Test]
    public async Task The_fake_is_served_under_its_prefix_and_wants_a_JWT_as_Suno_does()
    {
        using var response = await _gateway.Http.GetAsync(new Uri(SandboxMode.PathPrefix + "/api/billing/info/", UriKind.Relative));

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized));
    }
}

/// <summary>The helpers the sandbox tests share: submit, and poll the task until it is in a status.</summary>
internal static class SandboxGateway
{
    public static async Task<string> SubmitOkAsync(HttpClient http, string action, object body, string? bearer = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, $"/suno/submit/{action}") { Content = JsonContent.Create(body) };
        if (bearer is not null)
        {
            request.Headers.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", bearer);
        }

        using var response = await http.SendAsync(request);
        var json = await response.ReadJsonAsync();
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), json.ToString());
        return json.GetProperty("data").GetString()!;
    }

    public static async Task<JsonElement> WaitForStatusAsync(HttpClient http, string id, string first, string second, string? bearer = null)
    {
        JsonElement task = default;
        await Eventually.AssertAsync(
            async () =>
            {
                using var request = new HttpRequestMessage(HttpMethod.Post, "/suno/fetch") { Content = JsonContent.Create(new { ids = new[] { id } }) };
                if (bearer is not null)
                {
                    request.Headers.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", bearer);
                }

                using var response = await http.SendAsync(request);
                var body = await response.ReadJsonAsync();
                task = body.GetProperty("data")[0];
                var status = task.GetProperty("status").GetString();
                return status == first || status == second;
            },
            $"task {id} is {first} or {second}",
            TimeSpan.FromSeconds(40));
        return task;
    }
}
