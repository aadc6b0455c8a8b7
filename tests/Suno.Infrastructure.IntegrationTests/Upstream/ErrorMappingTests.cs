using Suno.Application.Common.Exceptions;
using Suno.Application.Common.Upstream;
using Suno.Domain.Accounts;
using Suno.FakeUpstream;

namespace Suno.Infrastructure.IntegrationTests.Upstream;

/// <summary>Suno's error answers and transport failures become the application's exceptions; retries only where safe.</summary>
[TestFixture]
public sealed class ErrorMappingTests
{
    private static readonly GenerateRequest Song = new() { Prompt = "[Verse]\nla la", Tags = "pop", Title = "T", Model = "chirp-v3-5" };

    [Test]
    public async Task Payment_required_is_out_of_credits_and_marks_the_account_exhausted()
    {
        await using var h = await UpstreamHarness.StartAsync(UpstreamHarness.DefaultAccount(out _, credits: 5));
        var account = await h.AccountAsync();

        var error = Assert.ThrowsAsync<OutOfCreditsException>(() => h.Upstream.GenerateAsync(account, Song, CancellationToken.None));

        Assert.Multiple(() =>
        {
            Assert.That(error!.Message, Does.Contain("Insufficient credits"), "Suno's detail is passed on");
            Assert.That(error.StatusCode, Is.EqualTo(402));
            Assert.That(h.Session(account).Account.Status, Is.EqualTo(AccountStatus.Exhausted));
            Assert.That(h.Session(account).Account.CanGenerate, Is.False);
            Assert.That(h.Count(FakeSunoEndpoints.Generate), Is.EqualTo(1));
        });
    }

    [Test]
    public async Task A_pydantic_422_is_rejected_with_the_flattened_detail()
    {
        await using var h = await UpstreamHarness.StartAsync(UpstreamHarness.DefaultAccount(out _));
        var account = await h.AccountAsync();

        var error = Assert.ThrowsAsync<UpstreamRejectedException>(() => h.Upstream.GenerateAsync(account, Song with { Model = "chirp-unknown" }, CancellationToken.None));

        Assert.Multiple(() =>
        {
            Assert.That(error!.Message, Does.Contain("mv: Input should be a known model"));
            Assert.That(error.StatusCode, Is.EqualTo(422));
        });
    }

    [Test]
    public async Task A_string_422_detail_is_passed_on()
    {
        await using var h = await UpstreamHarness.StartAsync(UpstreamHarness.DefaultAccount(out _));
        var account = await h.AccountAsync();

        var error = Assert.ThrowsAsync<UpstreamRejectedException>(() =>
            h.Upstream.GenerateAsync(account, GenerateRequest.Extend(Guid.NewGuid().ToString(), 3, "chirp-v3-5"), CancellationToken.None));

        Assert.That(error!.Message, Does.Contain("continue_clip_id must be one of your clips"));
    }

    [Test]
    public async Task A_rate_limited_generation_is_not_retried_and_carries_retry_after()
    {
        await using var h = await UpstreamHarness.StartAsync(UpstreamHarness.DefaultAccount(out _));
        var account = await h.AccountAsync();
        h.State.Faults.RateLimitNext(1, TimeSpan.FromSeconds(7), FakeSunoEndpoints.Generate);

        var error = Assert.ThrowsAsync<RateLimitedException>(() => h.Upstream.GenerateAsync(account, Song, CancellationToken.None));

        Assert.Multiple(() =>
        {
            Assert.That(error!.RetryAfter, Is.EqualTo(TimeSpan.FromSeconds(7)));
            Assert.That(h.Count(FakeSunoEndpoints.Generate), Is.EqualTo(1));
        });
    }

    [Test]
    public async Task A_rate_limited_read_waits_for_retry_after_then_succeeds()
    {
        RecordingTimeProvider? delays = null;
        await using var h = await UpstreamHarness.StartAsync(UpstreamHarness.DefaultAccount(out _), wrapClientClock: inner => delays = new RecordingTimeProvider(inner));
        var account = await h.AccountAsync();
        h.State.Faults.RateLimitNext(1, TimeSpan.FromSeconds(1), FakeSunoEndpoints.Billing);

        var billing = await h.Upstream.GetBillingInfoAsync(account, CancellationToken.None);

        Assert.Multiple(() =>
        {
            Assert.That(billing.CreditsLeft, Is.EqualTo(50));
            Assert.That(h.Count(FakeSunoEndpoints.Billing), Is.EqualTo(2));
            Assert.That(delays!.Requested, Does.Contain(TimeSpan.FromSeconds(1)), "the retry waited exactly Retry-After");
        });
    }

    [Test]
    public async Task A_read_rate_limited_beyond_the_maximum_wait_is_reported_at_once()
    {
        await using var h = await UpstreamHarness.StartAsync(UpstreamHarness.DefaultAccount(out _));
        var account = await h.AccountAsync();
        h.State.Faults.RateLimitNext(1, TimeSpan.FromMinutes(5), FakeSunoEndpoints.Billing);

        var error = Assert.ThrowsAsync<RateLimitedException>(() => h.Upstream.GetBillingInfoAsync(account, CancellationToken.None));

        Assert.Multiple(() =>
        {
            Assert.That(error!.RetryAfter, Is.EqualTo(TimeSpan.FromMinutes(5)));
            Assert.That(h.Count(FakeSunoEndpoints.Billing), Is.EqualTo(1));
        });
    }

    [Test]
    public async Task Server_errors_on_reads_are_retried()
    {
        await using var h = await UpstreamHarness.StartAsync(UpstreamHarness.DefaultAccount(out var fakeAccount));
        var account = await h.AccountAsync();
        var seeded = h.State.SeedClip(fakeAccount());
        h.State.Faults.FailNext(2, 502, FakeSunoEndpoints.FeedV2);

        var clips = await h.Upstream.GetFeedAsync(account, [seeded.Id], CancellationToken.None);

        Assert.Multiple(() =>
        {
            Assert.That(clips.Single().Id, Is.EqualTo(seeded.Id));
            Assert.That(h.Count(FakeSunoEndpoints.FeedV2), Is.EqualTo(3));
        });
    }

    [Test]
    public async Task Server_errors_beyond_the_retry_budget_are_upstream_unavailable()
    {
        await using var h = await UpstreamHarness.StartAsync(UpstreamHarness.DefaultAccount(out _));
        var account = await h.AccountAsync();
        h.State.Faults.FailNext(10, 503, FakeSunoEndpoints.Billing);

        var error = Assert.ThrowsAsync<UpstreamUnavailableException>(() => h.Upstream.GetBillingInfoAsync(account, CancellationToken.None));

        Assert.Multiple(() =>
        {
            Assert.That(error!.StatusCode, Is.EqualTo(503));
            Assert.That(h.Count(FakeSunoEndpoints.Billing), Is.EqualTo(4), "one call and three retries");
        });
    }

    [Test]
    public async Task A_server_error_on_generate_is_not_retried()
    {
        await using var h = await UpstreamHarness.StartAsync(UpstreamHarness.DefaultAccount(out _));
        var account = await h.AccountAsync();
        h.State.Faults.FailNext(1, 500, FakeSunoEndpoints.Generate);

        Assert.ThrowsAsync<UpstreamUnavailableException>(() => h.Upstream.GenerateAsync(account, Song, CancellationToken.None));

        Assert.That(h.Count(FakeSunoEndpoints.Generate), Is.EqualTo(1));
    }

    [TestCase(FakeSunoEndpoints.LyricsSubmit)]
    [TestCase(FakeSunoEndpoints.Concat)]
    [TestCase(FakeSunoEndpoints.Stems)]
    public async Task A_server_error_on_a_creating_post_is_not_retried(string endpoint)
    {
        await using var h = await UpstreamHarness.StartAsync(UpstreamHarness.DefaultAccount(out var fakeAccount));
        var account = await h.AccountAsync();
        var source = h.State.SeedClip(fakeAccount());
        h.State.Faults.FailNext(1, 500, endpoint);

        Assert.ThrowsAsync<UpstreamUnavailableException>(() => endpoint switch
        {
            FakeSunoEndpoints.LyricsSubmit => h.Upstream.GenerateLyricsAsync(account, "sea", CancellationToken.None),
            FakeSunoEndpoints.Concat => h.Upstream.ConcatAsync(account, source.Id, CancellationToken.None),
            _ => h.Upstream.StemsAsync(account, source.Id, CancellationToken.None),
        });

        Assert.That(h.Count(endpoint), Is.EqualTo(1));
    }

    [Test]
    public async Task A_connection_dropped_after_suno_took_the_generation_is_not_retried()
    {
        await using var h = await UpstreamHarness.StartAsync(UpstreamHarness.DefaultAccount(out var fakeAccount));
        var account = await h.AccountAsync();
        h.State.Faults.DropAfterProcessingNext(1, FakeSunoEndpoints.Generate);

        var error = Assert.ThrowsAsync<UpstreamUnavailableException>(() => h.Upstream.GenerateAsync(account, Song, CancellationToken.None));

        Assert.Multiple(() =>
        {
            Assert.That(h.Count(FakeSunoEndpoints.Generate), Is.EqualTo(1));
            Assert.That(fakeAccount().Credits, Is.EqualTo(40), "Suno charged once: a retry would have charged twice");
            Assert.That(error!.Message, Does.Contain("generate"));
        });
    }

    [Test]
    public async Task A_dropped_connection_on_a_read_is_retried()
    {
        await using var h = await UpstreamHarness.StartAsync(UpstreamHarness.DefaultAccount(out _));
        var account = await h.AccountAsync();
        h.State.Faults.DropNext(1, FakeSunoEndpoints.Billing);

        var billing = await h.Upstream.GetBillingInfoAsync(account, CancellationToken.None);

        Assert.Multiple(() =>
        {
            Assert.That(billing.CreditsLeft, Is.EqualTo(50));
            Assert.That(h.Count(FakeSunoEndpoints.Billing), Is.EqualTo(2));
        });
    }

    [Test]
    public async Task A_slow_read_times_out_per_attempt_and_is_retried()
    {
        await using var h = await UpstreamHarness.StartAsync(
            UpstreamHarness.DefaultAccount(out _),
            settings: new Dictionary<string, string?> { ["Suno:Upstream:RequestTimeout"] = "00:00:00.300", ["Suno:Upstream:ReadRetryCount"] = "1" });
        var account = await h.AccountAsync();
        h.State.Faults.AddLatency(TimeSpan.FromSeconds(3), FakeSunoEndpoints.Billing);

        var error = Assert.ThrowsAsync<UpstreamUnavailableException>(() => h.Upstream.GetBillingInfoAsync(account, CancellationToken.None));

        Assert.Multiple(() =>
        {
            Assert.That(error!.Message, Does.Contain("did not answer"));
            Assert.That(h.Count(FakeSunoEndpoints.Billing), Is.EqualTo(2));
        });
    }

    [Test]
    public async Task A_slow_generation_times_out_and_is_not_retried()
    {
        await using var h = await UpstreamHarness.StartAsync(
            UpstreamHarness.DefaultAccount(out _),
            settings: new Dictionary<string, string?> { ["Suno:Upstream:RequestTimeout"] = "00:00:00.300" });
        var account = await h.AccountAsync();
        h.State.Faults.AddLatency(TimeSpan.FromSeconds(3), FakeSunoEndpoints.Generate);

        var error = Assert.ThrowsAsync<UpstreamUnavailableException>(() => h.Upstream.GenerateAsync(account, Song, CancellationToken.None));

        Assert.Multiple(() =>
        {
            Assert.That(error!.Message, Does.Contain("not retried"));
            Assert.That(h.Count(FakeSunoEndpoints.Generate), Is.EqualTo(1));
        });
    }

    [Test]
    public async Task A_refused_connection_is_upstream_unavailable_and_a_generation_is_tried_at_most_twice()
    {
        var closedPort = FreePort();
        var attempts = new CountingHandlerFactory();
        await using var h = await UpstreamHarness.StartAsync(
            UpstreamHarness.DefaultAccount(out _),
            settings: new Dictionary<string, string?> { ["Suno:BaseUrl"] = $"http://127.0.0.1:{closedPort}" },
            services: s => attempts.Register(s));
        var account = await h.AccountAsync();

        var error = Assert.ThrowsAsync<UpstreamUnavailableException>(() =>
            h.Upstream.GenerateAsync(account, Song with { CaptchaToken = "skip-the-probe" }, CancellationToken.None));

        Assert.Multiple(() =>
        {
            Assert.That(error!.Message, Does.Contain("could not be established"));
            Assert.That(attempts.Count("/api/generate/v2/"), Is.EqualTo(2), "nothing was sent, so one more try is safe");
        });
    }

    [Test]
    public async Task The_circuit_opens_for_an_account_after_repeated_failures()
    {
        await using var h = await UpstreamHarness.StartAsync(
            UpstreamHarness.DefaultAccount(out _),
            settings: new Dictionary<string, string?>
            {
                ["Suno:Upstream:ReadRetryCount"] = "0",
                ["Suno:Upstream:CircuitBreakerMinimumThroughput"] = "4",
                ["Suno:Upstream:CircuitBreakerFailureRatio"] = "0.5",
            });
        var account = await h.AccountAsync();
        h.State.Faults.FailNext(4, 500, FakeSunoEndpoints.Billing);
        for (var i = 0; i < 4; i++)
        {
            Assert.ThrowsAsync<UpstreamUnavailableException>(() => h.Upstream.GetBillingInfoAsync(account, CancellationToken.None));
        }

        var open = Assert.ThrowsAsync<UpstreamUnavailableException>(() => h.Upstream.GetBillingInfoAsync(account, CancellationToken.None));

        Assert.Multiple(() =>
        {
            Assert.That(open!.Message, Does.Contain("paused"));
            Assert.That(h.Count(FakeSunoEndpoints.Billing), Is.EqualTo(4), "an open circuit does not call Suno");
        });

        h.Clock.Advance(TimeSpan.FromMinutes(1));
        var billing = await h.Upstream.GetBillingInfoAsync(account, CancellationToken.None);
        Assert.That(billing.CreditsLeft, Is.EqualTo(50), "after the break the circuit lets a call through again");
    }

    [Test]
    public async Task Messages_and_state_never_carry_the_cookie_or_jwt()
    {
        await using var h = await UpstreamHarness.StartAsync(UpstreamHarness.DefaultAccount(out var fakeAccount));
        var account = await h.AccountAsync();
        await h.Upstream.GetBillingInfoAsync(account, CancellationToken.None);
        var jwt = h.Session(account).Account.Jwt!;
        h.State.Faults.FailNext(10, 500, FakeSunoEndpoints.Billing);

        var error = Assert.ThrowsAsync<UpstreamUnavailableException>(() => h.Upstream.GetBillingInfoAsync(account, CancellationToken.None));
        var summaries = await h.Pool.ListAsync(CancellationToken.None);

        Assert.Multiple(() =>
        {
            Assert.That(error!.ToString(), Does.Not.Contain(jwt).And.Not.Contain(fakeAccount().ClientToken));
            Assert.That(summaries.Single().ToString(), Does.Not.Contain(fakeAccount().ClientToken).And.Not.Contain(jwt));
        });
    }

    private static int FreePort()
    {
        using var listener = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        listener.Start();
        return ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
    }
}
