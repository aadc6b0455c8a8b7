using System.Net;
using System.Text.Json;
using Suno.FakeUpstream;
using Suno.Infrastructure.Persistence;
using Suno.WebApi.FunctionalTests.Support;

namespace Suno.WebApi.FunctionalTests.Tasks;

/// <summary>POST /suno/submit/{action} end to end: the gateway, its database, its poller and the fake Suno.</summary>
[TestFixture(DatabaseProvider.Sqlite)]
[TestFixture(DatabaseProvider.Postgres)]
[TestFixture(DatabaseProvider.SqlServer)]
public sealed class SubmitTaskTests(DatabaseProvider provider)
{
    private TaskApiGateway _api = null!;

    [OneTimeSetUp]
    public async Task Start() => _api = await TaskApiGateway.StartAsync(provider);

    [OneTimeTearDown]
    public async Task Stop()
    {
        if (_api is not null) // null when the fixture was skipped (SQL Server without TEST_SQLSERVER)
        {
            await _api.DisposeAsync();
        }
    }

    [Test]
    public async Task Inspiration_mode_song_runs_to_success_with_both_clips_and_every_upstream_field()
    {
        var id = await _api.SubmitOkAsync("music", new { gpt_description_prompt = "a calm lo-fi track with rain", mv = "chirp-v3-5" });
        Assert.That(Guid.TryParse(id, out _), Is.True, "the task id is a UUID");

        var task = await _api.WaitForStatusAsync(id, "SUCCESS", "FAILURE");
        Assert.Multiple(() =>
        {
            Assert.That(task.GetProperty("status").GetString(), Is.EqualTo("SUCCESS"), task.ToString());
            Assert.That(task.GetProperty("action").GetString(), Is.EqualTo("MUSIC"));
            Assert.That(task.GetProperty("progress").GetString(), Is.EqualTo("100%"));
            Assert.That(task.GetProperty("submit_time").GetInt64(), Is.GreaterThan(0));
            Assert.That(task.GetProperty("start_time").GetInt64(), Is.GreaterThanOrEqualTo(task.GetProperty("submit_time").GetInt64()));
            Assert.That(task.GetProperty("finish_time").GetInt64(), Is.GreaterThanOrEqualTo(task.GetProperty("start_time").GetInt64()));
        });
        var clips = task.GetProperty("data");
        Assert.That(clips.GetArrayLength(), Is.EqualTo(2));
        foreach (var clip in clips.EnumerateArray())
        {
            Assert.Multiple(() =>
            {
                Assert.That(clip.GetProperty("status").GetString(), Is.EqualTo("complete"));
                Assert.That(clip.GetProperty("audio_url").GetString(), Does.EndWith(".mp3"));
                Assert.That(clip.GetProperty("metadata").GetProperty("gpt_description_prompt").GetString(), Is.EqualTo("a calm lo-fi track with rain"));
                Assert.That(clip.TryGetProperty("play_count", out _), Is.True, "fields the gateway does not model still arrive");
            });
        }

        // GET /suno/fetch/{id} answers the same clips, as the Go gateway does.
        using var one = await _api.Client.GetAsync($"/suno/fetch/{id}");
        var body = await one.ReadJsonAsync();
        Assert.That(body.GetProperty("data").GetArrayLength(), Is.EqualTo(2), body.ToString());
        Assert.That(body.GetProperty("data")[0].GetProperty("id").GetString(), Is.EqualTo(clips[0].GetProperty("id").GetString()));
    }

    [Test]
    public async Task Custom_mode_sends_lyrics_tags_title_and_vocal_gender_upstream()
    {
        var id = await _api.SubmitOkAsync("MUSIC", new
        {
            prompt = "[Verse]\nCity lights blur past the window",
            title = "Midnight Drive",
            tags = "synthwave, cinematic",
            negative_tags = "metal",
            vocal_gender = "female",
            mv = "V4_5",
        });
        var task = await _api.WaitForStatusAsync(id, "SUCCESS");
        var clip = task.GetProperty("data")[0];
        Assert.Multiple(() =>
        {
            Assert.That(clip.GetProperty("title").GetString(), Is.EqualTo("Midnight Drive"));
            Assert.That(clip.GetProperty("metadata").GetProperty("tags").GetString(), Is.EqualTo("synthwave, cinematic, female vocals"));
            Assert.That(clip.GetProperty("metadata").GetProperty("prompt").GetString(), Is.EqualTo("[Verse]\nCity lights blur past the window"));
            Assert.That(clip.GetProperty("metadata").GetProperty("negative_tags").GetString(), Is.EqualTo("metal"));
            Assert.That(clip.GetProperty("model_name").GetString(), Is.Not.Empty);
        });
    }

    [Test]
    public async Task Lyrics_task_ends_with_the_lyrics_object()
    {
        var id = await _api.SubmitOkAsync("Lyrics", new { prompt = "a song about distance" });
        var task = await _api.WaitForStatusAsync(id, "SUCCESS", "FAILURE");
        Assert.That(task.GetProperty("status").GetString(), Is.EqualTo("SUCCESS"), task.ToString());
        Assert.That(task.GetProperty("action").GetString(), Is.EqualTo("LYRICS"));
        var lyrics = task.GetProperty("data");
        Assert.Multiple(() =>
        {
            Assert.That(lyrics.GetProperty("status").GetString(), Is.EqualTo("complete"));
            Assert.That(lyrics.GetProperty("text").GetString(), Is.Not.Empty);
            Assert.That(lyrics.GetProperty("title").GetString(), Is.Not.Empty);
            Assert.That(lyrics.GetProperty("id").GetString(), Is.Not.Empty);
        });
    }

    [Test]
    public async Task Continuation_runs_on_the_source_tasks_account_and_sends_extend_upstream()
    {
        var source = await _api.SubmitOkAsync("music", new { gpt_description_prompt = "a song to continue" });
        var done = await _api.WaitForStatusAsync(source, "SUCCESS");
        var clipId = done.GetProperty("data")[0].GetProperty("id").GetString();

        var id = await _api.SubmitOkAsync("music", new
        {
            prompt = "[Bridge]\nand on it goes",
            continue_clip_id = clipId,
            continue_at = 42.5,
            task_id = source,
        });
        var extended = await _api.WaitForStatusAsync(id, "SUCCESS", "FAILURE");
        Assert.That(extended.GetProperty("status").GetString(), Is.EqualTo("SUCCESS"), extended.ToString());
        var metadata = extended.GetProperty("data")[0].GetProperty("metadata");
        Assert.That(metadata.GetRawText(), Does.Contain(clipId!), "the new clips know which clip they continue");
    }

    [Test]
    public async Task The_same_idempotency_key_returns_the_same_task_and_calls_Suno_once()
    {
        var before = _api.Fake.State.Counters.Get(FakeSunoEndpoints.Generate);
        var key = Guid.NewGuid().ToString();
        var first = await _api.SubmitOkAsync("music", new { gpt_description_prompt = "once only" }, key);
        var second = await _api.SubmitOkAsync("music", new { gpt_description_prompt = "once only" }, key);

        Assert.That(second, Is.EqualTo(first));
        Assert.That(_api.Fake.State.Counters.Get(FakeSunoEndpoints.Generate) - before, Is.EqualTo(1));
    }

    [TestCase("video", "action")]
    [TestCase("", "action")]
    public async Task Unknown_action_is_a_400_naming_the_action(string action, string field)
    {
        var path = action.Length == 0 ? "%20" : action;
        var (response, body) = await _api.SubmitAsync(path, new { prompt = "x" });
        using (response)
        {
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
            Assert.That(body.GetProperty("code").GetString(), Is.EqualTo("invalid_request"));
            Assert.That(body.GetProperty("message").GetString(), Does.Contain(field));
        }
    }

    private static IEnumerable<TestCaseData> BadMusic()
    {
        yield return new TestCaseData(new { title = "no prompt" }, "prompt").SetName("both prompts empty");
        yield return new TestCaseData(new { prompt = "x", continue_clip_id = "c1" }, "task_id").SetName("continue_clip_id without task_id");
        yield return new TestCaseData(new { prompt = "x", continue_clip_id = "c1", task_id = "t", continue_at = -1.0 }, "continue_at").SetName("negative continue_at");
        yield return new TestCaseData(new { prompt = new string('a', 3001), mv = "chirp-v3-5" }, "prompt").SetName("prompt too long for v3.5");
        yield return new TestCaseData(new { gpt_description_prompt = new string('a', 3001) }, "gpt_description_prompt").SetName("description too long");
        yield return new TestCaseData(new { prompt = "x", tags = new string('t', 201), mv = "V4" }, "tags").SetName("tags too long for v4");
        yield return new TestCaseData(new { prompt = "x", title = new string('t', 101) }, "title").SetName("title too long");
        yield return new TestCaseData(new { prompt = "x", mv = "gpt-4o" }, "mv").SetName("unknown model");
        yield return new TestCaseData(new { prompt = "x", vocal_gender = "robot" }, "vocal_gender").SetName("bad vocal gender");
        yield return new TestCaseData(new { prompt = "x", callback_url = "not a url" }, "callback_url").SetName("bad callback url");
    }

    [TestCaseSource(nameof(BadMusic))]
    public async Task Bad_music_input_is_a_400_naming_the_field(object body, string field)
    {
        var before = _api.Fake.State.Counters.Get(FakeSunoEndpoints.Generate);
        var (response, json) = await _api.SubmitAsync("music", body);
        using (response)
        {
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest), json.ToString());
            Assert.That(json.GetProperty("code").GetString(), Is.EqualTo("invalid_request"));
            Assert.That(json.GetProperty("message").GetString(), Does.Contain(field));
            Assert.That(json.GetProperty("errors").TryGetProperty(field, out _), Is.True, json.ToString());
            Assert.That(json.GetProperty("data").ValueKind, Is.EqualTo(JsonValueKind.Null));
        }

        Assert.That(_api.Fake.State.Counters.Get(FakeSunoEndpoints.Generate), Is.EqualTo(before), "bad input never reaches Suno");
    }

    [Test]
    public async Task Continuation_of_an_unknown_task_is_a_400()
    {
        var (response, json) = await _api.SubmitAsync("music", new { prompt = "x", continue_clip_id = "c1", task_id = Guid.NewGuid().ToString() });
        using (response)
        {
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
            Assert.That(json.GetProperty("message").GetString(), Does.Contain("task_id"));
        }
    }

    [Test]
    public async Task Empty_lyrics_prompt_is_a_400()
    {
        var (response, json) = await _api.SubmitAsync("lyrics", new { prompt = "  " });
        using (response)
        {
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
            Assert.That(json.GetProperty("message").GetString(), Does.Contain("prompt is empty"));
        }
    }

    [Test]
    public async Task Malformed_json_is_a_400_in_the_task_envelope()
    {
        using var response = await _api.Client.PostAsync("/suno/submit/music", Json.Body("{\"prompt\": "));
        var json = await response.ReadJsonAsync();
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
        Assert.That(json.GetProperty("code").GetString(), Is.EqualTo("invalid_request"));
    }
}
