using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using Suno.WebApi.FunctionalTests.Support;

namespace Suno.WebApi.FunctionalTests.Accounts;

/// <summary>
/// No Suno account and no sandbox: the gateway starts, generation answers 503 saying how to configure an account
/// or start with --sandbox, and GET /suno/account lists nothing. With SECRET_TOKEN, /suno/account needs the token.
/// </summary>
public sealed class NoAccountTests
{
    private const string Token = "accounts-secret-7e21";
    private Gateway _gateway = null!;

    [OneTimeSetUp]
    public async Task Start() =>
        _gateway = await Gateway.StartAsync(settings: new Dictionary<string, string?> { ["Auth:SecretToken"] = Token });

    [OneTimeTearDown]
    public async Task Stop() => await _gateway.DisposeAsync();

    [TestCase("music")]
    [TestCase("lyrics")]
    public async Task Generation_is_503_with_how_to_configure_an_account(string action)
    {
        using var request = Authorized(HttpMethod.Post, $"/suno/submit/{action}");
        request.Content = JsonContent.Create(new { prompt = "a song", gpt_description_prompt = "a song" });

        using var response = await _gateway.Client.SendAsync(request);
        var body = await response.ReadJsonAsync();

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.ServiceUnavailable), body.ToString());
        Assert.That(body.GetProperty("code").GetString(), Is.EqualTo("no_account"));
        Assert.That(
            body.GetProperty("message").GetString(),
            Does.Contain("SUNO_COOKIE").And.Contain("COOKIE with SESSION_ID").And.Contain("Suno:Accounts").And.Contain("--sandbox"));
    }

    [Test]
    public async Task The_account_route_lists_no_account()
    {
        using var request = Authorized(HttpMethod.Get, "/suno/account");

        using var response = await _gateway.Client.SendAsync(request);

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(await response.Content.ReadAsStringAsync(), Is.EqualTo("""{"code":"success","message":"","data":{"certificate":null,"accounts":[]}}"""));
    }

    [TestCase(null)]
    [TestCase("Bearer wrong")]
    public async Task The_account_route_needs_the_secret_token(string? authorization)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/suno/account?refresh=true");
        if (authorization is not null)
        {
            request.Headers.TryAddWithoutValidation("Authorization", authorization);
        }

        using var response = await _gateway.Client.SendAsync(request);

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized));
        Assert.That(
            await response.Content.ReadAsStringAsync(),
            Is.EqualTo("""{"code":"invalid_request","message":"unauthorized secret token","data":null}"""));
    }

    private static HttpRequestMessage Authorized(HttpMethod method, string path)
    {
        var request = new HttpRequestMessage(method, path);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", Token);
        return request;
    }
}
