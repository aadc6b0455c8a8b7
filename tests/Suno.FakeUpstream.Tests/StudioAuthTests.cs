using System.Net;
using System.Net.Http.Headers;

namespace Suno.FakeUpstream.Tests;

public class StudioAuthTests : FakeSunoTestBase
{
    [Test]
    public async Task NoAuthorization_Returns401Detail()
    {
        var (response, json) = await SendAsync(HttpMethod.Get, "/api/billing/info/", jwt: null);

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized));
        Assert.That(json!.ToJsonString(), Is.EqualTo("""{"detail":"Unauthorized"}"""));
    }

    [TestCase("garbage")]
    [TestCase("aaa.bbb.ccc")]
    public async Task GarbageJwt_Returns401(string jwt)
    {
        var (response, json) = await SendAsync(HttpMethod.Get, "/api/feed/v2", jwt);

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized));
        Assert.That(json!["detail"]!.GetValue<string>(), Is.EqualTo("Unauthorized"));
    }

    [Test]
    public async Task TamperedJwt_Returns401()
    {
        var jwt = await LoginAsync(State.AddAccount());
        var parts = jwt.Split('.');
        var tampered = parts[0] + "." + parts[1] + "." + parts[2][..^2] + (parts[2].EndsWith("AA", StringComparison.Ordinal) ? "BB" : "AA");

        var (response, _) = await SendAsync(HttpMethod.Get, "/api/feed/v2", tampered);

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized));
    }

    [Test]
    public async Task ExpiredJwt_Returns401_UntilRenewed()
    {
        var account = State.AddAccount();
        var jwt = await LoginAsync(account);

        var (fresh, _) = await SendAsync(HttpMethod.Get, "/api/billing/info/", jwt);
        Clock.Advance(TimeSpan.FromSeconds(61));
        var (expired, _) = await SendAsync(HttpMethod.Get, "/api/billing/info/", jwt);
        var (renewed, _) = await SendAsync(HttpMethod.Get, "/api/billing/info/", await LoginAsync(account));

        Assert.That(fresh.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(expired.StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized));
        Assert.That(renewed.StatusCode, Is.EqualTo(HttpStatusCode.OK));
    }

    [Test]
    public async Task ClientCookieAsBearer_IsNotAJwt_Returns401()
    {
        var account = State.AddAccount();
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/billing/info/");
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", account.ClientToken);

        using var response = await Http.SendAsync(request);

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized));
    }

    [Test]
    public async Task JwtFromAnotherFake_Returns401()
    {
        await using var other = await FakeSunoServer.StartAsync(new FakeSunoOptions { SigningKey = "another-key-another-key-another-key" });
        var foreignJwt = other.State.IssueJwt(other.State.AddAccount());

        var (response, _) = await SendAsync(HttpMethod.Get, "/api/billing/info/", foreignJwt);

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized));
    }

    [Test]
    public async Task UnknownStudioRoute_Returns404DetailLikeFastApi()
    {
        var (response, json) = await SendAsync(HttpMethod.Get, "/api/no/such/route", jwt: null);

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
        Assert.That(json!["detail"]!.GetValue<string>(), Is.EqualTo("Not Found"));
    }

    [Test]
    public async Task CaptchaCheck_DefaultsToNotRequired_AndFollowsTheSwitch()
    {
        var jwt = State.IssueJwt(State.AddAccount());

        var before = await PostOkAsync("/api/c/check", jwt, new { ctype = "generation" });
        State.CaptchaRequired = true;
        var after = await PostOkAsync("/api/c/check", jwt, new { ctype = "generation" });

        Assert.That(before.ToJsonString(), Is.EqualTo("""{"required":false,"captcha_version":1}"""));
        Assert.That(after["required"]!.GetValue<bool>(), Is.True);
    }
}
