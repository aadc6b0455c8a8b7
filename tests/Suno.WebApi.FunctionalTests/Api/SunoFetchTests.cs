using System.Net;
using System.Text.Json;
using Suno.Domain.Clips;
using Suno.Domain.Tasks;
using Suno.Infrastructure.Persistence;
using Suno.WebApi.FunctionalTests.Support;

namespace Suno.WebApi.FunctionalTests.Api;

/// <summary>GET /suno/fetch/{id} and POST /suno/fetch, and their error envelopes, on both databases.</summary>
[TestFixture(DatabaseProvider.Sqlite)]
[TestFixture(DatabaseProvider.Postgres)]
[TestFixture(DatabaseProvider.SqlServer)]
public sealed class SunoFetchTests(DatabaseProvider provider)
{
    private static readonly DateTime Submitted = new(2026, 11, 22, 10, 0, 0, DateTimeKind.Utc);
    private Gateway _gateway = null!;

    [OneTimeSetUp]
    public async Task Start()
    {
        _gateway = await Gateway.StartAsync(provider);
        await using var db = _gateway.Database.CreateContext();
        db.Tasks.AddRange(FinishedMusic("11111111-1111-4111-8111-111111111111"), Lyrics("22222222-2222-4222-8222-222222222222"));
        await db.SaveChangesAsync();
    }

    [OneTimeTearDown]
    public async Task Stop()
    {
        if (_gateway is not null) // null when the fixture was skipped (SQL Server without TEST_SQLSERVER)
        {
            await _gateway.DisposeAsync();
        }
    }

    [Test]
    public async Task FetchOne_Music_ReturnsTheClipsInTheEnvelope_WithEveryUpstreamClipField()
    {
        using var response = await _gateway.Client.GetAsync("/suno/fetch/11111111-1111-4111-8111-111111111111");
        var body = await response.ReadJsonAsync();

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(body.GetProperty("code").GetString(), Is.EqualTo("success"));
        Assert.That(body.GetProperty("message").GetString(), Is.Empty);
        var clips = body.GetProperty("data");
        Assert.Multiple(() =>
        {
            Assert.That(clips.GetArrayLength(), Is.EqualTo(2));
            Assert.That(clips[0].GetProperty("id").GetString(), Is.EqualTo("clip-a"));
            Assert.That(clips[0].GetProperty("status").GetString(), Is.EqualTo("complete"));
            Assert.That(clips[0].GetProperty("audio_url").GetString(), Is.EqualTo("https://cdn1.suno.ai/clip-a.mp3"));
            Assert.That(clips[0].GetProperty("some_future_field").GetProperty("nested").GetBoolean(), Is.True);
        });
    }

    [Test]
    public async Task FetchMany_Music_ReturnsTheTaskObject_WithTimesProgressAndEveryUpstreamClipField()
    {
        using var response = await _gateway.Client.PostAsync("/suno/fetch", Json.Body("""{"ids":["11111111-1111-4111-8111-111111111111"]}"""));
        var body = await response.ReadJsonAsync();

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        var task = body.GetProperty("data")[0];
        Assert.Multiple(() =>
        {
            Assert.That(task.GetProperty("task_id").GetString(), Is.EqualTo("11111111-1111-4111-8111-111111111111"));
            Assert.That(task.GetProperty("action").GetString(), Is.EqualTo("MUSIC"));
            Assert.That(task.GetProperty("status").GetString(), Is.EqualTo("SUCCESS"));
            Assert.That(task.GetProperty("fail_reason").GetString(), Is.Empty);
            Assert.That(task.GetProperty("submit_time").GetInt64(), Is.EqualTo(new DateTimeOffset(Submitted).ToUnixTimeSeconds()));
            Assert.That(task.GetProperty("start_time").GetInt64(), Is.EqualTo(new DateTimeOffset(Submitted.AddSeconds(30)).ToUnixTimeSeconds()));
            Assert.That(task.GetProperty("finish_time").GetInt64(), Is.EqualTo(new DateTimeOffset(Submitted.AddSeconds(90)).ToUnixTimeSeconds()));
            Assert.That(task.GetProperty("progress").GetString(), Is.EqualTo("100%"));
            var clips = task.GetProperty("data");
            Assert.That(clips.GetArrayLength(), Is.EqualTo(2));
            Assert.That(clips[0].GetProperty("id").GetString(), Is.EqualTo("clip-a"));
            Assert.That(clips[0].GetProperty("audio_url").GetString(), Is.EqualTo("https://cdn1.suno.ai/clip-a.mp3"));
            Assert.That(clips[0].GetProperty("some_future_field").GetProperty("nested").GetBoolean(), Is.True);
        });
    }

    [Test]
    public async Task FetchOne_Lyrics_ReturnsTheLyricsObject()
    {
        var body = await (await _gateway.Client.GetAsync("/suno/fetch/22222222-2222-4222-8222-222222222222")).ReadJsonAsync();
        var data = body.GetProperty("data");

        Assert.Multiple(() =>
        {
            Assert.That(data.GetProperty("id").GetString(), Is.EqualTo("lyr-1"));
            Assert.That(data.GetProperty("status").GetString(), Is.EqualTo("complete"));
            Assert.That(data.GetProperty("title").GetString(), Is.EqualTo("Rain"));
            Assert.That(data.GetProperty("text").GetString(), Is.EqualTo("[Verse]\nDrops"));
        });
    }

    [Test]
    public async Task FetchOne_Unknown_Is404TaskNotExist_WithDataNull()
    {
        using var response = await _gateway.Client.GetAsync("/suno/fetch/does-not-exist");

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
        Assert.That(
            await response.Content.ReadAsStringAsync(),
            Is.EqualTo("""{"code":"task_not_exist","message":"task does-not-exist does not exist","data":null}"""));
    }

    [Test]
    public async Task FetchOne_TooLongId_Is400InvalidRequestWithTheField()
    {
        using var response = await _gateway.Client.GetAsync("/suno/fetch/" + new string('x', 100));
        var body = await response.ReadJsonAsync();

        Assert.Multiple(() =>
        {
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
            Assert.That(body.GetProperty("code").GetString(), Is.EqualTo("invalid_request"));
            Assert.That(body.GetProperty("data").ValueKind, Is.EqualTo(JsonValueKind.Null));
            Assert.That(body.GetProperty("errors").TryGetProperty("id", out _), Is.True);
        });
    }

    [Test]
    public async Task FetchMany_ReturnsTasksInTheOrderAsked_SkippingUnknownIds()
    {
        using var response = await _gateway.Client.PostAsync(
            "/suno/fetch",
            Json.Body("""{"ids":["22222222-2222-4222-8222-222222222222","nope","11111111-1111-4111-8111-111111111111"]}"""));
        var body = await response.ReadJsonAsync();

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(
            body.GetProperty("data").EnumerateArray().Select(t => t.GetProperty("task_id").GetString()),
            Is.EqualTo(new[] { "22222222-2222-4222-8222-222222222222", "11111111-1111-4111-8111-111111111111" }));
    }

    [Test]
    public async Task FetchMany_FiltersByAction()
    {
        var body = await (await _gateway.Client.PostAsync(
            "/suno/fetch",
            Json.Body("""{"ids":["22222222-2222-4222-8222-222222222222","11111111-1111-4111-8111-111111111111"],"action":"MUSIC"}"""))).ReadJsonAsync();

        Assert.That(body.GetProperty("data").GetArrayLength(), Is.EqualTo(1));
    }

    [Test]
    public async Task FetchMany_MalformedJson_Is400WithAClearMessage()
    {
        using var response = await _gateway.Client.PostAsync("/suno/fetch", Json.Body("""{"ids": ["a", """));
        var body = await response.ReadJsonAsync();

        Assert.Multiple(() =>
        {
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
            Assert.That(body.GetProperty("code").GetString(), Is.EqualTo("invalid_request"));
            Assert.That(body.GetProperty("message").GetString(), Does.Contain("not valid JSON"));
            Assert.That(body.GetProperty("data").ValueKind, Is.EqualTo(JsonValueKind.Null));
        });
    }

    [Test]
    public async Task FetchMany_WrongJsonType_Is400NamingTheField()
    {
        using var response = await _gateway.Client.PostAsync("/suno/fetch", Json.Body("""{"ids": 5}"""));
        var body = await response.ReadJsonAsync();

        Assert.Multiple(() =>
        {
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
            Assert.That(body.GetProperty("message").GetString(), Does.Contain("'ids'"));
            Assert.That(body.GetProperty("message").GetString(), Does.Not.Contain("System."));
        });
    }

    [Test]
    public async Task FetchMany_MissingIds_Is400WithTheFieldError()
    {
        using var response = await _gateway.Client.PostAsync("/suno/fetch", Json.Body("{}"));
        var body = await response.ReadJsonAsync();

        Assert.Multiple(() =>
        {
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
            Assert.That(body.GetProperty("message").GetString(), Is.EqualTo("ids is required"));
            Assert.That(body.GetProperty("errors").GetProperty("ids")[0].GetString(), Is.EqualTo("ids is required"));
        });
    }

    [Test]
    public async Task FetchMany_EmptyBody_Is400()
    {
        using var response = await _gateway.Client.PostAsync("/suno/fetch", Json.Body(string.Empty));
        var body = await response.ReadJsonAsync();

        Assert.Multiple(() =>
        {
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
            Assert.That(body.GetProperty("message").GetString(), Does.Contain("empty"));
        });
    }

    [Test]
    public async Task FetchMany_WrongContentType_Is415()
    {
        using var response = await _gateway.Client.PostAsync("/suno/fetch", Json.Body("""{"ids":[]}""", "text/plain"));
        var body = await response.ReadJsonAsync();

        Assert.Multiple(() =>
        {
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.UnsupportedMediaType));
            Assert.That(body.GetProperty("code").GetString(), Is.EqualTo("invalid_request"));
            Assert.That(body.GetProperty("message").GetString(), Does.Contain("application/json"));
        });
    }

    [Test]
    public async Task FetchMany_OversizedBody_Is413()
    {
        var ids = string.Join(',', Enumerable.Repeat("\"" + new string('a', 60) + "\"", 20_000));
        using var request = new HttpRequestMessage(HttpMethod.Post, "/suno/fetch") { Content = Json.Body($$"""{"ids":[{{ids}}]}""") };

        // Expect: 100-continue lets the server refuse before the body is sent, so the client reads the 413
        // instead of having its upload cut off.
        request.Headers.ExpectContinue = true;
        using var response = await _gateway.Client.SendAsync(request);
        var body = await response.ReadJsonAsync();

        Assert.Multiple(() =>
        {
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.RequestEntityTooLarge));
            Assert.That(body.GetProperty("message").GetString(), Does.Contain("larger than the limit"));
            Assert.That(body.GetProperty("data").ValueKind, Is.EqualTo(JsonValueKind.Null));
        });
    }

    [Test]
    public async Task WrongMethod_Is405InTheEnvelope()
    {
        using var response = await _gateway.Client.DeleteAsync("/suno/fetch");
        var body = await response.ReadJsonAsync();

        Assert.Multiple(() =>
        {
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.MethodNotAllowed));
            Assert.That(body.GetProperty("code").GetString(), Is.EqualTo("invalid_request"));
        });
    }

    private static ClipSnapshot Clip(string id, ClipStatus status, string extra = "") => new()
    {
        Id = id,
        Status = status,
        AudioUrl = $"https://cdn1.suno.ai/{id}.mp3",
        RawJson = $$"""{"id":"{{id}}","status":"{{status.ToWire()}}","audio_url":"https://cdn1.suno.ai/{{id}}.mp3","metadata":{"tags":"pop"}{{extra}}}""",
    };

    private static SunoTask FinishedMusic(string id)
    {
        var task = SunoTask.Create(id, TaskAction.Music, """{"prompt":"a song"}""", Submitted);
        task.MarkSubmitted([Clip("clip-a", ClipStatus.Submitted), Clip("clip-b", ClipStatus.Submitted)], Submitted);
        task.ApplyClips([Clip("clip-a", ClipStatus.Streaming), Clip("clip-b", ClipStatus.Streaming)], Submitted.AddSeconds(30));
        task.ApplyClips(
            [Clip("clip-a", ClipStatus.Complete, ""","some_future_field":{"nested":true}"""), Clip("clip-b", ClipStatus.Complete)],
            Submitted.AddSeconds(90));
        return task;
    }

    private static SunoTask Lyrics(string id)
    {
        var task = SunoTask.Create(id, TaskAction.Lyrics, """{"prompt":"rain"}""", Submitted);
        task.MarkSubmitted(["lyr-1"], Submitted);
        task.ApplyLyrics(new LyricsResult("lyr-1", "complete", "Rain", "[Verse]\nDrops"), Submitted.AddSeconds(5));
        return task;
    }
}
