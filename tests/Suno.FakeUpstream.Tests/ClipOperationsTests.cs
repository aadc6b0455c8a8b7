using System.Net;

namespace Suno.FakeUpstream.Tests;

public class ClipOperationsTests : FakeSunoTestBase
{
    [Test]
    public async Task Lyrics_RunsThenCompletesOnTheClock()
    {
        var jwt = State.IssueJwt(State.AddAccount(), TimeSpan.FromHours(1));

        var submitted = await PostOkAsync("/api/generate/lyrics/", jwt, new { prompt = "rainy day in paris" });
        var id = submitted["id"]!.GetValue<string>();
        var running = await GetOkAsync($"/api/generate/lyrics/{id}", jwt);
        Clock.Advance(TimeSpan.FromSeconds(1));
        var complete = await GetOkAsync($"/api/generate/lyrics/{id}", jwt);

        Assert.Multiple(() =>
        {
            Assert.That(Guid.TryParse(id, out _), Is.True);
            Assert.That(running["status"]!.GetValue<string>(), Is.EqualTo("running"));
            Assert.That(running["text"]!.GetValue<string>(), Is.Empty);
            Assert.That(complete["status"]!.GetValue<string>(), Is.EqualTo("complete"));
            Assert.That(complete["text"]!.GetValue<string>(), Does.Contain("[Verse]").And.Contain("rainy day in paris"));
            Assert.That(complete["title"]!.GetValue<string>(), Is.EqualTo("Rainy Day In Paris"));
        });
    }

    [Test]
    public async Task Lyrics_OfAnotherAccountOrUnknown_Returns404()
    {
        var jwt = State.IssueJwt(State.AddAccount());
        var otherJwt = State.IssueJwt(State.AddAccount());
        var id = (await PostOkAsync("/api/generate/lyrics/", jwt, new { prompt = "x" }))["id"]!.GetValue<string>();

        var (other, _) = await SendAsync(HttpMethod.Get, $"/api/generate/lyrics/{id}", otherJwt);
        var (unknown, _) = await SendAsync(HttpMethod.Get, $"/api/generate/lyrics/{Guid.NewGuid()}", jwt);

        Assert.That(other.StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
        Assert.That(unknown.StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
    }

    [Test]
    public async Task Concat_OfExtension_ReturnsOneConcatClipWithHistory()
    {
        var account = State.AddAccount();
        var jwt = State.IssueJwt(account, TimeSpan.FromHours(1));
        var root = State.SeedClip(account, "Root");
        var extendBody = new Dictionary<string, object?>
        {
            ["prompt"] = "[Verse 2]\nMore", ["tags"] = "pop", ["title"] = "Root", ["mv"] = "chirp-v3-5",
            ["task"] = "extend", ["continue_clip_id"] = root.Id, ["continue_at"] = 100.0,
        };
        var extensionId = ClipIds(await PostOkAsync("/api/generate/v2/", jwt, extendBody))[0];
        Clock.Advance(TimeSpan.FromSeconds(5));
        var credits = account.Credits;

        var concat = await PostOkAsync("/api/generate/concat/v2/", jwt, new { clip_id = extensionId });
        var history = concat["metadata"]!["concat_history"]!.AsArray();

        Assert.Multiple(() =>
        {
            Assert.That(concat["id"]!.GetValue<string>(), Is.Not.EqualTo(extensionId));
            Assert.That(concat["metadata"]!["type"]!.GetValue<string>(), Is.EqualTo("concat"));
            Assert.That(history.Select(h => h!["id"]!.GetValue<string>()), Is.EqualTo(new[] { root.Id, extensionId }));
            Assert.That(history[0]!["continue_at"]!.GetValue<double>(), Is.EqualTo(100.0));
            Assert.That(State.GetClip(concat["id"]!.GetValue<string>())!.Duration, Is.GreaterThan(100.0));
            Assert.That(account.Credits, Is.EqualTo(credits), "concat is free");
        });
    }

    [Test]
    public async Task Concat_OfNonGenClip_ReturnsBadHistory()
    {
        var account = State.AddAccount();
        var jwt = State.IssueJwt(account);
        var source = State.SeedClip(account);
        var concatId = (await PostOkAsync("/api/generate/concat/v2/", jwt, new { clip_id = source.Id }))["id"]!.GetValue<string>();

        var (response, json) = await SendAsync(HttpMethod.Post, "/api/generate/concat/v2/", jwt, new { clip_id = concatId });

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
        Assert.That(json!.ToJsonString(), Is.EqualTo("""{"detail":"Bad history."}"""));
    }

    [Test]
    public async Task Stems_ReturnsTwoClipsWithStemFromId()
    {
        var account = State.AddAccount();
        var jwt = State.IssueJwt(account);
        var source = State.SeedClip(account, "Source");

        var json = await PostOkAsync($"/api/edit/stems/{source.Id}", jwt, new { });
        var clips = json["clips"]!.AsArray();

        Assert.That(clips, Has.Count.EqualTo(2));
        Assert.That(clips.Select(c => c!["metadata"]!["stem_from_id"]!.GetValue<string>()), Is.All.EqualTo(source.Id));
        Assert.That(clips.Select(c => c!["title"]!.GetValue<string>()), Is.EqualTo(new[] { "Source (Vocals)", "Source (Instrumental)" }));
    }

    [Test]
    public async Task Stems_UnknownClip_Returns404()
    {
        var jwt = State.IssueJwt(State.AddAccount());

        var (response, _) = await SendAsync(HttpMethod.Post, $"/api/edit/stems/{Guid.NewGuid()}", jwt, new { });

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
    }

    [Test]
    public async Task AlignedLyrics_ReturnsTimedWordsWithinTheSong()
    {
        var account = State.AddAccount();
        var jwt = State.IssueJwt(account);
        var clip = State.SeedClip(account, lyrics: "[Verse]\nhello bright world\n[Chorus]\nsing along");

        var json = await GetOkAsync($"/api/gen/{clip.Id}/aligned_lyrics/v2/", jwt);
        var words = json["aligned_words"]!.AsArray();

        Assert.That(words.Select(w => w!["word"]!.GetValue<string>()), Is.EqualTo(new[] { "hello", "bright", "world", "sing", "along" }));
        Assert.Multiple(() =>
        {
            foreach (var word in words)
            {
                Assert.That(word!["start_s"]!.GetValue<double>(), Is.LessThan(word["end_s"]!.GetValue<double>()));
                Assert.That(word["end_s"]!.GetValue<double>(), Is.LessThanOrEqualTo(clip.Duration));
                Assert.That(word["success"]!.GetValue<bool>(), Is.True);
                Assert.That(word["p_align"]!.GetValue<double>(), Is.InRange(0.0, 1.0));
            }
        });
    }

    [Test]
    public async Task AlignedLyrics_UnknownClip_Returns404()
    {
        var jwt = State.IssueJwt(State.AddAccount());

        var (response, _) = await SendAsync(HttpMethod.Get, $"/api/gen/{Guid.NewGuid()}/aligned_lyrics/v2/", jwt);

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
    }
}
