using System.Net;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Suno.WebApi.FunctionalTests.Support;
using Suno.WebApi.FunctionalTests.Tasks;
using static Suno.WebApi.FunctionalTests.Gcui.GcuiApi;

namespace Suno.WebApi.FunctionalTests.Gcui;

/// <summary>Every gcui-art route end to end against the fake Suno, over real HTTP.</summary>
[TestFixture]
public sealed class GcuiRoutesTests
{
    private static readonly string[] AudioInfoFields =
    [
        "id", "title", "image_url", "lyric", "audio_url", "video_url", "created_at", "model_name", "status",
        "gpt_description_prompt", "prompt", "type", "tags", "duration",
    ];

    private TaskApiGateway _gateway = null!;

    private HttpClient Client => _gateway.Client;

    [OneTimeSetUp]
    public async Task StartAsync() => _gateway = await TaskApiGateway.StartAsync();

    [OneTimeTearDown]
    public async Task StopAsync() => await _gateway.DisposeAsync();

    [Test]
    public async Task Generate_answers_two_submitted_clips_at_once_and_the_task_is_visible_through_suno_fetch()
    {
        var clips = await PostOkAsync(Client, "/api/generate", new { prompt = "a calm lo-fi track with rain", make_instrumental = false, wait_audio = false });

        Assert.That(clips.GetArrayLength(), Is.EqualTo(2), clips.ToString());
        foreach (var clip in clips.EnumerateArray())
        {
            Assert.That(clip.EnumerateObject().Select(p => p.Name), Is.SupersetOf(AudioInfoFields.Append("negative_tags")));
            Assert.That(clip.TryGetProperty("error_message", out _), Is.False, "the generate path has no error_message");
            Assert.That(clip.GetProperty("status").GetString(), Is.EqualTo("submitted"));
            Assert.That(clip.GetProperty("gpt_description_prompt").GetString(), Is.EqualTo("a calm lo-fi track with rain"));
            Assert.That(clip.GetProperty("negative_tags").GetString(), Is.Empty);
        }

        // gcui-art's default model: the fake renders chirp-v3-5 as major version v3.5.
        Assert.That(await MajorVersionAsync(IdsOf(clips)[0]), Is.EqualTo("v3.5"));

        // One engine, several faces: the generation is a task of /suno/*.
        var ids = IdsOf(clips);
        var task = await FindTaskOfClipAsync(ids[0]);
        Assert.That(task.GetProperty("action").GetString(), Is.EqualTo("MUSIC"));
        Assert.That(task.GetProperty("data").EnumerateArray().Select(c => c.GetProperty("id").GetString()), Is.EquivalentTo(ids));

        var streaming = await WaitUntilStreamingAsync(Client, ids);
        Assert.That(IdsOf(streaming), Is.EqualTo(ids), "/api/get answers in the order asked");
        Assert.That(streaming[0].GetProperty("audio_url").GetString(), Is.Not.Empty);
        Assert.That(streaming[0].TryGetProperty("negative_tags", out _), Is.False, "the get path has no negative_tags");
    }

    [Test]
    public async Task Custom_generate_sends_lyrics_tags_title_and_get_compacts_the_lyrics()
    {
        const string Lyrics = "[Verse]\nline one\n\nline two\n";
        var clips = await PostOkAsync(Client, "/api/custom_generate", new
        {
            prompt = Lyrics,
            tags = "synthwave",
            negative_tags = "metal",
            title = "Night Drive",
            make_instrumental = false,
            model = "chirp-v4",
            wait_audio = false,
        });

        Assert.That(clips.GetArrayLength(), Is.EqualTo(2));
        Assert.That(clips[0].GetProperty("title").GetString(), Is.EqualTo("Night Drive"));
        Assert.That(clips[0].GetProperty("tags").GetString(), Is.EqualTo("synthwave"));
        Assert.That(clips[0].GetProperty("negative_tags").GetString(), Is.EqualTo("metal"));
        Assert.That(clips[0].GetProperty("lyric").GetString(), Is.EqualTo(Lyrics), "generate keeps metadata.prompt as is");
        Assert.That(await MajorVersionAsync(IdsOf(clips)[0]), Is.EqualTo("v4"));

        var got = await GetOkAsync(Client, "/api/get?ids=" + IdsOf(clips)[0]);
        Assert.That(got[0].GetProperty("lyric").GetString(), Is.EqualTo("[Verse]\nline one\nline two"), "get drops blank lines");
        Assert.That(got[0].GetProperty("prompt").GetString(), Is.EqualTo(Lyrics));
    }

    [Test]
    public async Task Extend_audio_continues_a_clip_of_ours_and_a_clip_made_elsewhere()
    {
        var source = await PostOkAsync(Client, "/api/custom_generate", new { prompt = "[Verse]\nto extend", tags = "rock", title = "Source" });
        var sourceId = IdsOf(source)[0];
        await WaitUntilStreamingAsync(Client, [sourceId]);

        var extended = await PostOkAsync(Client, "/api/extend_audio", new { audio_id = sourceId, continue_at = 10.5, prompt = "[Verse]\nmore" });
        Assert.That(extended.GetArrayLength(), Is.EqualTo(2), extended.ToString());
        var task = await FindTaskOfClipAsync(IdsOf(extended)[0]);
        Assert.That(task.GetProperty("status").GetString(), Is.Not.EqualTo("FAILURE"), task.ToString());

        var elsewhere = _gateway.Fake.State.SeedClip(_gateway.Account, "Made on suno.com");
        var fromElsewhere = await PostOkAsync(Client, "/api/extend_audio", new { audio_id = elsewhere.Id, continue_at = 5 });
        Assert.That(fromElsewhere.GetArrayLength(), Is.EqualTo(2), fromElsewhere.ToString());
    }

    [Test]
    public async Task Extend_audio_without_audio_id_is_400_audio_id_is_required()
    {
        var (response, body) = await PostAsync(Client, "/api/extend_audio", new { prompt = "x" });
        using (response)
        {
            AssertError(response, body, 400, "Audio ID is required");
        }
    }

    [Test]
    public async Task Generate_lyrics_answers_the_written_lyrics()
    {
        var lyrics = await PostOkAsync(Client, "/api/generate_lyrics", new { prompt = "a song about the sea" });

        Assert.That(lyrics.GetProperty("status").GetString(), Is.EqualTo("complete"), lyrics.ToString());
        Assert.That(lyrics.GetProperty("text").GetString(), Is.Not.Empty);
        Assert.That(lyrics.GetProperty("title").GetString(), Is.Not.Null);
    }

    [Test]
    public async Task Get_without_ids_answers_the_accounts_recent_feed()
    {
        var seeded = _gateway.Fake.State.SeedClip(_gateway.Account, "Recent song");
        var page = await GetOkAsync(Client, "/api/get");
        Assert.That(IdsOf(page), Does.Contain(seeded.Id));

        var later = await GetOkAsync(Client, "/api/get?page=50");
        Assert.That(later.GetArrayLength(), Is.Zero);
    }

    [Test]
    public async Task Get_of_a_clip_made_elsewhere_reads_suno()
    {
        var seeded = _gateway.Fake.State.SeedClip(_gateway.Account, "Elsewhere", lyrics: "[Verse]\na\n\nb");
        var got = await GetOkAsync(Client, $"/api/get?ids={seeded.Id}");
        Assert.That(got.GetArrayLength(), Is.EqualTo(1));
        Assert.That(got[0].GetProperty("status").GetString(), Is.EqualTo("complete"));
        Assert.That(got[0].GetProperty("lyric").GetString(), Is.EqualTo("[Verse]\na\nb"));
        Assert.That(got[0].GetProperty("duration").GetDouble(), Is.GreaterThan(0));
    }

    [Test]
    public async Task Get_limit_answers_the_accounts_credits()
    {
        var limit = await GetOkAsync(Client, "/api/get_limit");
        Assert.That(limit.EnumerateObject().Select(p => p.Name), Is.EquivalentTo(new[] { "credits_left", "period", "monthly_limit", "monthly_usage" }));
        Assert.That(limit.GetProperty("credits_left").GetInt32(), Is.EqualTo(_gateway.Account.Credits));
    }

    [Test]
    public async Task Clip_answers_sunos_clip_object()
    {
        var seeded = _gateway.Fake.State.SeedClip(_gateway.Account, "Raw clip");
        var clip = await GetOkAsync(Client, $"/api/clip?id={seeded.Id}");
        Assert.That(clip.GetProperty("id").GetString(), Is.EqualTo(seeded.Id));
        Assert.That(clip.GetProperty("metadata").GetProperty("tags").GetString(), Is.EqualTo("pop"));
        Assert.That(clip.TryGetProperty("play_count", out _), Is.True, "every upstream field is passed through");
    }

    [Test]
    public async Task Aligned_lyrics_answers_the_words_with_times()
    {
        var seeded = _gateway.Fake.State.SeedClip(_gateway.Account, "Aligned", lyrics: "[Verse]\nhello brave world");
        var words = await GetOkAsync(Client, $"/api/get_aligned_lyrics?song_id={seeded.Id}");
        Assert.That(words.ValueKind, Is.EqualTo(JsonValueKind.Array), words.ToString());
        Assert.That(words.GetArrayLength(), Is.GreaterThan(0));
        Assert.That(words[0].EnumerateObject().Select(p => p.Name), Is.SupersetOf(new[] { "word", "start_s", "end_s", "success", "p_align" }));
    }

    [Test]
    public async Task Persona_answers_sunos_persona_page()
    {
        var persona = _gateway.Fake.State.AddPersona(_gateway.Account, "Test Persona");
        var page = await GetOkAsync(Client, $"/api/persona?id={persona.Id}&page=1");
        Assert.That(page.GetProperty("persona").GetProperty("id").GetString(), Is.EqualTo(persona.Id));
    }

    [Test]
    public async Task Concat_joins_an_extension_into_a_full_song()
    {
        var source = _gateway.Fake.State.SeedClip(_gateway.Account, "To join");
        var extended = await PostOkAsync(Client, "/api/extend_audio", new { audio_id = source.Id, continue_at = 8 });
        var extensionId = IdsOf(extended)[0];
        await Eventually.AssertAsync(
            async () => (await GetOkAsync(Client, $"/api/get?ids={extensionId}"))[0].GetProperty("status").GetString() == "complete",
            "the extension is complete",
            TimeSpan.FromSeconds(30));

        var full = await PostOkAsync(Client, "/api/concat", new { clip_id = extensionId });
        Assert.That(full.GetProperty("id").GetString(), Is.Not.EqualTo(extensionId));
        Assert.That(full.GetProperty("metadata").GetProperty("type").GetString(), Is.EqualTo("concat"), full.ToString());
    }

    [Test]
    public async Task Generate_stems_lists_the_stems_of_a_clip()
    {
        var source = _gateway.Fake.State.SeedClip(_gateway.Account, "Stem source");
        var stems = await PostOkAsync(Client, "/api/generate_stems", new { audio_id = source.Id });
        Assert.That(stems.GetArrayLength(), Is.EqualTo(2), stems.ToString());
        foreach (var stem in stems.EnumerateArray())
        {
            Assert.That(stem.EnumerateObject().Select(p => p.Name), Is.EquivalentTo(new[] { "id", "status", "created_at", "title", "stem_from_id", "duration" }));
            Assert.That(stem.GetProperty("stem_from_id").GetString(), Is.EqualTo(source.Id));
        }
    }

    [TestCase("GET", "/api/clip", null, "Missing parameter id")]
    [TestCase("GET", "/api/clip?id=", null, "Missing parameter id")]
    [TestCase("GET", "/api/persona", null, "Missing parameter id")]
    [TestCase("GET", "/api/get_aligned_lyrics", null, "Song ID is required")]
    [TestCase("POST", "/api/concat", "{}", "Clip id is required")]
    [TestCase("POST", "/api/generate_stems", "{}", "Audio ID is required")]
    [TestCase("POST", "/api/extend_audio", "{\"audio_id\":\"  \"}", "Audio ID is required")]
    public async Task A_missing_required_field_is_400_with_gcui_arts_message(string method, string path, string? body, string message)
    {
        using var request = new HttpRequestMessage(new HttpMethod(method), path);
        if (body is not null)
        {
            request.Content = Json.Body(body);
        }

        using var response = await Client.SendAsync(request);
        AssertError(response, await response.ReadJsonAsync(), 400, message);
    }

    [TestCase("/api/generate", "{\"prompt\":\"x\",\"model\":\"gpt-4\"}", "model")]
    [TestCase("/api/generate", "{\"prompt\":\"  \"}", "prompt")]
    [TestCase("/api/generate", "{}", "prompt")]
    [TestCase("/api/custom_generate", "{\"tags\":\"pop\"}", "prompt")]
    [TestCase("/api/generate", "{\"prompt\":\"x\",\"make_instrumental\":\"yes\"}", "make_instrumental")]
    [TestCase("/api/generate", "{\"prompt\":\"x\",\"wait_audio\":1}", "wait_audio")]
    [TestCase("/api/extend_audio", "{\"audio_id\":\"abc\",\"continue_at\":\"soon\"}", "continue_at")]
    [TestCase("/api/extend_audio", "{\"audio_id\":\"abc\",\"continue_at\":-3}", "continue_at")]
    [TestCase("/api/generate", "{\"prompt\":", "JSON")]
    [TestCase("/api/generate", "", "body")]
    [TestCase("/api/generate_lyrics", "{}", "prompt")]
    [TestCase("/api/concat", "{\"clip_id\":\"../../etc\"}", "clip_id")]
    public async Task Bad_input_on_a_post_route_is_400_naming_the_field(string path, string body, string field)
    {
        using var response = await Client.PostAsync(new Uri(path, UriKind.Relative), Json.Body(body));
        AssertError(response, await response.ReadJsonAsync(), 400, contains: field);
    }

    [TestCase("/api/get?page=abc", "page")]
    [TestCase("/api/get?page=-1", "page")]
    [TestCase("/api/get?ids=a/b", "ids")]
    [TestCase("/api/persona?id=x&page=0", "page")]
    public async Task Bad_input_on_a_get_route_is_400_naming_the_field(string path, string field)
    {
        var (response, body) = await GetAsync(Client, path);
        using (response)
        {
            AssertError(response, body, 400, contains: field);
        }
    }

    [Test]
    public async Task A_body_that_is_not_json_is_415_in_the_gcui_envelope()
    {
        using var response = await Client.PostAsync(new Uri("/api/generate", UriKind.Relative), Json.Body("prompt=x", "text/plain"));
        AssertError(response, await response.ReadJsonAsync(), 415, contains: "JSON");
    }

    [Test]
    public async Task An_unknown_clip_is_404_in_the_gcui_envelope()
    {
        var (response, body) = await GetAsync(Client, $"/api/clip?id={Guid.NewGuid()}");
        using (response)
        {
            AssertError(response, body, 404);
        }
    }

    [TestCase("/api/generate")]
    [TestCase("/api/custom_generate")]
    [TestCase("/api/extend_audio")]
    [TestCase("/api/generate_lyrics")]
    [TestCase("/api/get")]
    [TestCase("/api/get_limit")]
    [TestCase("/api/clip")]
    [TestCase("/api/concat")]
    [TestCase("/api/generate_stems")]
    [TestCase("/api/get_aligned_lyrics")]
    [TestCase("/api/persona")]
    public async Task Options_is_200_empty_with_cors_headers(string path)
    {
        using var request = new HttpRequestMessage(HttpMethod.Options, path);
        request.Headers.Add("Origin", "https://example.test");
        request.Headers.Add("Access-Control-Request-Method", "POST");
        using var response = await Client.SendAsync(request);

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(await response.Content.ReadAsStringAsync(), Is.Empty);
        AssertCors(response);
    }

    [Test]
    public async Task Cors_headers_are_on_successes_errors_and_unknown_routes()
    {
        using var ok = await Client.GetAsync(new Uri("/api/get_limit", UriKind.Relative));
        Assert.That(ok.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        AssertCors(ok);
        Assert.That(ok.Content.Headers.ContentType?.MediaType, Is.EqualTo("application/json"));

        using var bad = await Client.GetAsync(new Uri("/api/clip", UriKind.Relative));
        Assert.That(bad.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
        AssertCors(bad);

        using var unknown = await Client.GetAsync(new Uri("/api/no_such_route", UriKind.Relative));
        Assert.That(unknown.StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
        AssertCors(unknown);
        AssertError(unknown, await unknown.ReadJsonAsync(), 404);

        using var other = await Client.GetAsync(new Uri("/ping", UriKind.Relative));
        Assert.That(other.Headers.Contains("Access-Control-Allow-Origin"), Is.False, "CORS is the /api/* family's, not every route's");
    }

    public static void AssertCors(HttpResponseMessage response)
    {
        ArgumentNullException.ThrowIfNull(response);
        Assert.That(response.Headers.GetValues("Access-Control-Allow-Origin").Single(), Is.EqualTo("*"));
        Assert.That(response.Headers.GetValues("Access-Control-Allow-Methods").Single(), Is.EqualTo("GET, POST, PUT, DELETE, OPTIONS"));
        Assert.That(response.Headers.GetValues("Access-Control-Allow-Headers").Single(), Is.EqualTo("Content-Type, Authorization"));
    }

    /// <summary>The /suno/* task that holds a clip (found through the gateway's own database).</summary>
    private async Task<JsonElement> FindTaskOfClipAsync(string clipId)
    {
        await using var db = _gateway.Gateway.Database.CreateContext();
        var taskId = await db.Clips.Where(c => c.Id == clipId).Select(c => c.TaskId).SingleAsync();
        return await _gateway.TaskAsync(taskId);
    }

    private async Task<string?> MajorVersionAsync(string clipId) =>
        (await GetOkAsync(Client, $"/api/clip?id={clipId}")).GetProperty("major_model_version").GetString();
}
