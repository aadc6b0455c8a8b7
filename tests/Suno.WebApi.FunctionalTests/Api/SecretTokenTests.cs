using System.Net;
using System.Net.Http.Headers;
using Suno.WebApi.FunctionalTests.Support;
using Suno.WebApi.Security;

namespace Suno.WebApi.FunctionalTests.Api;

/// <summary>SECRET_TOKEN: every API route needs the bearer token; /ping, /health and the docs do not.</summary>
public sealed class SecretTokenTests
{
    private const string Token = "tok-3f0c9d2e-secret-value-never-logged";
    private Gateway _gateway = null!;

    [OneTimeSetUp]
    public async Task Start() =>
        _gateway = await Gateway.StartAsync(settings: new Dictionary<string, string?> { ["Auth:SecretToken"] = Token });

    [OneTimeTearDown]
    public async Task Stop() => await _gateway.DisposeAsync();

    [TestCase(null)]
    [TestCase("Bearer wrong")]
    [TestCase("Bearer " + Token + "x")]
    [TestCase("Bearer")]
    [TestCase("Basic " + Token)]
    [TestCase(Token)]
    public async Task WithoutTheRightToken_Is401InTheSunoEnvelope(string? authorization)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/suno/fetch/some-id");
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

    [Test]
    public async Task WithoutTheToken_OtherRoutes_Are401ProblemDetails()
    {
        using var response = await _gateway.Client.GetAsync("/anything");

        Assert.Multiple(() =>
        {
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized));
            Assert.That(response.Content.Headers.ContentType?.MediaType, Is.EqualTo("application/problem+json"));
        });
    }

    [Test]
    public async Task WithTheToken_TheRouteAnswers()
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/suno/fetch") { Content = Json.Body("""{"ids":["x"]}""") };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", Token);

        using var response = await _gateway.Client.SendAsync(request);

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(await response.Content.ReadAsStringAsync(), Is.EqualTo("""{"code":"success","message":"","data":[]}"""));
    }

    [TestCase("/ping")]
    [TestCase("/health")]
    [TestCase("/openapi/v1.json")]
    [TestCase("/swagger/index.html")]
    [TestCase("/swagger")]
    public async Task OpenRoutes_NeedNoToken(string path)
    {
        using var response = await _gateway.Client.GetAsync(path);

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
    }

    [Test]
    public async Task TheToken_NeverReachesTheLogs()
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/suno/fetch/logged-request");
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", Token);
        using var wrong = new HttpRequestMessage(HttpMethod.Get, "/suno/fetch/logged-request");
        wrong.Headers.Authorization = new AuthenticationHeaderValue("Bearer", Token + "-wrong");

        using var ok = await _gateway.Client.SendAsync(request);
        using var denied = await _gateway.Client.SendAsync(wrong);

        Assert.That(ok.StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
        Assert.That(denied.StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized));
        await Eventually.AssertAsync(
            () => Task.FromResult(_gateway.Logs.Lines.Count(l => l.Contains("/suno/fetch/logged-request", StringComparison.Ordinal)) >= 2),
            "both requests were logged");
        Assert.That(_gateway.Logs.Lines, Has.None.Contains(Token));
    }

    [TestCase("Bearer abc", "abc", true)]
    [TestCase("bearer abc", "abc", true)]
    [TestCase("Bearer abcd", "abc", false)]
    [TestCase("Bearer ab", "abc", false)]
    [TestCase("Bearer ", "abc", false)]
    [TestCase(null, "abc", false)]
    public void IsAuthorized(string? header, string secret, bool expected) =>
        Assert.That(SecretTokenMiddleware.IsAuthorized(header, secret), Is.EqualTo(expected));
}
