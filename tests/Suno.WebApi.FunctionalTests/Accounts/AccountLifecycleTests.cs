using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Suno.FakeUpstream;
using Suno.Infrastructure.IntegrationTests.Support;
using Suno.Infrastructure.Persistence;
using Suno.WebApi.FunctionalTests.Support;
using Suno.WebApi.FunctionalTests.Tasks;

namespace Suno.WebApi.FunctionalTests.Accounts;

/// <summary>
/// The account lifecycle (ADR-013), black-box over HTTP against the fake Suno: exhausted is a state to re-check,
/// billing is read at most once a second when a client hammers an empty account, credits restored upstream are
/// used at once, state survives a restart, a 402 outside generation changes nothing, Clerk glitches do not retire
/// an account, and Suno's Retry-After holds back picker and poller and reaches the client.
/// </summary>
public sealed class AccountLifecycleTests
{
    private static readonly object Song = new { gpt_description_prompt = "a song about credits" };

    [Test]
    public async Task Credits_restored_upstream_are_used_on_the_next_submission_after_exactly_one_billing_read()
    {
        await using var api = await StartOnAnEmptiedAccountAsync();
        var generates = api.Fake.State.Counters.Get(FakeSunoEndpoints.Generate);
        var billing = api.Fake.State.Counters.Get(FakeSunoEndpoints.Billing);

        api.Account.Credits = 10_000; // bought more
        await SubmitUntilAcceptedAsync(api);

        Assert.Multiple(() =>
        {
            Assert.That(api.Fake.State.Counters.Get(FakeSunoEndpoints.Billing), Is.EqualTo(billing + 1), "one billing read found the credits");
            Assert.That(api.Fake.State.Counters.Get(FakeSunoEndpoints.Generate), Is.EqualTo(generates + 1), "refused submissions never reached generate");
        });
    }

    [Test]
    public async Task A_burst_of_submissions_on_an_empty_account_costs_at_most_one_billing_read_a_second_and_no_generate()
    {
        await using var api = await StartOnAnEmptiedAccountAsync();
        await AssertBurstIsCheapAsync(api.Fake, api.Client);
    }

    [Test]
    public async Task After_a_restart_on_the_same_database_the_exhausted_state_is_known_and_a_burst_is_as_cheap()
    {
        await using var fake = await FakeSunoServer.StartAsync(TaskApiGateway.FastClips());
        var account = fake.State.AddAccount(new FakeAccountSpec { Credits = 10_000 });
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        var settings = Settings(fake, account, database);

        await using (var first = new GatewayFactory(settings))
        {
            using var client = first.StartClient();
            await WaitForStartupCreditsReadAsync(fake);
            account.Credits = 5;
            var (status, _) = await SubmitAsync(client);
            Assert.That(status, Is.EqualTo(HttpStatusCode.PaymentRequired));
        }

        await using (var db = database.CreateContext())
        {
            var stored = db.Accounts.Single();
            Assert.That(stored.Status, Is.EqualTo(Domain.Accounts.AccountStatus.Exhausted));
            Assert.That(stored.NextCheckAt, Is.Not.Null, "the next check is stored");
            Assert.That(stored.CheckFailures, Is.GreaterThanOrEqualTo(1));
        }

        // The restarted gateway takes the stored state: its start-up credits read is skipped (the stored read is
        // younger than the refresh interval) and not one submission reaches generate.
        await using var second = new GatewayFactory(settings);
        using var again = second.StartClient();
        await AssertBurstIsCheapAsync(fake, again);

        account.Credits = 10_000;
        var billing = fake.State.Counters.Get(FakeSunoEndpoints.Billing);
        await Eventually.AssertAsync(async () => (await SubmitAsync(again)).Status == HttpStatusCode.OK, "the restored credits are used");
        Assert.That(fake.State.Counters.Get(FakeSunoEndpoints.Billing), Is.EqualTo(billing + 1));
    }

    [Test]
    public async Task A_recovery_seen_by_one_gateway_is_seen_by_another_on_the_same_database()
    {
        await using var fake = await FakeSunoServer.StartAsync(TaskApiGateway.FastClips());
        var account = fake.State.AddAccount(new FakeAccountSpec { Credits = 10_000 });
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Postgres);
        var settings = Settings(fake, account, database);
        await using var a = new GatewayFactory(settings);
        using var clientA = a.StartClient();
        await using var b = new GatewayFactory(settings);
        using var clientB = b.StartClient();
        await Eventually.AssertAsync(() => Task.FromResult(fake.State.Counters.Get(FakeSunoEndpoints.Billing) >= 1), "credits are read at start");

        account.Credits = 5;
        Assert.That((await SubmitAsync(clientA)).Status, Is.EqualTo(HttpStatusCode.PaymentRequired));
        Assert.That((await SubmitAsync(clientB)).Status, Is.EqualTo(HttpStatusCode.PaymentRequired), "B learns from the store or its own read");

        account.Credits = 10_000;
        await Eventually.AssertAsync(async () => (await SubmitAsync(clientA)).Status == HttpStatusCode.OK, "A sees the credits");
        var billing = fake.State.Counters.Get(FakeSunoEndpoints.Billing);
        var (status, body) = await SubmitAsync(clientB);
        Assert.That(status, Is.EqualTo(HttpStatusCode.OK), body.ToString());
        Assert.That(fake.State.Counters.Get(FakeSunoEndpoints.Billing), Is.EqualTo(billing), "B took A's stored recovery without a billing read");
    }

    [Test]
    public async Task A_402_from_stems_does_not_stop_generation()
    {
        await using var api = await TaskApiGateway.StartAsync();
        var id = await api.SubmitOkAsync("music", Song);
        var task = await api.WaitForStatusAsync(id, "SUCCESS");
        var clipId = task.GetProperty("data")[0].GetProperty("id").GetString();

        api.Fake.State.Faults.RefuseNext(1, 402, "Stems are not part of your plan.", FakeSunoEndpoints.Stems);
        using (var stems = await api.Client.PostAsJsonAsync("/api/generate_stems", new { audio_id = clipId }))
        {
            Assert.That(stems.StatusCode, Is.EqualTo(HttpStatusCode.PaymentRequired), await stems.Content.ReadAsStringAsync());
        }

        var generates = api.Fake.State.Counters.Get(FakeSunoEndpoints.Generate);
        await api.SubmitOkAsync("music", Song);
        Assert.That(api.Fake.State.Counters.Get(FakeSunoEndpoints.Generate), Is.EqualTo(generates + 1));
        Assert.That(await StatusOfAccountAsync(api.Client), Is.EqualTo("active"));
    }

    [Test]
    public async Task One_refused_token_exchange_does_not_retire_the_account_three_in_a_row_do_and_a_recheck_revives_it()
    {
        // Tokens live 1 s, so every call renews and every submission costs one token exchange.
        var fakeOptions = TaskApiGateway.FastClips();
        fakeOptions.JwtLifetime = TimeSpan.FromSeconds(1);
        await using var api = await TaskApiGateway.StartAsync(fakeOptions: fakeOptions, settings: new Dictionary<string, string?>
        {
            ["Tasks:Polling"] = "false",
            ["Suno:Upstream:AccountRecheckDelay"] = "00:00:01",
        });
        await WaitForStartupCreditsReadAsync(api.Fake);

        api.Fake.State.Faults.RefuseNext(1, 401, "Signed out", FakeSunoEndpoints.ClerkTokens, api.Account);
        var (glitch, glitchBody) = await api.SubmitAsync("music", Song);
        glitch.Dispose();
        Assert.That(glitch.StatusCode, Is.EqualTo(HttpStatusCode.ServiceUnavailable), glitchBody.ToString());
        await api.SubmitOkAsync("music", Song);
        Assert.That(await StatusOfAccountAsync(api.Client), Is.EqualTo("active"), "one glitch leaves the account active");

        api.Fake.State.Faults.RefuseNext(3, 401, "Signed out", FakeSunoEndpoints.ClerkTokens, api.Account);
        for (var i = 0; i < 3; i++)
        {
            var (refused, _) = await api.SubmitAsync("music", Song);
            refused.Dispose();
            Assert.That(refused.StatusCode, Is.EqualTo(HttpStatusCode.ServiceUnavailable));
        }

        Assert.That(await StatusOfAccountAsync(api.Client), Is.EqualTo("invalid"), "three refusals in a row retire it");
        var exchanges = api.Fake.State.Counters.TokenExchanges(api.Account);
        var (skipped, skippedBody) = await api.SubmitAsync("music", Song);
        skipped.Dispose();
        Assert.That(skippedBody.GetProperty("code").GetString(), Is.EqualTo("no_account"));

        // The background recheck (after AccountRecheckDelay) exchanges again, Clerk agrees, the account is back.
        await Eventually.AssertAsync(async () => await StatusOfAccountAsync(api.Client) == "active", "the recheck revives the account", TimeSpan.FromSeconds(20));
        Assert.That(api.Fake.State.Counters.TokenExchanges(api.Account), Is.GreaterThan(exchanges));
        await api.SubmitOkAsync("music", Song);
    }

    [Test]
    public async Task Retry_after_holds_back_picker_and_poller_and_reaches_the_client()
    {
        await using var api = await TaskApiGateway.StartAsync(fakeOptions: new FakeSunoOptions
        {
            QueuedAfter = TimeSpan.FromSeconds(30),
            StreamingAfter = TimeSpan.FromSeconds(40),
            CompleteAfter = TimeSpan.FromSeconds(50),
        });
        await api.SubmitOkAsync("music", Song); // a task in flight, so the poller has work
        await Eventually.AssertAsync(() => Task.FromResult(api.Fake.State.Counters.Get(FakeSunoEndpoints.FeedV2) >= 1), "the poller polls");

        api.Fake.State.Faults.RateLimitNext(1, TimeSpan.FromSeconds(4), FakeSunoEndpoints.Generate);
        using (var request = new HttpRequestMessage(HttpMethod.Post, "/suno/submit/music") { Content = JsonContent.Create(Song) })
        using (var limited = await api.Client.SendAsync(request))
        {
            Assert.That((int)limited.StatusCode, Is.EqualTo(429), await limited.Content.ReadAsStringAsync());
            Assert.That(limited.Headers.RetryAfter?.Delta, Is.Not.Null.And.GreaterThanOrEqualTo(TimeSpan.FromSeconds(1)), "the client's 429 carries Retry-After");
        }

        var limitedAt = api.Fake.State.Requests.Of(FakeSunoEndpoints.Generate)[^1].At;
        var generates = api.Fake.State.Counters.Get(FakeSunoEndpoints.Generate);
        using (var request = new HttpRequestMessage(HttpMethod.Post, "/suno/submit/music") { Content = JsonContent.Create(Song) })
        using (var held = await api.Client.SendAsync(request))
        {
            Assert.That((int)held.StatusCode, Is.EqualTo(429));
            Assert.That(held.Headers.RetryAfter?.Delta, Is.Not.Null);
        }

        Assert.That(api.Fake.State.Counters.Get(FakeSunoEndpoints.Generate), Is.EqualTo(generates), "the picker did not call Suno during the cooldown");

        // Polling resumes after the cooldown, and no feed call was made during it (the poller ticks every second).
        await Eventually.AssertAsync(
            () => Task.FromResult(api.Fake.State.Requests.Of(FakeSunoEndpoints.FeedV2).Any(r => r.At > limitedAt + TimeSpan.FromSeconds(4))),
            "the poller polls again after the cooldown",
            TimeSpan.FromSeconds(20));
        var during = api.Fake.State.Requests.Of(FakeSunoEndpoints.FeedV2)
            .Where(r => r.At > limitedAt + TimeSpan.FromMilliseconds(200) && r.At < limitedAt + TimeSpan.FromSeconds(3.5))
            .ToList();
        Assert.That(during, Is.Empty, "no feed call during the cooldown");
        await api.SubmitOkAsync("music", Song);
    }

    private static Dictionary<string, string?> Settings(FakeSunoServer fake, FakeAccount account, TestDatabase database)
    {
        var settings = new Dictionary<string, string?>(database.ConfigurationValues, StringComparer.OrdinalIgnoreCase)
        {
            ["Suno:Cookie"] = account.Cookie,
            ["Suno:BaseUrl"] = fake.BaseUrl.ToString(),
            ["Suno:ClerkBaseUrl"] = fake.ClerkBaseUrl.ToString(),
            ["Tasks:PollIntervalSeconds"] = "1",
        };
        return settings;
    }

    private static Task WaitForStartupCreditsReadAsync(FakeSunoServer fake) =>
        Eventually.AssertAsync(() => Task.FromResult(fake.State.Counters.Get(FakeSunoEndpoints.Billing) >= 1), "credits are read at start");

    /// <summary>A gateway whose account was emptied upstream after the start-up read, and one submission that found out (402).</summary>
    private static async Task<TaskApiGateway> StartOnAnEmptiedAccountAsync()
    {
        var api = await TaskApiGateway.StartAsync();
        try
        {
            await WaitForStartupCreditsReadAsync(api.Fake);
            api.Account.Credits = 5;
            await AssertOutOfCreditsAsync(api);
            return api;
        }
        catch
        {
            await api.DisposeAsync();
            throw;
        }
    }

    private static async Task AssertOutOfCreditsAsync(TaskApiGateway api)
    {
        var (response, json) = await api.SubmitAsync("music", Song);
        using (response)
        {
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.PaymentRequired), json.ToString());
            Assert.That(json.GetProperty("code").GetString(), Is.EqualTo("out_of_credits"));
        }
    }

    private static async Task SubmitUntilAcceptedAsync(TaskApiGateway api) =>
        await Eventually.AssertAsync(async () => (await SubmitAsync(api.Client)).Status == HttpStatusCode.OK, "a submission is accepted");

    /// <summary>20 clients submit as fast as they can for 2.5 s: all 402, no generate, at most one billing read a second.</summary>
    private static async Task AssertBurstIsCheapAsync(FakeSunoServer fake, HttpClient client)
    {
        var generates = fake.State.Counters.Get(FakeSunoEndpoints.Generate);
        var billing = fake.State.Counters.Get(FakeSunoEndpoints.Billing);
        var watch = Stopwatch.StartNew();
        var statuses = new System.Collections.Concurrent.ConcurrentBag<HttpStatusCode>();
        await Task.WhenAll(Enumerable.Range(0, 20).Select(async _ =>
        {
            while (watch.Elapsed < TimeSpan.FromSeconds(2.5))
            {
                statuses.Add((await SubmitAsync(client)).Status);
            }
        }));
        var seconds = watch.Elapsed.TotalSeconds;
        var reads = fake.State.Counters.Get(FakeSunoEndpoints.Billing) - billing;
        Assert.Multiple(() =>
        {
            Assert.That(statuses, Has.Count.GreaterThan(20));
            Assert.That(statuses, Is.All.EqualTo(HttpStatusCode.PaymentRequired));
            Assert.That(fake.State.Counters.Get(FakeSunoEndpoints.Generate), Is.EqualTo(generates), "no generate while the account is empty");
            Assert.That(reads, Is.GreaterThanOrEqualTo(1), "the account is re-checked");
            Assert.That(reads, Is.LessThanOrEqualTo((int)Math.Ceiling(seconds) + 1), $"{reads} billing reads for {statuses.Count} submissions in {seconds:F1} s");
        });
    }

    private static async Task<(HttpStatusCode Status, JsonElement Body)> SubmitAsync(HttpClient client)
    {
        using var response = await client.PostAsJsonAsync("/suno/submit/music", Song);
        return (response.StatusCode, await response.ReadJsonAsync());
    }

    private static async Task<string?> StatusOfAccountAsync(HttpClient client)
    {
        using var response = await client.GetAsync("/suno/account");
        var body = await response.ReadJsonAsync();
        return FindStatus(body);
    }

    /// <summary>The first "status" of an account object anywhere in GET /suno/account (whatever its envelope).</summary>
    private static string? FindStatus(JsonElement element)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.Object:
                if (element.TryGetProperty("name", out _) && element.TryGetProperty("status", out var status) && status.ValueKind == JsonValueKind.String)
                {
                    return status.GetString();
                }

                foreach (var property in element.EnumerateObject())
                {
                    if (FindStatus(property.Value) is { } found)
                    {
                        return found;
                    }
                }

                return null;
            case JsonValueKind.Array:
                foreach (var item in element.EnumerateArray())
                {
                    if (FindStatus(item) is { } found)
                    {
                        return found;
                    }
                }

                return null;
            default:
                return null;
        }
    }
}
