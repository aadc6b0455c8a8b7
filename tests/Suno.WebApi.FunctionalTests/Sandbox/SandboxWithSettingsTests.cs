using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using Suno.Infrastructure.IntegrationTests.Support;
using Suno.Infrastructure.Persistence;
using Suno.Testing;
using Suno.WebApi.Hosting.Sandbox;

namespace Suno.WebApi.FunctionalTests.Sandbox;

/// <summary>
/// SUNO_SANDBOX=true instead of the switch, together with a real-looking cookie and a SECRET_TOKEN: sandbox wins
/// (with a warning), the fake's own calls are not stopped by the token, and the gateway's routes still need it.
/// </summary>
public sealed class SandboxWithSettingsTests
{
    private const string Token = "sandbox-secret-4b1c";
    private const string RealCookie = "__client=real-client-value-8d2f; ajs_anonymous_id=real";
    private TestDatabase _database = null!;
    private GatewayProcess _gateway = null!;

    [OneTimeSetUp]
    public async Task Start()
    {
        _database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        _gateway = await GatewayProcess.StartAsync(new Dictionary<string, string?>
        {
            ["SQLITE_PATH"] = _database.SqlitePath,
            ["SUNO_SANDBOX"] = "true",
            ["SUNO_COOKIE"] = RealCookie,
            ["SECRET_TOKEN"] = Token,
            ["Sandbox__CompleteAfterSeconds"] = "1",
        });
    }

    [OneTimeTearDown]
    public async Task Stop()
    {
        await _gateway.DisposeAsync();
        await _database.DisposeAsync();
    }

    [Test]
    public void Sandbox_wins_over_a_configured_cookie_with_a_warning()
    {
        Assert.That(_gateway.Output, Does.Contain("runs in sandbox mode"));
        Assert.That(_gateway.Output, Does.Contain("Sandbox mode wins over the configured Suno account"));
        Assert.That(_gateway.Output, Does.Not.Contain("real-client-value"));
        Assert.That(_gateway.Output, Does.Not.Contain("SECRET_TOKEN is not set"), "the token is set: no open-port warning");
    }

    [Test]
    public async Task Generation_goes_to_the_fake_although_the_gateway_wants_a_token()
    {
        var id = await SandboxGateway.SubmitOkAsync(_gateway.Http, "music", new { gpt_description_prompt = "rain on a tin roof" }, Token);

        var task = await SandboxGateway.WaitForStatusAsync(_gateway.Http, id, "SUCCESS", "FAILURE", Token);

        Assert.That(task.GetProperty("status").GetString(), Is.EqualTo("SUCCESS"), task.ToString());
        Assert.That(task.GetProperty("data")[0].GetProperty("title").GetString(), Does.StartWith("[sandbox] "));
    }

    [Test]
    public async Task The_account_route_needs_the_token_and_lists_only_the_sandbox_account()
    {
        using var denied = await _gateway.Http.GetAsync(new Uri("/suno/account", UriKind.Relative));
        using var request = new HttpRequestMessage(HttpMethod.Get, "/suno/account");
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", Token);
        using var allowed = await _gateway.Http.SendAsync(request);
        var text = await allowed.Content.ReadAsStringAsync();

        Assert.That(denied.StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized));
        Assert.That(allowed.StatusCode, Is.EqualTo(HttpStatusCode.OK), text);
        var names = JsonDocument.Parse(text).RootElement.GetProperty("data").GetProperty("accounts").EnumerateArray().Select(a => a.GetProperty("name").GetString());
        Assert.That(names, Is.EqualTo(new[] { SandboxMode.AccountName }));
        Assert.That(text, Does.Not.Contain("real-client-value"));
    }

    [Test]
    public async Task The_fakes_routes_need_the_token_like_every_route_but_the_gateways_own_calls_do_not()
    {
        using var stranger = new HttpRequestMessage(HttpMethod.Get, SandboxMode.PathPrefix + "/v1/client?_clerk_js_version=5");
        stranger.Headers.Add("Cookie", "__client=" + SandboxMode.ClientToken);
        using var denied = await _gateway.Http.SendAsync(stranger);
        using var withToken = new HttpRequestMessage(HttpMethod.Get, SandboxMode.PathPrefix + "/v1/client?_clerk_js_version=5");
        withToken.Headers.Add("Cookie", "__client=" + SandboxMode.ClientToken);
        withToken.Headers.Authorization = new AuthenticationHeaderValue("Bearer", Token);
        using var allowed = await _gateway.Http.SendAsync(withToken);

        Assert.That(denied.StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized));
        Assert.That(await denied.Content.ReadAsStringAsync(), Does.Contain("unauthorized secret token"));
        Assert.That(allowed.StatusCode, Is.EqualTo(HttpStatusCode.OK), await allowed.Content.ReadAsStringAsync());
    }
}
