using System.Net;
using System.Text;
using System.Text.Json.Nodes;

namespace Suno.FakeUpstream.Tests;

public class GenerateTests : FakeSunoTestBase
{
    [TestCase("/api/generate/v2/")]
    [TestCase("/api/generate/v2-web/")]
    public async Task Generate_ReturnsEnvelopeWithTwoSubmittedClips(string path)
    {
        var account = State.AddAccount();
        var jwt = await LoginAsync(account);

        var json = await PostOkAsync(path, jwt, CustomSong("Sea Song"));

        var clips = json["clips"]!.AsArray();
        Assert.Multiple(() =>
        {
            Assert.That(Guid.TryParse(json["id"]!.GetValue<string>(), out _), Is.True);
            Assert.That(json["status"]!.GetValue<string>(), Is.EqualTo("complete"));
            Assert.That(json["batch_size"]!.GetValue<int>(), Is.EqualTo(1));
            Assert.That(json["major_model_version"]!.GetValue<string>(), Is.EqualTo("v3.5"));
            Assert.That(json["created_at"]!.GetValue<string>(), Does.Match(@"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$"));
            Assert.That(json["metadata"]!["type"]!.GetValue<string>(), Is.EqualTo("gen"));
            Assert.That(json["metadata"]!["tags"]!.GetValue<string>(), Is.EqualTo("pop, upbeat"));
            Assert.That(json["metadata"]!["negative_tags"]!.GetValue<string>(), Is.EqualTo("metal"));
            Assert.That(json["metadata"]!["make_instrumental"]!.GetValue<bool>(), Is.False);
            Assert.That(clips, Has.Count.EqualTo(2));
        });
        foreach (var clip in clips)
        {
            Assert.Multiple(() =>
            {
                Assert.That(clip!["status"]!.GetValue<string>(), Is.EqualTo("submitted"));
                Assert.That(clip["title"]!.GetValue<string>(), Is.EqualTo("Sea Song"));
                Assert.That(clip["audio_url"]!.GetValue<string>(), Is.Empty);
                Assert.That(clip["video_url"]!.GetValue<string>(), Is.Empty);
                Assert.That(clip["image_url"], Is.Null);
                Assert.That(clip["image_large_url"], Is.Null);
                Assert.That(clip["metadata"]!["duration"], Is.Null);
                Assert.That(clip["metadata"]!["prompt"]!.GetValue<string>(), Is.EqualTo("[Verse]\nHello world"));
                Assert.That(clip["metadata"]!["type"]!.GetValue<string>(), Is.EqualTo("gen"));
                Assert.That(clip["model_name"]!.GetValue<string>(), Is.EqualTo("chirp-v3"));
                Assert.That(clip["major_model_version"]!.GetValue<string>(), Is.EqualTo("v3.5"));
                Assert.That(clip["user_id"]!.GetValue<string>(), Is.EqualTo(account.UserId));
                Assert.That(clip["handle"]!.GetValue<string>(), Is.EqualTo(account.Handle));
                Assert.That(clip["display_name"]!.GetValue<string>(), Is.EqualTo(account.DisplayName));
                Assert.That(clip["is_liked"]!.GetValue<bool>(), Is.False);
                Assert.That(clip["is_public"]!.GetValue<bool>(), Is.False);
                Assert.That(clip["play_count"]!.GetValue<int>(), Is.Zero);
                Assert.That(clip["upvote_count"]!.GetValue<int>(), Is.Zero);
                Assert.That(clip.AsObject().ContainsKey("reaction"), Is.True);
            });
        }
    }

    [TestCase("chirp-v3-0", "chirp-v3", "v3")]
    [TestCase("chirp-v4", "chirp-v4", "v4")]
    [TestCase("chirp-auk", "chirp-auk", "v4.5")]
    [TestCase("chirp-crow", "chirp-crow", "v5")]
    [TestCase("chirp-fenix", "chirp-fenix", "v5.5")]
    public async Task Generate_ModelNamePerMv(string mv, string modelName, string major)
    {
        var jwt = State.IssueJwt(State.AddAccount());

        var json = await PostOkAsync("/api/generate/v2/", jwt, CustomSong(mv: mv));

        Assert.That(json["clips"]![0]!["model_name"]!.GetValue<string>(), Is.EqualTo(modelName));
        Assert.That(json["clips"]![0]!["major_model_version"]!.GetValue<string>(), Is.EqualTo(major));
    }

    [Test]
    public async Task Generate_UnknownModel_Returns422List()
    {
        var jwt = State.IssueJwt(State.AddAccount());

        var (response, json) = await SendAsync(HttpMethod.Post, "/api/generate/v2/", jwt, CustomSong(mv: "gpt-4"));

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.UnprocessableEntity));
        Assert.That(json!["detail"]!.AsArray()[0]!["loc"]!.AsArray().Select(n => n!.ToString()), Is.EqualTo(new[] { "body", "mv" }));
    }

    [Test]
    public async Task Generate_ParsesJsonSentAsTextPlain()
    {
        var jwt = State.IssueJwt(State.AddAccount());
        using var request = Studio(HttpMethod.Post, "/api/generate/v2/", jwt);
        request.Content = new StringContent("""{"prompt":"la la","tags":"rock","title":"Plain","mv":"chirp-v3-0"}""", Encoding.UTF8, "text/plain");

        using var response = await Http.SendAsync(request);
        var json = await ReadJsonAsync(response);

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(json["clips"]![0]!["title"]!.GetValue<string>(), Is.EqualTo("Plain"));
    }

    [Test]
    public async Task Generate_InvalidJson_Returns422List()
    {
        var jwt = State.IssueJwt(State.AddAccount());

        var (response, json) = await SendAsync(HttpMethod.Post, "/api/generate/v2/", jwt, "{not json");

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.UnprocessableEntity));
        Assert.That(json!["detail"]!.AsArray()[0]!["type"]!.GetValue<string>(), Is.EqualTo("json_invalid"));
    }

    [Test]
    public async Task Generate_PromptOverModelLimit_Returns422()
    {
        var jwt = State.IssueJwt(State.AddAccount());
        var body = new Dictionary<string, object?> { ["prompt"] = new string('a', 3001), ["tags"] = "pop", ["title"] = "t", ["mv"] = "chirp-v4" };
        var longerOk = new Dictionary<string, object?> { ["prompt"] = new string('a', 4000), ["tags"] = "pop", ["title"] = "t", ["mv"] = "chirp-crow" };

        var (tooLong, json) = await SendAsync(HttpMethod.Post, "/api/generate/v2/", jwt, body);
        var (fine, _) = await SendAsync(HttpMethod.Post, "/api/generate/v2/", jwt, longerOk);

        Assert.That(tooLong.StatusCode, Is.EqualTo(HttpStatusCode.UnprocessableEntity));
        Assert.That(json!["detail"]![0]!["type"]!.GetValue<string>(), Is.EqualTo("string_too_long"));
        Assert.That(fine.StatusCode, Is.EqualTo(HttpStatusCode.OK));
    }

    [Test]
    public async Task Lifecycle_FollowsTheClock()
    {
        var jwt = State.IssueJwt(State.AddAccount(), TimeSpan.FromHours(1));
        var id = ClipIds(await PostOkAsync("/api/generate/v2/", jwt, CustomSong()))[0];

        var submitted = await ClipAsync(id, jwt);
        Clock.Advance(TimeSpan.FromSeconds(1));
        var queued = await ClipAsync(id, jwt);
        Clock.Advance(TimeSpan.FromSeconds(1));
        var streaming = await ClipAsync(id, jwt);
        Clock.Advance(TimeSpan.FromSeconds(2));
        var complete = await ClipAsync(id, jwt);

        Assert.Multiple(() =>
        {
            Assert.That(submitted["status"]!.GetValue<string>(), Is.EqualTo("submitted"));
            Assert.That(queued["status"]!.GetValue<string>(), Is.EqualTo("queued"));
            Assert.That(queued["audio_url"]!.GetValue<string>(), Is.Empty);
            Assert.That(streaming["status"]!.GetValue<string>(), Is.EqualTo("streaming"));
            Assert.That(streaming["audio_url"]!.GetValue<string>(), Is.EqualTo($"https://audiopipe.suno.ai/?item_id={id}"));
            Assert.That(streaming["image_url"]!.GetValue<string>(), Is.EqualTo($"https://cdn2.suno.ai/image_{id}.jpeg"));
            Assert.That(streaming["image_large_url"]!.GetValue<string>(), Is.EqualTo($"https://cdn2.suno.ai/image_large_{id}.jpeg"));
            Assert.That(streaming["metadata"]!["duration"], Is.Null);
            Assert.That(complete["status"]!.GetValue<string>(), Is.EqualTo("complete"));
            Assert.That(complete["audio_url"]!.GetValue<string>(), Is.EqualTo($"https://cdn1.suno.ai/{id}.mp3"));
            Assert.That(complete["video_url"]!.GetValue<string>(), Is.EqualTo($"https://cdn1.suno.ai/{id}.mp4"));
            Assert.That(complete["metadata"]!["duration"]!.GetValue<double>(), Is.InRange(120.0, 240.0));
        });
    }

    [Test]
    public async Task Lifecycle_PhaseDurationsAreConfigurable()
    {
        await RestartAsync(o =>
        {
            o.QueuedAfter = TimeSpan.FromSeconds(10);
            o.StreamingAfter = TimeSpan.FromSeconds(30);
            o.CompleteAfter = TimeSpan.FromSeconds(150);
        });
        var jwt = State.IssueJwt(State.AddAccount(), TimeSpan.FromHours(1));
        var id = ClipIds(await PostOkAsync("/api/generate/v2/", jwt, CustomSong()))[0];

        Clock.Advance(TimeSpan.FromSeconds(29));
        var beforeStream = (await ClipAsync(id, jwt))["status"]!.GetValue<string>();
        Clock.Advance(TimeSpan.FromSeconds(1));
        var streaming = (await ClipAsync(id, jwt))["status"]!.GetValue<string>();
        Clock.Advance(TimeSpan.FromSeconds(120));
        var complete = (await ClipAsync(id, jwt))["status"]!.GetValue<string>();

        Assert.That(new[] { beforeStream, streaming, complete }, Is.EqualTo(new[] { "queued", "streaming", "complete" }));
    }

    [Test]
    public async Task Lifecycle_AllZero_CompletesImmediately()
    {
        await RestartAsync(o => o.QueuedAfter = o.StreamingAfter = o.CompleteAfter = TimeSpan.Zero);
        var jwt = State.IssueJwt(State.AddAccount());

        var ids = ClipIds(await PostOkAsync("/api/generate/v2/", jwt, CustomSong()));
        var feed = await GetOkAsync($"/api/feed/v2?ids={string.Join(',', ids)}", jwt);

        Assert.That(feed["clips"]!.AsArray().Select(c => c!["status"]!.GetValue<string>()), Is.All.EqualTo("complete"));
    }

    [Test]
    public async Task DescriptionMode_LyricsAndTitleAppearOnceStreaming()
    {
        var jwt = State.IssueJwt(State.AddAccount(), TimeSpan.FromHours(1));
        var json = await PostOkAsync("/api/generate/v2/", jwt, DescriptionSong("a happy song about the sea"));
        var id = ClipIds(json)[0];

        var first = json["clips"]![0]!;
        Clock.Advance(TimeSpan.FromSeconds(4));
        var complete = await ClipAsync(id, jwt);

        Assert.Multiple(() =>
        {
            Assert.That(first["metadata"]!["prompt"]!.GetValue<string>(), Is.Empty);
            Assert.That(first["metadata"]!["gpt_description_prompt"]!.GetValue<string>(), Is.EqualTo("a happy song about the sea"));
            Assert.That(json["metadata"]!["gpt_description_prompt"]!.GetValue<string>(), Is.EqualTo("a happy song about the sea"));
            Assert.That(complete["metadata"]!["prompt"]!.GetValue<string>(), Does.Contain("[Verse]"));
            Assert.That(complete["title"]!.GetValue<string>(), Is.EqualTo("A Happy Song About"));
        });
    }

    [Test]
    public async Task Credits_TenPerGeneration_Then402()
    {
        var account = State.AddAccount(new FakeAccountSpec { Credits = 25 });
        var jwt = State.IssueJwt(account);

        var (first, _) = await SendAsync(HttpMethod.Post, "/api/generate/v2/", jwt, CustomSong());
        var (second, _) = await SendAsync(HttpMethod.Post, "/api/generate/v2/", jwt, CustomSong());
        var (third, json) = await SendAsync(HttpMethod.Post, "/api/generate/v2/", jwt, CustomSong());

        Assert.Multiple(() =>
        {
            Assert.That(first.StatusCode, Is.EqualTo(HttpStatusCode.OK));
            Assert.That(second.StatusCode, Is.EqualTo(HttpStatusCode.OK));
            Assert.That(third.StatusCode, Is.EqualTo(HttpStatusCode.PaymentRequired));
            Assert.That(json!["detail"]!.GetValue<string>(), Is.Not.Empty);
            Assert.That(account.Credits, Is.EqualTo(5));
            Assert.That(State.ClipIdsOf(account), Has.Count.EqualTo(4));
        });
    }

    [Test]
    public async Task Credits_ConcurrentGenerations_NeverOverspend()
    {
        var account = State.AddAccount(new FakeAccountSpec { Credits = 50 });
        var jwt = State.IssueJwt(account);

        var responses = await Task.WhenAll(Enumerable.Range(0, 12).Select(_ => SendAsync(HttpMethod.Post, "/api/generate/v2/", jwt, CustomSong())));

        Assert.That(responses.Count(r => r.Response.StatusCode == HttpStatusCode.OK), Is.EqualTo(5));
        Assert.That(responses.Count(r => r.Response.StatusCode == HttpStatusCode.PaymentRequired), Is.EqualTo(7));
        Assert.That(account.Credits, Is.Zero);
        Assert.That(State.ClipIdsOf(account), Has.Count.EqualTo(10));
    }

    [Test]
    public async Task Captcha_Required_NullTokenGets422_AcceptedTokenPasses()
    {
        var account = State.AddAccount();
        var jwt = State.IssueJwt(account);
        State.CaptchaRequired = true;
        State.AcceptCaptchaToken("P1_good");
        var withToken = (Dictionary<string, object?>)CustomSong();
        withToken["token"] = "P1_good";
        var withBadToken = (Dictionary<string, object?>)CustomSong();
        withBadToken["token"] = "P1_bad";

        var (rejected, json) = await SendAsync(HttpMethod.Post, "/api/generate/v2-web/", jwt, CustomSong());
        var (rejectedBad, _) = await SendAsync(HttpMethod.Post, "/api/generate/v2-web/", jwt, withBadToken);
        var (accepted, _) = await SendAsync(HttpMethod.Post, "/api/generate/v2-web/", jwt, withToken);

        Assert.Multiple(() =>
        {
            Assert.That(rejected.StatusCode, Is.EqualTo(HttpStatusCode.UnprocessableEntity));
            Assert.That(json!.ToJsonString(), Is.EqualTo("""{"detail":"Token validation failed."}"""));
            Assert.That(rejectedBad.StatusCode, Is.EqualTo(HttpStatusCode.UnprocessableEntity));
            Assert.That(accepted.StatusCode, Is.EqualTo(HttpStatusCode.OK));
            Assert.That(account.Credits, Is.EqualTo(40), "rejected calls cost nothing");
        });
    }

    [Test]
    public async Task Extend_CreatesTwoClipsWithHistory()
    {
        var jwt = State.IssueJwt(State.AddAccount(), TimeSpan.FromHours(1));
        var sourceId = ClipIds(await PostOkAsync("/api/generate/v2/", jwt, CustomSong()))[0];
        Clock.Advance(TimeSpan.FromSeconds(5));
        var body = new Dictionary<string, object?>
        {
            ["prompt"] = "[Verse 2]\nMore", ["tags"] = "pop", ["title"] = "Extended", ["mv"] = "chirp-v3-5",
            ["task"] = "extend", ["continue_clip_id"] = sourceId, ["continue_at"] = 60.5, ["generation_type"] = "TEXT",
        };

        var json = await PostOkAsync("/api/generate/v2/", jwt, body);

        var clip = json["clips"]![0]!;
        Assert.Multiple(() =>
        {
            Assert.That(json["clips"]!.AsArray(), Has.Count.EqualTo(2));
            Assert.That(clip["metadata"]!["task"]!.GetValue<string>(), Is.EqualTo("extend"));
            Assert.That(clip["metadata"]!["history"]![0]!["id"]!.GetValue<string>(), Is.EqualTo(sourceId));
            Assert.That(clip["metadata"]!["history"]![0]!["continue_at"]!.GetValue<double>(), Is.EqualTo(60.5));
        });
    }

    [Test]
    public async Task Extend_UnknownClip_Returns422Detail()
    {
        var jwt = State.IssueJwt(State.AddAccount());
        var body = new Dictionary<string, object?>
        {
            ["prompt"] = "", ["tags"] = "", ["title"] = "x", ["mv"] = "chirp-v3-5", ["task"] = "extend",
            ["continue_clip_id"] = Guid.NewGuid().ToString(), ["continue_at"] = 10,
        };

        var (response, json) = await SendAsync(HttpMethod.Post, "/api/generate/v2/", jwt, body);

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.UnprocessableEntity));
        Assert.That(json!["detail"]!.GetValueKind(), Is.EqualTo(System.Text.Json.JsonValueKind.String));
    }

    [Test]
    public async Task Extend_NullTitle_Returns422PydanticList()
    {
        var account = State.AddAccount();
        var jwt = State.IssueJwt(account);
        var source = State.SeedClip(account);
        var body = new Dictionary<string, object?>
        {
            ["prompt"] = "", ["tags"] = "", ["title"] = null, ["mv"] = "chirp-v3-5", ["task"] = "extend",
            ["continue_clip_id"] = source.Id, ["continue_at"] = 10,
        };

        var (response, json) = await SendAsync(HttpMethod.Post, "/api/generate/v2/", jwt, body);

        var item = json!["detail"]![0]!;
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.UnprocessableEntity));
        Assert.That(item["loc"]!.AsArray().Select(n => n!.ToString()), Is.EqualTo(new[] { "body", "title" }));
        Assert.That(item["msg"]!.GetValue<string>(), Does.Contain("valid string"));
    }

    [Test]
    public async Task FailNextGenerations_ClipsEndInErrorWithMessage()
    {
        var jwt = State.IssueJwt(State.AddAccount(), TimeSpan.FromHours(1));
        State.FailNextGenerations(1, "Moderation failed.");

        var failed = ClipIds(await PostOkAsync("/api/generate/v2/", jwt, CustomSong()));
        var fine = ClipIds(await PostOkAsync("/api/generate/v2/", jwt, CustomSong()));
        Clock.Advance(TimeSpan.FromSeconds(10));
        var feed = await GetOkAsync($"/api/feed/v2?ids={string.Join(',', failed.Concat(fine))}", jwt);

        var byId = feed["clips"]!.AsArray().ToDictionary(c => c!["id"]!.GetValue<string>(), c => c!);
        Assert.Multiple(() =>
        {
            foreach (var id in failed)
            {
                Assert.That(byId[id]["status"]!.GetValue<string>(), Is.EqualTo("error"));
                Assert.That(byId[id]["metadata"]!["error_message"]!.GetValue<string>(), Is.EqualTo("Moderation failed."));
                Assert.That(byId[id]["audio_url"]!.GetValue<string>(), Is.Empty);
            }

            foreach (var id in fine)
            {
                Assert.That(byId[id]["status"]!.GetValue<string>(), Is.EqualTo("complete"));
            }
        });
    }

    [Test]
    public async Task SandboxMarking_PrefixesTitlesAndUsesFakeCdn()
    {
        await RestartAsync(o =>
        {
            o.SandboxMarking = true;
            o.QueuedAfter = o.StreamingAfter = o.CompleteAfter = TimeSpan.Zero;
        });
        var jwt = State.IssueJwt(State.AddAccount());

        var id = ClipIds(await PostOkAsync("/api/generate/v2/", jwt, CustomSong("Real Title")))[0];
        var clip = await ClipAsync(id, jwt);

        Assert.That(clip["title"]!.GetValue<string>(), Is.EqualTo("[sandbox] Real Title"));
        Assert.That(new Uri(clip["audio_url"]!.GetValue<string>()).Host, Does.EndWith(".invalid"));
        Assert.That(new Uri(clip["image_url"]!.GetValue<string>()).Host, Does.EndWith(".invalid"));
    }

    private async Task<JsonNode> ClipAsync(string id, string jwt) => await GetOkAsync($"/api/clip/{id}", jwt);
}
