using System.Net.Http.Json;
using System.Diagnostics;
using System.Net;

namespace Suno.FakeUpstream.Tests;

public class FaultAndCounterTests : FakeSunoTestBase
{
    [Test]
    public async Task FailNext_AnswersTheStatusThenRecovers()
    {
        var jwt = State.IssueJwt(State.AddAccount());
        State.Faults.FailNext(2, 503, FakeSunoEndpoints.FeedV2);

        var (first, json) = await SendAsync(HttpMethod.Get, "/api/feed/v2", jwt);
        var (other, _) = await SendAsync(HttpMethod.Get, "/api/billing/info/", jwt);
        var (second, _) = await SendAsync(HttpMethod.Get, "/api/feed/v2", jwt);
        var (third, _) = await SendAsync(HttpMethod.Get, "/api/feed/v2", jwt);

        Assert.Multiple(() =>
        {
            Assert.That(first.StatusCode, Is.EqualTo(HttpStatusCode.ServiceUnavailable));
            Assert.That(json!["detail"], Is.Not.Null);
            Assert.That(other.StatusCode, Is.EqualTo(HttpStatusCode.OK), "other endpoints are unaffected");
            Assert.That(second.StatusCode, Is.EqualTo(HttpStatusCode.ServiceUnavailable));
            Assert.That(third.StatusCode, Is.EqualTo(HttpStatusCode.OK));
            Assert.That(State.Faults.Pending, Is.Zero);
        });
    }

    [Test]
    public async Task GlobalFault_HitsClerkToo()
    {
        var account = State.AddAccount();
        State.Faults.FailNext(1);
        using var request = new HttpRequestMessage(HttpMethod.Get, "/v1/client");
        request.Headers.TryAddWithoutValidation("Authorization", account.ClientToken);

        using var failed = await Http.SendAsync(request);
        var jwt = await LoginAsync(account);

        Assert.That(failed.StatusCode, Is.EqualTo(HttpStatusCode.InternalServerError));
        Assert.That(jwt, Is.Not.Empty);
    }

    [Test]
    public async Task Fault_ForOneAccount_LeavesOthersAlone()
    {
        var limited = State.AddAccount();
        var other = State.AddAccount();
        State.Faults.RateLimitNext(1, TimeSpan.FromSeconds(1), FakeSunoEndpoints.Generate, limited);

        var (otherResponse, _) = await SendAsync(HttpMethod.Post, "/api/generate/v2/", State.IssueJwt(other), CustomSong());
        var (limitedResponse, _) = await SendAsync(HttpMethod.Post, "/api/generate/v2/", State.IssueJwt(limited), CustomSong());

        Assert.That(otherResponse.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(limitedResponse.StatusCode, Is.EqualTo(HttpStatusCode.TooManyRequests));
    }

    [Test]
    public async Task RateLimitNext_Answers429WithRetryAfter()
    {
        var jwt = State.IssueJwt(State.AddAccount());
        State.Faults.RateLimitNext(1, TimeSpan.FromSeconds(3), FakeSunoEndpoints.Generate);

        var (limited, _) = await SendAsync(HttpMethod.Post, "/api/generate/v2/", jwt, CustomSong());
        var (next, _) = await SendAsync(HttpMethod.Post, "/api/generate/v2/", jwt, CustomSong());

        Assert.That(limited.StatusCode, Is.EqualTo(HttpStatusCode.TooManyRequests));
        Assert.That(limited.Headers.RetryAfter!.Delta, Is.EqualTo(TimeSpan.FromSeconds(3)));
        Assert.That(next.StatusCode, Is.EqualTo(HttpStatusCode.OK));
    }

    [Test]
    public async Task FaultedGenerate_ChargesNothing()
    {
        var account = State.AddAccount(new FakeAccountSpec { Credits = 50 });
        var jwt = State.IssueJwt(account);
        State.Faults.FailNext(1, 502, FakeSunoEndpoints.Generate);

        var (response, _) = await SendAsync(HttpMethod.Post, "/api/generate/v2/", jwt, CustomSong());

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.BadGateway));
        Assert.That(account.Credits, Is.EqualTo(50));
        Assert.That(State.ClipIdsOf(account), Is.Empty);
    }

    [Test]
    public async Task DropNext_AbortsTheConnection()
    {
        var jwt = State.IssueJwt(State.AddAccount());
        State.Faults.DropNext(1, FakeSunoEndpoints.Billing);

        Assert.That(async () => await SendAsync(HttpMethod.Get, "/api/billing/info/", jwt), Throws.InstanceOf<HttpRequestException>());
        var (after, _) = await SendAsync(HttpMethod.Get, "/api/billing/info/", jwt);
        Assert.That(after.StatusCode, Is.EqualTo(HttpStatusCode.OK));
    }

    [Test]
    public async Task DropAfterProcessingNext_ChargesAndCreatesClipsButNeverAnswers()
    {
        var account = State.AddAccount(new FakeAccountSpec { Credits = 50 });
        var jwt = State.IssueJwt(account);
        State.Faults.DropAfterProcessingNext(1, FakeSunoEndpoints.Generate);

        Assert.That(async () => await SendAsync(HttpMethod.Post, "/api/generate/v2/", jwt, CustomSong()), Throws.InstanceOf<HttpRequestException>());
        Assert.That(account.Credits, Is.EqualTo(40));
        Assert.That(State.ClipIdsOf(account), Has.Count.EqualTo(2));
    }

    [Test]
    public async Task AnswerSlowlyNext_CreatesClipsAtOnceAndKeepsThemWhenTheCallerGivesUp()
    {
        var account = State.AddAccount(new FakeAccountSpec { Credits = 50 });
        var jwt = State.IssueJwt(account);
        State.Faults.AnswerSlowlyNext(1, TimeSpan.FromSeconds(3), FakeSunoEndpoints.Generate);
        using var impatient = new HttpClient { BaseAddress = Server.BaseUrl, Timeout = TimeSpan.FromMilliseconds(500) };
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/generate/v2/") { Content = JsonContent.Create(CustomSong()) };
        request.Headers.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", jwt);

        Assert.That(async () => await impatient.SendAsync(request), Throws.InstanceOf<TaskCanceledException>());
        Assert.That(account.Credits, Is.EqualTo(40));
        Assert.That(State.ClipIdsOf(account), Has.Count.EqualTo(2));
    }

    [Test]
    public async Task Requests_RecordsEndpointAccountUserAgentAndQuery()
    {
        var account = State.AddAccount();
        var jwt = State.IssueJwt(account);
        State.Requests.Clear();
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/feed/v2?ids=a,b");
        request.Headers.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", jwt);
        request.Headers.UserAgent.ParseAdd("gateway-a/1.0");
        using var response = await Http.SendAsync(request);

        var feed = State.Requests.Of(FakeSunoEndpoints.FeedV2);
        Assert.That(feed, Has.Count.EqualTo(1));
        Assert.Multiple(() =>
        {
            Assert.That(feed[0].UserId, Is.EqualTo(account.UserId));
            Assert.That(feed[0].UserAgent, Is.EqualTo("gateway-a/1.0"));
            Assert.That(feed[0].Query, Is.EqualTo("?ids=a,b"));
        });
    }

    [Test]
    public async Task Latency_DelaysTheEndpointUntilCleared()
    {
        var jwt = State.IssueJwt(State.AddAccount());
        State.Faults.AddLatency(TimeSpan.FromMilliseconds(400), FakeSunoEndpoints.Billing);

        var slow = Stopwatch.StartNew();
        await GetOkAsync("/api/billing/info/", jwt);
        slow.Stop();
        State.Faults.Clear();
        var fast = Stopwatch.StartNew();
        await GetOkAsync("/api/billing/info/", jwt);
        fast.Stop();

        Assert.That(slow.Elapsed, Is.GreaterThanOrEqualTo(TimeSpan.FromMilliseconds(380)));
        Assert.That(fast.Elapsed, Is.LessThan(TimeSpan.FromMilliseconds(380)));
    }

    [Test]
    public async Task Latency_LongerThanClientTimeout_MakesTheClientTimeOut()
    {
        var jwt = State.IssueJwt(State.AddAccount());
        State.Faults.AddLatency(TimeSpan.FromSeconds(5));
        using var impatient = new HttpClient { BaseAddress = Server.BaseUrl, Timeout = TimeSpan.FromMilliseconds(300) };
        using var request = Studio(HttpMethod.Get, "/api/feed/v2", jwt);

        Assert.That(async () => await impatient.SendAsync(request), Throws.InstanceOf<TaskCanceledException>());
    }

    [Test]
    public async Task Counters_CountPerEndpointAndPerAccount_AndReset()
    {
        var alice = State.AddAccount();
        var bob = State.AddAccount();
        var aliceJwt = await LoginAsync(alice);
        await LoginAsync(alice);
        var bobJwt = await LoginAsync(bob);

        await GetOkAsync("/api/feed/v2", aliceJwt);
        await GetOkAsync("/api/feed/v2", aliceJwt);
        await GetOkAsync("/api/feed/v2", bobJwt);
        await PostOkAsync("/api/generate/v2/", bobJwt, CustomSong());

        Assert.Multiple(() =>
        {
            Assert.That(State.Counters.TokenExchanges(alice), Is.EqualTo(2));
            Assert.That(State.Counters.TokenExchanges(bob), Is.EqualTo(1));
            Assert.That(State.Counters.Get(FakeSunoEndpoints.ClerkClient, alice), Is.EqualTo(2));
            Assert.That(State.Counters.Get(FakeSunoEndpoints.FeedV2), Is.EqualTo(3));
            Assert.That(State.Counters.Get(FakeSunoEndpoints.FeedV2, alice), Is.EqualTo(2));
            Assert.That(State.Counters.Get(FakeSunoEndpoints.Generate, bob), Is.EqualTo(1));
            Assert.That(State.Counters.StudioCalls(bob), Is.EqualTo(2));
            Assert.That(State.Counters.ForAccount(alice), Is.EqualTo(6));
            Assert.That(State.Counters.Snapshot()[FakeSunoEndpoints.ClerkTokens], Is.EqualTo(3));
        });

        State.Counters.Reset();

        Assert.That(State.Counters.Get(FakeSunoEndpoints.FeedV2), Is.Zero);
        Assert.That(State.Counters.TokenExchanges(alice), Is.Zero);
    }

    [Test]
    public async Task Counters_IncludeFailedAndUnauthorizedAttempts()
    {
        var account = State.AddAccount();
        var jwt = State.IssueJwt(account);
        State.Faults.FailNext(1, 500, FakeSunoEndpoints.FeedV2);

        await SendAsync(HttpMethod.Get, "/api/feed/v2", jwt);
        await SendAsync(HttpMethod.Get, "/api/feed/v2", jwt);
        await SendAsync(HttpMethod.Get, "/api/feed/v2", jwt: null);
        Clock.Advance(TimeSpan.FromMinutes(5));
        await SendAsync(HttpMethod.Get, "/api/feed/v2", jwt);

        Assert.That(State.Counters.Get(FakeSunoEndpoints.FeedV2), Is.EqualTo(4));
        Assert.That(State.Counters.Get(FakeSunoEndpoints.FeedV2, account), Is.EqualTo(3), "an expired JWT still names its account");
    }
}
