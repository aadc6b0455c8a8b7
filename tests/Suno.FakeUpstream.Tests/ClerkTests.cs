using System.Net;
using System.Text;
using System.Text.Json.Nodes;

namespace Suno.FakeUpstream.Tests;

public class ClerkTests : FakeSunoTestBase
{
    [Test]
    public async Task GetClient_WithRawAuthorizationHeader_ReturnsClientWithActiveSessionAndJwt()
    {
        var account = State.AddAccount();
        using var request = new HttpRequestMessage(HttpMethod.Get, "/v1/client?__clerk_api_version=2025-11-10&_clerk_js_version=5.117.0&_is_native=true");
        request.Headers.TryAddWithoutValidation("Authorization", account.ClientToken);

        using var response = await Http.SendAsync(request);
        var json = await ReadJsonAsync(response);

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        var client = json["response"]!;
        var session = client["sessions"]![0]!;
        Assert.Multiple(() =>
        {
            Assert.That(json.AsObject().ContainsKey("client"), Is.True);
            Assert.That(json["client"], Is.Null);
            Assert.That(client["object"]!.GetValue<string>(), Is.EqualTo("client"));
            Assert.That(client["id"]!.GetValue<string>(), Does.StartWith("client_"));
            Assert.That(client["last_active_session_id"]!.GetValue<string>(), Is.EqualTo(account.SessionId));
            Assert.That(session["object"]!.GetValue<string>(), Is.EqualTo("session"));
            Assert.That(session["id"]!.GetValue<string>(), Does.StartWith("sess_"));
            Assert.That(session["status"]!.GetValue<string>(), Is.EqualTo("active"));
            Assert.That(session["last_active_token"]!["object"]!.GetValue<string>(), Is.EqualTo("token"));
            Assert.That(session["last_active_token"]!["jwt"]!.GetValue<string>().Split('.'), Has.Length.EqualTo(3));
        });
    }

    [Test]
    public async Task GetClient_WithCookieHeader_Works()
    {
        var account = State.AddAccount();
        using var request = new HttpRequestMessage(HttpMethod.Get, "/v1/client?_clerk_js_version=4.73.4");
        request.Headers.TryAddWithoutValidation("Cookie", account.Cookie + "; __client_uat=1700000000");

        using var response = await Http.SendAsync(request);
        var json = await ReadJsonAsync(response);

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(json["response"]!["last_active_session_id"]!.GetValue<string>(), Is.EqualTo(account.SessionId));
    }

    [Test]
    public void Cookie_LooksLikeABrowserCookieString()
    {
        var account = State.AddAccount();

        Assert.That(account.Cookie, Does.StartWith("__client=" + account.ClientToken + "; ajs_anonymous_id="));
        Assert.That(Guid.TryParse(account.AnonymousId, out _), Is.True);
    }

    [Test]
    public async Task FixedClientToken_WorksAsConfiguredCookie_AndMustBeUnique()
    {
        var account = State.AddAccount(new FakeAccountSpec { ClientToken = "sandbox-client-1" });
        using var request = new HttpRequestMessage(HttpMethod.Get, "/v1/client");
        request.Headers.TryAddWithoutValidation("Cookie", "__client=sandbox-client-1; other=1");

        using var response = await Http.SendAsync(request);

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(State.FindAccountByCookie("a=b; __client=sandbox-client-1"), Is.SameAs(account));
        Assert.That(State.Accounts, Is.EquivalentTo(new[] { account }));
        Assert.That(() => State.AddAccount(new FakeAccountSpec { ClientToken = "sandbox-client-1" }), Throws.ArgumentException);
        Assert.That(() => State.AddAccount(new FakeAccountSpec { ClientToken = "bad;value" }), Throws.ArgumentException);
    }

    [Test]
    public async Task Tokens_WithFormContentTypeAndCookie_ReturnsTokenObject()
    {
        var account = State.AddAccount();
        using var request = new HttpRequestMessage(HttpMethod.Post, $"/v1/client/sessions/{account.SessionId}/tokens?_clerk_js_version=4.73.4")
        {
            Content = new StringContent(string.Empty, Encoding.UTF8, "application/x-www-form-urlencoded"),
        };
        request.Headers.TryAddWithoutValidation("Cookie", account.Cookie);

        using var response = await Http.SendAsync(request);
        var json = await ReadJsonAsync(response);

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(json["object"]!.GetValue<string>(), Is.EqualTo("token"));
        Assert.That(json["jwt"]!.GetValue<string>(), Is.Not.Empty);
    }

    [Test]
    public async Task Tokens_LegacyApiSuffix_IsAccepted()
    {
        var account = State.AddAccount();
        using var request = new HttpRequestMessage(HttpMethod.Post, $"/v1/client/sessions/{account.SessionId}/tokens/api?_clerk_js_version=4.70.5");
        request.Headers.TryAddWithoutValidation("Cookie", account.Cookie);

        using var response = await Http.SendAsync(request);

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That((await ReadJsonAsync(response))["jwt"], Is.Not.Null);
    }

    [Test]
    public async Task Jwt_CarriesSunoAndClerkClaims()
    {
        var account = State.AddAccount(new FakeAccountSpec { Email = "someone@example.com" });

        var jwt = await LoginAsync(account);
        var payload = DecodePayload(jwt);
        var now = Clock.GetUtcNow().ToUnixTimeSeconds();

        Assert.Multiple(() =>
        {
            Assert.That(payload["sid"]!.GetValue<string>(), Is.EqualTo(account.SessionId));
            Assert.That(payload["sub"]!.GetValue<string>(), Is.EqualTo(account.ClerkUserId));
            Assert.That(payload["iat"]!.GetValue<long>(), Is.EqualTo(now));
            Assert.That(payload["exp"]!.GetValue<long>(), Is.EqualTo(now + 60));
            Assert.That(payload["nbf"]!.GetValue<long>(), Is.LessThanOrEqualTo(now));
            Assert.That(payload["iss"]!.GetValue<string>(), Is.EqualTo("https://auth.suno.com"));
            Assert.That(payload["azp"]!.GetValue<string>(), Is.EqualTo("https://suno.com"));
            Assert.That(payload["aud"]!.GetValue<string>(), Is.EqualTo("suno-api"));
            Assert.That(payload["suno.com/claims/user_id"]!.GetValue<string>(), Is.EqualTo(account.UserId));
            Assert.That(payload["suno.com/claims/email"]!.GetValue<string>(), Is.EqualTo("someone@example.com"));
            Assert.That(payload["suno.com/claims/token_type"]!.GetValue<string>(), Is.EqualTo("access"));
            Assert.That(DecodeHeader(jwt)["alg"]!.GetValue<string>(), Is.EqualTo("HS256"));
        });
    }

    [Test]
    public async Task Clerk_SetsRotatedClientUatCookie()
    {
        var account = State.AddAccount();
        using var request = new HttpRequestMessage(HttpMethod.Post, $"/v1/client/sessions/{account.SessionId}/tokens");
        request.Headers.TryAddWithoutValidation("Authorization", account.ClientToken);

        using var response = await Http.SendAsync(request);

        var cookies = response.Headers.GetValues("Set-Cookie").ToList();
        Assert.That(cookies, Has.Some.StartsWith("__client_uat=" + Clock.GetUtcNow().ToUnixTimeSeconds() + ";"));
        Assert.That(cookies, Has.Some.StartsWith("__client=" + account.ClientToken + ";"));
    }

    [Test]
    public async Task JwtLifetime_IsConfigurable()
    {
        await RestartAsync(o => o.JwtLifetime = TimeSpan.FromHours(1));

        var payload = DecodePayload(await LoginAsync(State.AddAccount()));

        Assert.That(payload["exp"]!.GetValue<long>() - payload["iat"]!.GetValue<long>(), Is.EqualTo(3600));
    }

    [TestCase(null)]
    [TestCase("garbage")]
    public async Task GetClient_UnknownClient_Returns401ClerkError(string? authorization)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/v1/client");
        if (authorization is not null)
        {
            request.Headers.TryAddWithoutValidation("Authorization", authorization);
        }

        using var response = await Http.SendAsync(request);
        var json = await ReadJsonAsync(response);

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized));
        AssertClerkError(json, "signed_out");
    }

    [Test]
    public async Task RevokedAccount_GetsClerk401_OnClientAndTokens()
    {
        var account = State.AddAccount();
        State.RevokeAccount(account);

        using var clientRequest = new HttpRequestMessage(HttpMethod.Get, "/v1/client");
        clientRequest.Headers.TryAddWithoutValidation("Authorization", account.ClientToken);
        using var clientResponse = await Http.SendAsync(clientRequest);
        using var tokenRequest = new HttpRequestMessage(HttpMethod.Post, $"/v1/client/sessions/{account.SessionId}/tokens");
        tokenRequest.Headers.TryAddWithoutValidation("Cookie", account.Cookie);
        using var tokenResponse = await Http.SendAsync(tokenRequest);

        Assert.That(clientResponse.StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized));
        Assert.That(tokenResponse.StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized));
        AssertClerkError(await ReadJsonAsync(tokenResponse), "signed_out");
    }

    [Test]
    public async Task Tokens_ForSomeoneElsesSession_Returns404ClerkError()
    {
        var account = State.AddAccount();
        var other = State.AddAccount();
        using var request = new HttpRequestMessage(HttpMethod.Post, $"/v1/client/sessions/{other.SessionId}/tokens");
        request.Headers.TryAddWithoutValidation("Authorization", account.ClientToken);

        using var response = await Http.SendAsync(request);

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
        AssertClerkError(await ReadJsonAsync(response), "resource_not_found");
    }

    [Test]
    public async Task Tokens_WhenClerkRequiresCaptcha_ReturnsRequiresCaptchaError()
    {
        var account = State.AddAccount();
        State.ClerkRequiresCaptcha = true;
        using var request = new HttpRequestMessage(HttpMethod.Post, $"/v1/client/sessions/{account.SessionId}/tokens");
        request.Headers.TryAddWithoutValidation("Authorization", account.ClientToken);

        using var response = await Http.SendAsync(request);
        var json = await ReadJsonAsync(response);

        Assert.That((int)response.StatusCode, Is.EqualTo(403));
        AssertClerkError(json, "requires_captcha");
        Assert.That(json["errors"]![0]!["message"]!.GetValue<string>(), Is.EqualTo("CAPTCHA verification is required"));
    }

    private static void AssertClerkError(JsonNode json, string code)
    {
        Assert.Multiple(() =>
        {
            Assert.That(json["errors"]!.AsArray(), Has.Count.EqualTo(1));
            Assert.That(json["errors"]![0]!["code"]!.GetValue<string>(), Is.EqualTo(code));
            Assert.That(json["errors"]![0]!["message"]!.GetValue<string>(), Is.Not.Empty);
            Assert.That(json["errors"]![0]!["long_message"]!.GetValue<string>(), Is.Not.Empty);
            Assert.That(json["clerk_trace_id"]!.GetValue<string>(), Is.Not.Empty);
        });
    }

    internal static JsonNode DecodePayload(string jwt) => DecodePart(jwt.Split('.')[1]);

    private static JsonNode DecodeHeader(string jwt) => DecodePart(jwt.Split('.')[0]);

    private static JsonNode DecodePart(string part)
    {
        var padded = part.Replace('-', '+').Replace('_', '/');
        padded += new string('=', (4 - (padded.Length % 4)) % 4);
        return JsonNode.Parse(Convert.FromBase64String(padded))!;
    }
}
