using Suno.Application.Common.Tenancy;
using Suno.Application.Common.Exceptions;
using Suno.Domain.Accounts;
using Suno.FakeUpstream;
using Suno.Infrastructure.Upstream.Clerk;

namespace Suno.Infrastructure.IntegrationTests.Upstream;

/// <summary>Clerk sessions against the fake over real HTTP: token economy, expiry, revocation, cookies.</summary>
[TestFixture]
public sealed class ClerkSessionTests
{
    [Test]
    public async Task Hundred_concurrent_calls_cause_at_most_two_token_exchanges()
    {
        await using var h = await UpstreamHarness.StartAsync(UpstreamHarness.DefaultAccount(out _));
        var account = await h.AccountAsync();

        var calls = Enumerable.Range(0, 100).Select(_ => h.Upstream.GetBillingInfoAsync(account, CancellationToken.None));
        var results = await Task.WhenAll(calls);

        Assert.Multiple(() =>
        {
            Assert.That(results.Select(r => r.CreditsLeft), Is.All.EqualTo(50));
            Assert.That(h.Count(FakeSunoEndpoints.Billing), Is.EqualTo(100));
            Assert.That(h.Count(FakeSunoEndpoints.ClerkTokens), Is.LessThanOrEqualTo(2));
            Assert.That(h.Count(FakeSunoEndpoints.ClerkTokens), Is.GreaterThanOrEqualTo(1));
            Assert.That(h.Count(FakeSunoEndpoints.ClerkClient), Is.EqualTo(1), "the session id is looked up once");
        });
    }

    [Test]
    public async Task Hundred_concurrent_calls_on_an_expired_token_share_one_renewal()
    {
        await using var h = await UpstreamHarness.StartAsync(UpstreamHarness.DefaultAccount(out _));
        var account = await h.AccountAsync();
        await h.Upstream.GetBillingInfoAsync(account, CancellationToken.None);
        h.Clock.Advance(TimeSpan.FromMinutes(5));

        await Task.WhenAll(Enumerable.Range(0, 100).Select(_ => h.Upstream.GetBillingInfoAsync(account, CancellationToken.None)));

        Assert.That(h.Count(FakeSunoEndpoints.ClerkTokens), Is.EqualTo(2));
    }

    [Test]
    public async Task Hundred_concurrent_calls_refused_with_401_share_one_renewal()
    {
        var clientClock = new ManualTimeProvider(new DateTimeOffset(2026, 11, 22, 12, 0, 0, TimeSpan.Zero));
        await using var h = await UpstreamHarness.StartAsync(UpstreamHarness.DefaultAccount(out _), clientClock: clientClock);
        var account = await h.AccountAsync();
        await h.Upstream.GetBillingInfoAsync(account, CancellationToken.None);
        h.Clock.Advance(TimeSpan.FromMinutes(5));

        var results = await Task.WhenAll(Enumerable.Range(0, 100).Select(_ => h.Upstream.GetBillingInfoAsync(account, CancellationToken.None)));

        Assert.Multiple(() =>
        {
            Assert.That(results, Has.Length.EqualTo(100));
            Assert.That(h.Count(FakeSunoEndpoints.ClerkTokens), Is.EqualTo(2), "the callers refused with the same JWT share one renewal");
        });
    }

    [Test]
    public async Task A_fresh_token_is_reused_and_not_renewed_per_request()
    {
        await using var h = await UpstreamHarness.StartAsync(UpstreamHarness.DefaultAccount(out _));
        var account = await h.AccountAsync();

        for (var i = 0; i < 5; i++)
        {
            await h.Upstream.GetBillingInfoAsync(account, CancellationToken.None);
            h.Clock.Advance(TimeSpan.FromSeconds(5));
        }

        Assert.That(h.Count(FakeSunoEndpoints.ClerkTokens), Is.EqualTo(1));
    }

    [Test]
    public async Task An_expired_jwt_is_replaced_without_the_caller_noticing()
    {
        await using var h = await UpstreamHarness.StartAsync(UpstreamHarness.DefaultAccount(out _));
        var account = await h.AccountAsync();
        await h.Upstream.GetBillingInfoAsync(account, CancellationToken.None);
        var firstJwt = h.Session(account).Account.Jwt;

        h.Clock.Advance(TimeSpan.FromMinutes(5));
        var billing = await h.Upstream.GetBillingInfoAsync(account, CancellationToken.None);

        Assert.Multiple(() =>
        {
            Assert.That(billing.CreditsLeft, Is.EqualTo(50));
            Assert.That(h.Count(FakeSunoEndpoints.ClerkTokens), Is.EqualTo(2));
            Assert.That(h.Session(account).Account.Jwt, Is.Not.EqualTo(firstJwt));
            Assert.That(h.Session(account).Account.JwtExpiresAt, Is.GreaterThan(h.Clock.GetUtcNow().UtcDateTime));
        });
    }

    [Test]
    public async Task A_jwt_refused_with_401_is_renewed_once_and_the_call_repeated()
    {
        // The client's clock lags behind the fake's: it believes its JWT is fresh, Suno says it expired.
        var clientClock = new ManualTimeProvider(new DateTimeOffset(2026, 11, 22, 12, 0, 0, TimeSpan.Zero));
        await using var h = await UpstreamHarness.StartAsync(UpstreamHarness.DefaultAccount(out _), clientClock: clientClock);
        var account = await h.AccountAsync();
        await h.Upstream.GetBillingInfoAsync(account, CancellationToken.None);

        h.Clock.Advance(TimeSpan.FromMinutes(5));
        var billing = await h.Upstream.GetBillingInfoAsync(account, CancellationToken.None);

        Assert.Multiple(() =>
        {
            Assert.That(billing.CreditsLeft, Is.EqualTo(50));
            Assert.That(h.Count(FakeSunoEndpoints.Billing), Is.EqualTo(3), "one refused call, one repeated call after the first");
            Assert.That(h.Count(FakeSunoEndpoints.ClerkTokens), Is.EqualTo(2));
            Assert.That(h.Session(account).Account.Status, Is.EqualTo(AccountStatus.Active));
        });
    }

    [Test]
    public async Task A_revoked_cookie_marks_the_account_invalid_after_three_refusals_in_a_row_with_a_message_to_renew_the_cookie()
    {
        await using var h = await UpstreamHarness.StartAsync(UpstreamHarness.DefaultAccount(out var fakeAccount));
        var account = await h.AccountAsync();
        await h.Upstream.GetBillingInfoAsync(account, CancellationToken.None);

        h.State.RevokeAccount(fakeAccount());
        h.Clock.Advance(TimeSpan.FromMinutes(5));
        for (var refusal = 1; refusal < 3; refusal++)
        {
            var glitch = Assert.ThrowsAsync<AccountInvalidException>(() => h.Upstream.GetBillingInfoAsync(account, CancellationToken.None));
            Assert.That(glitch!.Message, Does.Contain($"refusal {refusal} of 3"));
            Assert.That((await h.Pool.ListAsync(CancellationToken.None)).Single().Status, Is.EqualTo("active"), "not retired before the third refusal");
        }

        var error = Assert.ThrowsAsync<AccountInvalidException>(() => h.Upstream.GetBillingInfoAsync(account, CancellationToken.None));

        var exchangesAfterRevocation = h.Count(FakeSunoEndpoints.ClerkTokens);
        Assert.ThrowsAsync<AccountInvalidException>(() => h.Upstream.GetBillingInfoAsync(account, CancellationToken.None));
        var summary = (await h.Pool.ListAsync(CancellationToken.None)).Single();
        Assert.Multiple(() =>
        {
            Assert.That(error!.Message, Does.Contain("renew the cookie").IgnoreCase);
            Assert.That(error.Message, Does.Contain("SUNO_COOKIE"));
            Assert.That(error.Message, Does.Not.Contain(fakeAccount().ClientToken));
            Assert.That(summary.Status, Is.EqualTo("invalid"));
            Assert.That(summary.LastError, Does.Contain("renew the cookie").IgnoreCase);
            Assert.That(h.Count(FakeSunoEndpoints.ClerkTokens), Is.EqualTo(exchangesAfterRevocation), "an invalid account is not retried against Clerk");
        });
    }

    [Test]
    public async Task A_cookie_without_a_session_on_clerk_is_invalid_from_the_start()
    {
        await using var h = await UpstreamHarness.StartAsync(
            _ => new Dictionary<string, string?> { ["Suno:Cookie"] = "__client=not-a-real-client; ajs_anonymous_id=x" },
            settings: new Dictionary<string, string?> { ["Suno:Upstream:InvalidAfterRefusals"] = "1" });
        var account = await h.AccountAsync();

        var error = Assert.ThrowsAsync<AccountInvalidException>(() => h.Upstream.GetBillingInfoAsync(account, CancellationToken.None));
        Assert.That(error!.Message, Does.Contain("renew the cookie").IgnoreCase);
        Assert.That(h.Session(account).Account.Status, Is.EqualTo(AccountStatus.Invalid));
    }

    [Test]
    public async Task Clerk_requiring_a_captcha_is_reported_as_captcha_required()
    {
        await using var h = await UpstreamHarness.StartAsync(UpstreamHarness.DefaultAccount(out _));
        h.State.ClerkRequiresCaptcha = true;
        var account = await h.AccountAsync();

        var error = Assert.ThrowsAsync<CaptchaRequiredException>(() => h.Upstream.GetBillingInfoAsync(account, CancellationToken.None));
        Assert.Multiple(() =>
        {
            Assert.That(error!.Message, Does.Contain("captcha"));
            Assert.That(h.Session(account).Account.Status, Is.EqualTo(AccountStatus.Active), "a captcha is not a dead cookie");
        });
    }

    [Test]
    public async Task Set_cookie_from_clerk_is_merged_into_the_account_cookie()
    {
        await using var h = await UpstreamHarness.StartAsync(UpstreamHarness.DefaultAccount(out var fakeAccount));
        var account = await h.AccountAsync();
        Assert.That(h.Session(account).Account.Cookie, Does.Not.Contain("__client_uat"));

        await h.Upstream.GetBillingInfoAsync(account, CancellationToken.None);

        var cookie = h.Session(account).Account.Cookie;
        Assert.Multiple(() =>
        {
            Assert.That(cookie, Does.Contain("__client_uat="));
            Assert.That(CookieHeader.Get(cookie, "__client"), Is.EqualTo(fakeAccount().ClientToken));
            Assert.That(CookieHeader.Get(cookie, "ajs_anonymous_id"), Is.EqualTo(fakeAccount().AnonymousId));
        });
    }

    [Test]
    public async Task A_configured_session_id_skips_the_session_lookup()
    {
        FakeAccount? created = null;
        await using var h = await UpstreamHarness.StartAsync(state =>
        {
            created = state.AddAccount();
            return new Dictionary<string, string?> { ["Suno:Cookie"] = created.Cookie, ["Suno:SessionId"] = created.SessionId };
        });
        var account = await h.AccountAsync();

        await h.Upstream.GetBillingInfoAsync(account, CancellationToken.None);

        Assert.Multiple(() =>
        {
            Assert.That(h.Count(FakeSunoEndpoints.ClerkClient), Is.Zero);
            Assert.That(h.Count(FakeSunoEndpoints.ClerkTokens), Is.EqualTo(1));
        });
    }

    [Test]
    public async Task The_exchange_token_url_template_overrides_the_tokens_endpoint()
    {
        FakeAccount? created = null;
        string? template = null;
        await using var h = await UpstreamHarness.StartAsync(state =>
        {
            created = state.AddAccount();
            return new Dictionary<string, string?> { ["Suno:Cookie"] = created.Cookie };
        }, fakeOptions: null);
        template = h.Fake.ClerkBaseUrl + "v1/client/sessions/%s/tokens/api?_clerk_js_version=4.73.2";
        await using var h2 = await UpstreamHarness.StartAsync(state =>
        {
            created = state.AddAccount();
            return new Dictionary<string, string?> { ["Suno:Cookie"] = created.Cookie };
        }, settings: new Dictionary<string, string?> { ["Suno:ExchangeTokenUrl"] = template });
        var account = await h2.AccountAsync();

        // The template points at the first fake (h), which does not know h2's account: Clerk there answers 401.
        Assert.ThrowsAsync<AccountInvalidException>(() => h2.Upstream.GetBillingInfoAsync(account, CancellationToken.None));
        Assert.Multiple(() =>
        {
            Assert.That(h.Count(FakeSunoEndpoints.ClerkTokens), Is.EqualTo(1), "the template's host got the exchange");
            Assert.That(h2.Count(FakeSunoEndpoints.ClerkTokens), Is.Zero);
            Assert.That(h2.Count(FakeSunoEndpoints.ClerkClient), Is.EqualTo(1), "the session lookup still uses ClerkBaseUrl");
        });
    }

    [Test]
    public async Task Keep_alive_renews_the_session_even_when_the_token_is_fresh()
    {
        await using var h = await UpstreamHarness.StartAsync(UpstreamHarness.DefaultAccount(out _));
        var account = await h.AccountAsync();
        await h.Upstream.GetBillingInfoAsync(account, CancellationToken.None);

        await h.Pool.KeepAliveAllAsync(CancellationToken.None);

        Assert.That(h.Count(FakeSunoEndpoints.ClerkTokens), Is.EqualTo(2));
    }
}
