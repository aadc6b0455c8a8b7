using Suno.FakeUpstream;
using Suno.WebApi.FunctionalTests.Tasks;
using static Suno.WebApi.FunctionalTests.Gcui.GcuiApi;

namespace Suno.WebApi.FunctionalTests.Gcui;

/// <summary>Which Suno account pays: a request's own cookie (gcui-art's rotation), else the configured ones; and 402.</summary>
[TestFixture]
public sealed class GcuiAccountTests
{
    [Test]
    public async Task A_cookie_with_client_runs_the_generation_on_that_account()
    {
        await using var gateway = await TaskApiGateway.StartAsync();
        var second = gateway.Fake.State.AddAccount(new FakeAccountSpec { Credits = 500 });

        var limit = await GetOkAsync(gateway.Client, "/api/get_limit", second.Cookie);
        Assert.That(limit.GetProperty("credits_left").GetInt32(), Is.EqualTo(500));

        var clips = await PostOkAsync(gateway.Client, "/api/generate", new { prompt = "on the second account" }, second.Cookie);

        var counters = gateway.Fake.State.Counters;
        Assert.That(counters.Get(FakeSunoEndpoints.Generate, second), Is.EqualTo(1), "the cookie's account generated");
        Assert.That(counters.Get(FakeSunoEndpoints.Generate, gateway.Account), Is.Zero, "the configured account did not");
        Assert.That(gateway.Fake.State.ClipIdsOf(second), Is.SupersetOf(IdsOf(clips)));

        // Without the cookie the configured account pays.
        await PostOkAsync(gateway.Client, "/api/generate", new { prompt = "on the configured account" });
        Assert.That(counters.Get(FakeSunoEndpoints.Generate, gateway.Account), Is.EqualTo(1));
        Assert.That(counters.Get(FakeSunoEndpoints.Generate, second), Is.EqualTo(1));

        // A cookie without __client is not an account: ignored, as gcui-art does.
        await PostOkAsync(gateway.Client, "/api/generate", new { prompt = "plain cookie" }, "theme=dark");
        Assert.That(counters.Get(FakeSunoEndpoints.Generate, gateway.Account), Is.EqualTo(2));
    }

    [Test]
    public async Task Extend_audio_of_a_clip_made_with_a_cookie_runs_on_that_account_only_with_that_cookie()
    {
        await using var gateway = await TaskApiGateway.StartAsync();
        var second = gateway.Fake.State.AddAccount(new FakeAccountSpec { Credits = 500 });
        var clips = await PostOkAsync(gateway.Client, "/api/generate", new { prompt = "made on the second account" }, second.Cookie);
        await WaitUntilStreamingAsync(gateway.Client, IdsOf(clips), second.Cookie);
        var counters = gateway.Fake.State.Counters;

        // Without the cookie the clip is another tenant's: a 404, and neither account is asked to make anything.
        var (refused, body) = await PostAsync(gateway.Client, "/api/extend_audio", new { audio_id = IdsOf(clips)[0], continue_at = 12 });
        AssertError(refused, body, 404, contains: IdsOf(clips)[0]);
        Assert.That(counters.Get(FakeSunoEndpoints.Generate, second), Is.EqualTo(1), "the second account's credits are not spent by a stranger");
        Assert.That(counters.Get(FakeSunoEndpoints.Generate, gateway.Account), Is.Zero);

        // With the cookie, the clip's own account makes the extension.
        var extended = await PostOkAsync(gateway.Client, "/api/extend_audio", new { audio_id = IdsOf(clips)[0], continue_at = 12 }, second.Cookie);
        Assert.That(counters.Get(FakeSunoEndpoints.Generate, second), Is.EqualTo(2), "the source's account made the extension");
        Assert.That(counters.Get(FakeSunoEndpoints.Generate, gateway.Account), Is.Zero);
        Assert.That(gateway.Fake.State.ClipIdsOf(second), Is.SupersetOf(IdsOf(extended)));
    }

    [Test]
    public async Task Out_of_credits_is_402_with_the_reason_and_get_limit_says_so_first()
    {
        await using var gateway = await TaskApiGateway.StartAsync(credits: 5);

        var limit = await GetOkAsync(gateway.Client, "/api/get_limit");
        Assert.That(limit.GetProperty("credits_left").GetInt32(), Is.EqualTo(5));

        var (response, body) = await PostAsync(gateway.Client, "/api/generate", new { prompt = "no money" });
        using (response)
        {
            AssertError(response, body, 402, contains: "credits");
        }

        // A per-request account Suno itself refuses: Suno's 402 reaches the client the same way.
        var poor = gateway.Fake.State.AddAccount(new FakeAccountSpec { Credits = 0 });
        var (refused, refusal) = await PostAsync(gateway.Client, "/api/custom_generate", new { prompt = "[Verse]\nx", tags = "pop" }, poor.Cookie);
        using (refused)
        {
            AssertError(refused, refusal, 402);
        }
    }

    [Test]
    public async Task With_a_secret_token_preflight_needs_none_and_the_routes_answer_401_in_the_gcui_envelope()
    {
        await using var gateway = await TaskApiGateway.StartAsync(settings: new Dictionary<string, string?> { ["Auth:SecretToken"] = "s3cret" });

        using (var preflight = new HttpRequestMessage(HttpMethod.Options, "/api/generate"))
        using (var answer = await gateway.Client.SendAsync(preflight))
        {
            Assert.That((int)answer.StatusCode, Is.EqualTo(200));
            GcuiRoutesTests.AssertCors(answer);
        }

        var (response, body) = await GetAsync(gateway.Client, "/api/get_limit");
        using (response)
        {
            AssertError(response, body, 401);
            GcuiRoutesTests.AssertCors(response);
        }

        using var authorized = new HttpRequestMessage(HttpMethod.Get, "/api/get_limit");
        authorized.Headers.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", "s3cret");
        using var ok = await gateway.Client.SendAsync(authorized);
        Assert.That((int)ok.StatusCode, Is.EqualTo(200));
    }
}
