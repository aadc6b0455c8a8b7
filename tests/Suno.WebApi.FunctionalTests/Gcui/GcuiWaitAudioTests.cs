using System.Diagnostics;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Suno.Application.Tasks.Engine;
using Suno.Domain.Tasks;
using Suno.FakeUpstream;
using Suno.WebApi.FunctionalTests.Support;
using Suno.WebApi.FunctionalTests.Tasks;
using static Suno.WebApi.FunctionalTests.Gcui.GcuiApi;

namespace Suno.WebApi.FunctionalTests.Gcui;

/// <summary>
/// wait_audio waits on the task engine, never on Suno: a waiter sleeps until the poller publishes news about its
/// task (or re-reads the database), so the number of waiting requests does not change what Suno is asked.
/// </summary>
[TestFixture]
public sealed class GcuiWaitAudioTests
{
    [Test]
    public async Task Wait_audio_answers_once_every_clip_streams()
    {
        await using var gateway = await TaskApiGateway.StartAsync();

        var watch = Stopwatch.StartNew();
        var clips = await PostOkAsync(gateway.Client, "/api/generate", new { prompt = "a waiting song", wait_audio = true });

        Assert.That(clips.GetArrayLength(), Is.EqualTo(2), clips.ToString());
        foreach (var clip in clips.EnumerateArray())
        {
            Assert.That(clip.GetProperty("status").GetString(), Is.AnyOf("streaming", "complete"), clips.ToString());
            Assert.That(clip.GetProperty("audio_url").GetString(), Is.Not.Empty);
            Assert.That(clip.GetProperty("image_url").GetString(), Is.Not.Empty);
        }

        Assert.That(watch.Elapsed, Is.LessThan(TimeSpan.FromSeconds(20)));
    }

    [Test]
    public async Task Twenty_waiters_cost_suno_the_same_feed_calls_as_one()
    {
        var one = await FeedCallsWhileWaitingAsync(waiters: 1);
        var twenty = await FeedCallsWhileWaitingAsync(waiters: 20);

        // Two engine ticks ran while the requests waited (one before the clips streamed, one after): one feed call
        // each, whatever the number of waiters.
        Assert.That(one, Is.EqualTo(2), "feed calls with one waiter");
        Assert.That(twenty, Is.EqualTo(one), "feed calls with twenty waiters");
    }

    [Test]
    public async Task Twenty_concurrent_wait_audio_generations_cost_at_most_1_2_upstream_calls_each()
    {
        await using var gateway = await TaskApiGateway.StartAsync();
        await Eventually.AssertAsync(() => Task.FromResult(gateway.Fake.State.Counters.Get(FakeSunoEndpoints.Billing) >= 1), "credits are read at start");
        var before = gateway.Fake.State.Counters.Snapshot().Values.Sum();

        var answers = await Task.WhenAll(Enumerable.Range(0, 20).Select(i =>
            PostOkAsync(gateway.Client, "/api/generate", new { prompt = $"waiting song {i}", wait_audio = true })));

        var calls = gateway.Fake.State.Counters.Snapshot().Values.Sum() - before;
        var perRequest = calls / 20.0;
        TestContext.Out.WriteLine($"20 concurrent wait_audio generations: {calls} upstream calls, {perRequest:F2} per request ({string.Join(", ", gateway.Fake.State.Counters.Snapshot().Where(p => p.Value > 0).Select(p => $"{p.Key}={p.Value}"))})");
        Assert.That(answers.Select(a => a.GetArrayLength()), Is.All.EqualTo(2));
        Assert.That(perRequest, Is.LessThanOrEqualTo(1.2), "a generate each, one captcha check, a few shared feed calls; no billing read per generation");
    }

    [Test]
    public async Task Wait_audio_gives_up_after_the_wait_limit_with_the_latest_snapshot()
    {
        var clock = new ManualTimeProvider();   // never advanced: the clips stay submitted
        await using var gateway = await TaskApiGateway.StartAsync(
            fakeOptions: FakeOptions(clock),
            settings: new Dictionary<string, string?> { ["Gcui:WaitAudioSeconds"] = "2" });

        var watch = Stopwatch.StartNew();
        var clips = await PostOkAsync(gateway.Client, "/api/generate", new { prompt = "never streams", wait_audio = true });

        Assert.That(watch.Elapsed, Is.GreaterThanOrEqualTo(TimeSpan.FromSeconds(1.9)).And.LessThan(TimeSpan.FromSeconds(15)));
        Assert.That(clips.GetArrayLength(), Is.EqualTo(2));
        Assert.That(clips.EnumerateArray().Select(c => c.GetProperty("status").GetString()), Is.All.EqualTo("submitted"));
    }

    /// <summary>
    /// gcui-art answers a waited generate with its get() output: for a song Suno fails, the waited answer is exactly
    /// what /api/get answers for those ids (error_message, lyrics without blank lines, no negative_tags), on each of
    /// the three generate routes; without wait_audio the generate shape stays.
    /// </summary>
    [Test]
    public async Task A_waited_generate_of_a_failing_song_answers_exactly_what_api_get_answers()
    {
        await using var gateway = await TaskApiGateway.StartAsync();
        var source = await PostOkAsync(gateway.Client, "/api/generate", new { prompt = "a clip to extend", wait_audio = true });
        var sourceId = source[0].GetProperty("id").GetString()!;
        const string Refusal = "Suno could not make this song";
        var lyrics = "[Verse]\n\nNeon lights\n\n[Chorus]\nDrive";
        var routes = new (string Path, object Body)[]
        {
            ("/api/generate", new { prompt = "a song Suno refuses", wait_audio = true }),
            ("/api/custom_generate", new { prompt = lyrics, tags = "synthwave", title = "Refused", negative_tags = "metal", wait_audio = true }),
            ("/api/extend_audio", new { audio_id = sourceId, continue_at = 10, prompt = lyrics, wait_audio = true }),
        };

        foreach (var (path, body) in routes)
        {
            gateway.Fake.State.FailNextGenerations(1, Refusal);
            var waited = await PostOkAsync(gateway.Client, path, body);
            var got = await GetOkAsync(gateway.Client, $"/api/get?ids={string.Join(',', IdsOf(waited))}");

            Assert.That(waited.GetArrayLength(), Is.EqualTo(2), $"{path}: {waited}");
            Assert.That(waited.ToString(), Is.EqualTo(got.ToString()), $"{path}: the waited answer is /api/get's");
            foreach (var clip in waited.EnumerateArray())
            {
                Assert.That(clip.GetProperty("status").GetString(), Is.EqualTo("error"), $"{path}: {clip}");
                Assert.That(clip.GetProperty("error_message").GetString(), Is.EqualTo(Refusal), $"{path}: {clip}");
                Assert.That(clip.TryGetProperty("negative_tags", out _), Is.False, $"{path}: {clip}");
                Assert.That(clip.GetProperty("lyric").GetString(), Does.Not.Contain("\n\n"), $"{path}: {clip}");
            }

            if (path != "/api/generate")
            {
                Assert.That(waited[0].GetProperty("lyric").GetString(), Is.EqualTo("[Verse]\nNeon lights\n[Chorus]\nDrive"), $"{path}: compact lyrics");
            }
        }

        // Not waited: the generate shape (negative_tags, no error_message), as gcui-art's generate() answers.
        gateway.Fake.State.FailNextGenerations(1, Refusal);
        var unwaited = await PostOkAsync(gateway.Client, "/api/custom_generate", new { prompt = lyrics, tags = "synthwave", title = "Refused", negative_tags = "metal", wait_audio = false });
        Assert.That(unwaited[0].GetProperty("negative_tags").GetString(), Is.EqualTo("metal"), unwaited.ToString());
        Assert.That(unwaited[0].TryGetProperty("error_message", out _), Is.False, unwaited.ToString());
        Assert.That(unwaited[0].GetProperty("lyric").GetString(), Is.EqualTo(lyrics), unwaited.ToString());
    }

    /// <summary>
    /// Sends <paramref name="waiters"/> concurrent wait_audio requests for one generation (one Idempotency-Key: a
    /// client retrying, or several clients sharing a job) to a gateway whose poller the test drives (the background
    /// one is parked by a one-hour interval; the fake's clock only moves when told), and counts the feed calls Suno
    /// saw from the moment they wait until they answered.
    /// </summary>
    private static async Task<int> FeedCallsWhileWaitingAsync(int waiters)
    {
        var clock = new ManualTimeProvider();
        await using var gateway = await TaskApiGateway.StartAsync(
            fakeOptions: FakeOptions(clock),
            settings: new Dictionary<string, string?> { ["Tasks:PollIntervalSeconds"] = "3600" });

        var key = Guid.NewGuid().ToString();
        var requests = Enumerable.Range(0, waiters)
            .Select(_ => PostAsync(gateway.Client, "/api/generate", new { prompt = "one song, many waiters", wait_audio = true }, idempotencyKey: key))
            .ToList();
        await Support.Eventually.AssertAsync(
            async () =>
            {
                await using var db = gateway.Gateway.Database.CreateContext();
                return await db.Tasks.CountAsync(t => t.Status == SunoTaskStatus.Submitted) == 1;
            },
            "the task is submitted",
            TimeSpan.FromSeconds(30));
        Assert.That(gateway.Fake.State.Counters.Get(FakeSunoEndpoints.Generate), Is.EqualTo(1), "one generation for all the requests");

        var before = FeedCalls(gateway.Fake);
        await TickAsync(gateway);   // the clips are still submitted: nothing to tell the waiters
        Assert.That(requests.Count(r => r.IsCompleted), Is.Zero, "no waiter answers before its clips stream");

        clock.Advance(TimeSpan.FromSeconds(1));
        await TickAsync(gateway);   // now they stream: the poller publishes and every waiter answers
        var ids = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (response, body) in await Task.WhenAll(requests))
        {
            using (response)
            {
                Assert.That((int)response.StatusCode, Is.EqualTo(200), body.ToString());
                Assert.That(body.EnumerateArray().Select(c => c.GetProperty("status").GetString()), Is.All.AnyOf("streaming", "complete"));
                ids.UnionWith(IdsOf(body));
            }
        }

        Assert.That(ids, Has.Count.EqualTo(2), "every waiter answered the same two clips");
        return FeedCalls(gateway.Fake) - before;
    }

    private static async Task TickAsync(TaskApiGateway gateway)
    {
        await using var scope = gateway.Gateway.Factory.Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<TaskPoller>().PollOnceAsync(CancellationToken.None);
    }

    private static int FeedCalls(FakeSunoServer fake) =>
        fake.State.Counters.Get(FakeSunoEndpoints.FeedV2) + fake.State.Counters.Get(FakeSunoEndpoints.FeedLegacy)
        + fake.State.Counters.Get(FakeSunoEndpoints.FeedV3);

    private static FakeSunoOptions FakeOptions(ManualTimeProvider clock) => new()
    {
        TimeProvider = clock,
        QueuedAfter = TimeSpan.FromMilliseconds(100),
        StreamingAfter = TimeSpan.FromMilliseconds(300),
        CompleteAfter = TimeSpan.FromSeconds(30),
    };
}
