using System.Text.Json;
using Suno.Application.Common.Exceptions;
using Suno.Application.Common.Upstream;
using Suno.FakeUpstream;

namespace Suno.Infrastructure.IntegrationTests.Upstream;

/// <summary>The captcha flow (with and without a solver), the proxy, and the headers Suno sees.</summary>
[TestFixture]
public sealed class CaptchaAndProxyTests
{
    private static readonly GenerateRequest Song = new() { Prompt = "[Verse]\nla la", Tags = "pop", Title = "T", Model = "chirp-v3-5" };

    [Test]
    public async Task Captcha_required_without_a_solver_fails_before_generating_and_says_what_to_configure()
    {
        await using var h = await UpstreamHarness.StartAsync(UpstreamHarness.DefaultAccount(out _));
        h.State.CaptchaRequired = true;
        var account = await h.AccountAsync();

        var error = Assert.ThrowsAsync<CaptchaRequiredException>(() => h.Upstream.GenerateAsync(account, Song, CancellationToken.None));

        Assert.Multiple(() =>
        {
            Assert.That(error!.Message, Does.Contain("Suno:CaptchaSolverUrl").And.Contain("CAPTCHA_SOLVER_URL"));
            Assert.That(h.Count(FakeSunoEndpoints.CaptchaCheck), Is.EqualTo(1));
            Assert.That(h.Count(FakeSunoEndpoints.Generate), Is.Zero, "no generation is sent without a token");
        });
    }

    [Test]
    public async Task Captcha_required_with_a_solver_passes_the_solved_token()
    {
        await using var solver = await FakeCaptchaSolver.StartAsync("P1_solved-token");
        await using var h = await UpstreamHarness.StartAsync(
            UpstreamHarness.DefaultAccount(out _),
            settings: new Dictionary<string, string?> { ["Suno:CaptchaSolverUrl"] = solver.Url + "solve" });
        h.State.CaptchaRequired = true;
        h.State.AcceptCaptchaToken("P1_solved-token");
        var account = await h.AccountAsync();

        var result = await h.Upstream.GenerateAsync(account, Song, CancellationToken.None);

        var request = JsonDocument.Parse(solver.Bodies.Single()).RootElement;
        Assert.Multiple(() =>
        {
            Assert.That(result.Clips, Has.Count.EqualTo(2));
            Assert.That(solver.Calls, Is.EqualTo(1));
            Assert.That(request.GetProperty("ctype").GetString(), Is.EqualTo("generation"));
            Assert.That(request.GetProperty("captcha_version").GetInt32(), Is.EqualTo(1));
            Assert.That(h.Count(FakeSunoEndpoints.Generate), Is.EqualTo(1));
        });
    }

    [Test]
    public async Task A_token_suno_does_not_accept_is_captcha_required()
    {
        await using var solver = await FakeCaptchaSolver.StartAsync("P1_stale");
        await using var h = await UpstreamHarness.StartAsync(
            UpstreamHarness.DefaultAccount(out _),
            settings: new Dictionary<string, string?> { ["Suno:CaptchaSolverUrl"] = solver.Url.ToString() });
        h.State.CaptchaRequired = true;
        var account = await h.AccountAsync();

        var error = Assert.ThrowsAsync<CaptchaRequiredException>(() => h.Upstream.GenerateAsync(account, Song, CancellationToken.None));

        Assert.Multiple(() =>
        {
            Assert.That(error!.Message, Does.Contain("Token validation failed."));
            Assert.That(h.Count(FakeSunoEndpoints.Generate), Is.EqualTo(1));
        });
    }

    [Test]
    public async Task No_captcha_needed_means_no_solver_call_and_a_null_token()
    {
        await using var solver = await FakeCaptchaSolver.StartAsync("P1_unused");
        await using var h = await UpstreamHarness.StartAsync(
            UpstreamHarness.DefaultAccount(out _),
            settings: new Dictionary<string, string?> { ["Suno:CaptchaSolverUrl"] = solver.Url.ToString() });
        var account = await h.AccountAsync();

        await h.Upstream.GenerateAsync(account, Song, CancellationToken.None);

        Assert.That(solver.Calls, Is.Zero);
    }

    [Test]
    public async Task A_not_required_answer_is_reused_so_several_generations_cost_one_check()
    {
        await using var h = await UpstreamHarness.StartAsync(UpstreamHarness.DefaultAccount(out _));
        var account = await h.AccountAsync();

        for (var i = 0; i < 3; i++)
        {
            await h.Upstream.GenerateAsync(account, Song, CancellationToken.None);
        }

        Assert.Multiple(() =>
        {
            Assert.That(h.Count(FakeSunoEndpoints.Generate), Is.EqualTo(3));
            Assert.That(h.Count(FakeSunoEndpoints.CaptchaCheck), Is.EqualTo(1));
        });

        // The answer is reused for Suno:Upstream:CaptchaCheckCacheDuration (5 minutes), then asked again.
        h.Clock.Advance(TimeSpan.FromMinutes(5) + TimeSpan.FromSeconds(1));
        await h.Upstream.GenerateAsync(account, Song, CancellationToken.None);
        Assert.That(h.Count(FakeSunoEndpoints.CaptchaCheck), Is.EqualTo(2));
    }

    [Test]
    public async Task A_token_validation_failure_without_a_token_is_retried_once_after_the_check_and_the_solver()
    {
        await using var solver = await FakeCaptchaSolver.StartAsync("P1_fresh");
        await using var h = await UpstreamHarness.StartAsync(
            UpstreamHarness.DefaultAccount(out _),
            settings: new Dictionary<string, string?> { ["Suno:CaptchaSolverUrl"] = solver.Url.ToString() });
        var account = await h.AccountAsync();
        await h.Upstream.GenerateAsync(account, Song, CancellationToken.None); // "not required" is cached now

        h.State.CaptchaRequired = true;
        h.State.AcceptCaptchaToken("P1_fresh");
        var result = await h.Upstream.GenerateAsync(account, Song, CancellationToken.None);

        Assert.Multiple(() =>
        {
            Assert.That(result.Clips, Has.Count.EqualTo(2));
            Assert.That(h.Count(FakeSunoEndpoints.Generate), Is.EqualTo(3), "the first generation, the refused one, its one retry");
            Assert.That(h.Count(FakeSunoEndpoints.CaptchaCheck), Is.EqualTo(2), "the cached check, then one after the 422");
            Assert.That(solver.Calls, Is.EqualTo(1));
        });
    }

    [Test]
    public async Task The_proxy_carries_every_call_to_clerk_and_suno()
    {
        await using var proxy = await ForwardingProxy.StartAsync();
        await using var h = await UpstreamHarness.StartAsync(
            UpstreamHarness.DefaultAccount(out _),
            settings: new Dictionary<string, string?> { ["Suno:Proxy"] = proxy.Url.ToString() });
        var account = await h.AccountAsync();

        await h.Upstream.GenerateAsync(account, Song, CancellationToken.None);

        var fakeCalls = h.State.Counters.Snapshot().Values.Sum();
        Assert.Multiple(() =>
        {
            Assert.That(fakeCalls, Is.EqualTo(4), "client, tokens, check, generate (no billing read after a generation)");
            Assert.That(proxy.Count, Is.EqualTo(fakeCalls), "every call went through the proxy");
        });
    }

    [Test]
    public async Task Suno_and_clerk_see_the_browser_headers()
    {
        await using var proxy = await ForwardingProxy.StartAsync();
        await using var h = await UpstreamHarness.StartAsync(
            UpstreamHarness.DefaultAccount(out var fakeAccount),
            settings: new Dictionary<string, string?> { ["Suno:Proxy"] = proxy.Url.ToString() });
        var account = await h.AccountAsync();

        await h.Upstream.GetBillingInfoAsync(account, CancellationToken.None);

        var clerk = proxy.Requests.Single(r => r.Target.Contains("/v1/client?", StringComparison.Ordinal));
        var tokens = proxy.Requests.Single(r => r.Target.Contains("/tokens", StringComparison.Ordinal));
        var studio = proxy.Requests.Single(r => r.Target.Contains("/api/billing/info/", StringComparison.Ordinal));
        Assert.Multiple(() =>
        {
            Assert.That(clerk.Target, Does.Contain("__clerk_api_version=2025-11-10&_clerk_js_version=5.117.0"));
            Assert.That(clerk.Headers["Authorization"], Is.EqualTo(fakeAccount().ClientToken), "the raw __client value, no Bearer");
            Assert.That(clerk.Headers["Cookie"], Does.Contain("__client="));
            Assert.That(tokens.Target, Does.Contain($"/v1/client/sessions/{fakeAccount().SessionId}/tokens?__clerk_api_version=2025-11-10"));
            Assert.That(studio.Headers["Authorization"], Does.StartWith("Bearer ey"));
            Assert.That(studio.Headers["Device-Id"], Is.EqualTo($"\"{fakeAccount().AnonymousId}\""));
            Assert.That(studio.Headers["User-Agent"], Does.StartWith("Mozilla/5.0"));
            Assert.That(studio.Headers["Origin"], Is.EqualTo("https://suno.com"));
            Assert.That(studio.Headers["Referer"], Is.EqualTo("https://suno.com/"));
            Assert.That(studio.Headers["Affiliate-Id"], Is.EqualTo("undefined"));
        });
    }

    [Test]
    public async Task A_configured_device_id_wins_over_the_cookie()
    {
        await using var proxy = await ForwardingProxy.StartAsync();
        await using var h = await UpstreamHarness.StartAsync(
            UpstreamHarness.DefaultAccount(out _),
            settings: new Dictionary<string, string?> { ["Suno:Proxy"] = proxy.Url.ToString(), ["Suno:DeviceId"] = "11111111-2222-3333-4444-555555555555" });
        var account = await h.AccountAsync();

        await h.Upstream.GetBillingInfoAsync(account, CancellationToken.None);

        var studio = proxy.Requests.Single(r => r.Target.Contains("/api/billing/info/", StringComparison.Ordinal));
        Assert.That(studio.Headers["Device-Id"], Is.EqualTo("\"11111111-2222-3333-4444-555555555555\""));
    }
}
