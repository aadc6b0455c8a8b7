using System.Text.Json;
using Suno.FakeUpstream;
using Suno.Infrastructure.Persistence;
using Suno.WebApi.FunctionalTests.Tasks;
using static Suno.WebApi.FunctionalTests.Hosted.HostedApi;

namespace Suno.WebApi.FunctionalTests.Hosted;

/// <summary>POST /api/v1/generate/get-timestamped-lyrics end to end: Suno's aligned lyrics of a task's clip, in camelCase.</summary>
[TestFixture(DatabaseProvider.Sqlite)]
[TestFixture(DatabaseProvider.Postgres)]
public sealed class HostedTimestampedLyricsTests(DatabaseProvider provider)
{
    private const string Callback = "http://127.0.0.1:9/callback";
    private const string Route = "/api/v1/generate/get-timestamped-lyrics";
    private TaskApiGateway _api = null!;
    private string _taskId = null!;
    private string[] _clipIds = null!;

    private HttpClient Client => _api.Client;

    [OneTimeSetUp]
    public async Task Start()
    {
        _api = await TaskApiGateway.StartAsync(provider, settings: new Dictionary<string, string?> { ["Network:AllowLoopbackTargets"] = "true" });
        _taskId = await SubmitOkAsync(Client, "/api/v1/generate", new
        {
            prompt = "[Verse]\nRoads unwind under silver skies",
            customMode = true,
            instrumental = false,
            model = "V4_5",
            style = "Folk Pop",
            title = "Aligned",
            callBackUrl = Callback,
        });
        var done = await WaitForAsync(Client, _taskId, "generate", "SUCCESS");
        _clipIds = done.GetProperty("response").GetProperty("sunoData").EnumerateArray().Select(c => c.GetProperty("id").GetString()!).ToArray();
    }

    [OneTimeTearDown]
    public async Task Stop() => await _api.DisposeAsync();

    [Test]
    public async Task The_first_clips_words_come_with_their_times_in_camel_case()
    {
        var before = _api.Fake.State.Counters.Get(FakeSunoEndpoints.AlignedLyrics);
        var json = await PostAsync(Client, Route, new { taskId = _taskId });
        Assert.That(json.GetProperty("code").GetInt32(), Is.EqualTo(200), json.ToString());
        Assert.That(json.GetProperty("msg").GetString(), Is.EqualTo("success"));
        var data = json.GetProperty("data");
        var words = data.GetProperty("alignedWords");
        Assert.Multiple(() =>
        {
            Assert.That(words.EnumerateArray().Select(w => w.GetProperty("word").GetString()), Is.EqualTo(new[] { "Roads", "unwind", "under", "silver", "skies" }));
            Assert.That(words[0].GetProperty("success").GetBoolean(), Is.True);
            Assert.That(words[0].GetProperty("startS").GetDouble(), Is.EqualTo(0));
            Assert.That(words[1].GetProperty("startS").GetDouble(), Is.GreaterThan(words[0].GetProperty("endS").GetDouble()));
            Assert.That(words[0].GetProperty("palign").GetDouble(), Is.EqualTo(0.9));
            Assert.That(data.GetProperty("waveformData").GetArrayLength(), Is.EqualTo(5));
            Assert.That(data.GetProperty("hootCer").GetDouble(), Is.EqualTo(0.05));
            Assert.That(data.GetProperty("isStreamed").GetBoolean(), Is.False);
            Assert.That(words[0].TryGetProperty("start_s", out _), Is.False, "no snake_case keys");
            Assert.That(_api.Fake.State.Counters.Get(FakeSunoEndpoints.AlignedLyrics), Is.EqualTo(before + 1));
        });
        var log = _api.Fake.State.Requests.Of(FakeSunoEndpoints.AlignedLyrics)[^1];
        Assert.That(log.Path, Does.Contain(_clipIds[0]), "musicIndex left out reads the first clip");
    }

    [Test]
    public async Task AudioId_wins_over_musicIndex_and_musicIndex_picks_the_second_clip()
    {
        var byAudio = await PostAsync(Client, Route, new { taskId = _taskId, audioId = _clipIds[1], musicIndex = 0 });
        Assert.That(byAudio.GetProperty("code").GetInt32(), Is.EqualTo(200), byAudio.ToString());
        Assert.That(_api.Fake.State.Requests.Of(FakeSunoEndpoints.AlignedLyrics)[^1].Path, Does.Contain(_clipIds[1]));

        var byIndex = await PostAsync(Client, Route, new { taskId = _taskId, musicIndex = 1 });
        Assert.That(byIndex.GetProperty("code").GetInt32(), Is.EqualTo(200), byIndex.ToString());
        Assert.That(_api.Fake.State.Requests.Of(FakeSunoEndpoints.AlignedLyrics)[^1].Path, Does.Contain(_clipIds[1]));
    }

    private static IEnumerable<TestCaseData> BadRequests()
    {
        yield return new TestCaseData(new { musicIndex = 0 }, 400, "taskId").SetName("taskId missing");
        yield return new TestCaseData(new { taskId = "{task}", musicIndex = 2 }, 400, "musicIndex").SetName("musicIndex 2");
        yield return new TestCaseData(new { taskId = "{task}", musicIndex = -1 }, 400, "musicIndex").SetName("musicIndex negative");
        yield return new TestCaseData(new { taskId = "{task}", audioId = "not-a-clip-of-the-task" }, 400, "audioId").SetName("audioId of another task");
        yield return new TestCaseData(new { taskId = "{task}", audioId = "../etc" }, 400, "audioId").SetName("audioId not an id");
        yield return new TestCaseData(new { taskId = Guid.NewGuid().ToString() }, 404, "does not exist").SetName("unknown task");
    }

    [TestCaseSource(nameof(BadRequests))]
    public async Task A_bad_request_is_refused_in_the_hosted_envelope_and_never_reaches_Suno(object body, int code, string named)
    {
        var json = JsonSerializer.Serialize(body).Replace("{task}", _taskId, StringComparison.Ordinal);
        var before = _api.Fake.State.Counters.Get(FakeSunoEndpoints.AlignedLyrics);
        var answer = await PostAsync(Client, Route, JsonDocument.Parse(json).RootElement);
        Assert.Multiple(() =>
        {
            Assert.That(answer.GetProperty("code").GetInt32(), Is.EqualTo(code), answer.ToString());
            Assert.That(answer.GetProperty("msg").GetString(), Does.Contain(named));
            Assert.That(answer.GetProperty("data").ValueKind, Is.EqualTo(JsonValueKind.Null));
            Assert.That(_api.Fake.State.Counters.Get(FakeSunoEndpoints.AlignedLyrics), Is.EqualTo(before));
        });
    }

    [Test]
    public async Task Another_tenants_task_is_unknown()
    {
        var other = _api.Fake.State.AddAccount(new FakeAccountSpec { Credits = 500 });
        var before = _api.Fake.State.Counters.Get(FakeSunoEndpoints.AlignedLyrics);
        var answer = await PostAsync(Client, Route, new { taskId = _taskId }, cookie: other.Cookie);
        Assert.That(answer.GetProperty("code").GetInt32(), Is.EqualTo(404), answer.ToString());
        Assert.That(_api.Fake.State.Counters.Get(FakeSunoEndpoints.AlignedLyrics), Is.EqualTo(before));
    }
}
