using System.Diagnostics;
using System.Text.Json;
using Suno.FakeUpstream;
using Suno.WebApi.FunctionalTests.Support;

namespace Suno.WebApi.FunctionalTests.Tasks;

/// <summary>
/// POST /suno/submit/lyrics blocks until Suno wrote the lyrics (seed 003: "up to 2 minutes"), so the first fetch
/// right after the answer shows them.
/// </summary>
[TestFixture]
public sealed class SubmitLyricsWaitTests
{
    [Test]
    public async Task The_answer_comes_once_the_lyrics_exist_and_the_first_fetch_shows_them()
    {
        var fake = TaskApiGateway.FastClips();
        fake.LyricsCompleteAfter = TimeSpan.FromSeconds(1.5);
        await using var gateway = await TaskApiGateway.StartAsync(fakeOptions: fake);

        var watch = Stopwatch.StartNew();
        var id = await gateway.SubmitOkAsync("lyrics", new { prompt = "a melancholic song about distance" });
        Assert.That(watch.Elapsed, Is.GreaterThanOrEqualTo(TimeSpan.FromSeconds(1.4)), "the answer waited for Suno's lyrics");

        using var response = await gateway.Client.GetAsync($"/suno/fetch/{id}");
        var body = await response.ReadJsonAsync();
        var data = body.GetProperty("data");
        Assert.That(data.ValueKind, Is.EqualTo(JsonValueKind.Object), body.ToString());
        Assert.That(data.GetProperty("status").GetString(), Is.EqualTo("complete"), body.ToString());
        Assert.That(data.GetProperty("text").GetString(), Is.Not.Empty, body.ToString());
        Assert.That(gateway.Fake.State.Counters.Get(FakeSunoEndpoints.LyricsSubmit), Is.EqualTo(1));
    }

    [Test]
    public async Task When_the_wait_runs_out_the_task_id_is_answered_and_the_task_goes_on()
    {
        var clock = new ManualTimeProvider();   // never advanced: the lyrics stay running
        var fake = TaskApiGateway.FastClips();
        fake.TimeProvider = clock;
        await using var gateway = await TaskApiGateway.StartAsync(
            fakeOptions: fake, settings: new Dictionary<string, string?> { ["Tasks:LyricsWaitSeconds"] = "2" });

        var watch = Stopwatch.StartNew();
        var id = await gateway.SubmitOkAsync("lyrics", new { prompt = "never written" });
        Assert.That(watch.Elapsed, Is.GreaterThanOrEqualTo(TimeSpan.FromSeconds(1.9)).And.LessThan(TimeSpan.FromSeconds(15)));

        using var response = await gateway.Client.GetAsync($"/suno/fetch/{id}");
        var body = await response.ReadJsonAsync();
        Assert.That(body.GetProperty("code").GetString(), Is.EqualTo("success"), body.ToString());
        var data = body.GetProperty("data");
        Assert.That(data.ValueKind is JsonValueKind.Null || data.GetProperty("status").GetString() == "running", Is.True, body.ToString());

        clock.Advance(TimeSpan.FromSeconds(5));
        await Eventually.AssertAsync(
            async () =>
            {
                using var again = await gateway.Client.GetAsync($"/suno/fetch/{id}");
                var later = (await again.ReadJsonAsync()).GetProperty("data");
                return later.ValueKind == JsonValueKind.Object && later.GetProperty("status").GetString() == "complete";
            },
            "the lyrics arrive later",
            TimeSpan.FromSeconds(20));
    }
}
