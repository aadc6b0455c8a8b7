using System.Text.Json;
using Suno.FakeUpstream;
using Suno.Infrastructure.Callbacks;
using Suno.Infrastructure.Persistence;
using Suno.WebApi.FunctionalTests.Support;
using Suno.WebApi.FunctionalTests.Tasks;
using static Suno.WebApi.FunctionalTests.Hosted.HostedApi;

namespace Suno.WebApi.FunctionalTests.Hosted;

/// <summary>
/// POST /api/v1/vocal-removal/generate and its record-info end to end: a durable stems task polled until Suno's two
/// stems are complete, and the documented callback delivered to a real receiver on 127.0.0.1.
/// </summary>
[TestFixture(DatabaseProvider.Sqlite)]
[TestFixture(DatabaseProvider.Postgres)]
public sealed class HostedVocalRemovalTests(DatabaseProvider provider)
{
    private const string Key = "vocal-signing-key";
    private const string Route = "/api/v1/vocal-removal/generate";
    private TaskApiGateway _api = null!;
    private CallbackReceiver _receiver = null!;
    private string _songTaskId = null!;
    private JsonElement[] _clips = null!;

    private HttpClient Client => _api.Client;

    [OneTimeSetUp]
    public async Task Start()
    {
        _receiver = await CallbackReceiver.StartAsync();
        _api = await TaskApiGateway.StartAsync(provider, settings: new Dictionary<string, string?>
        {
            ["Network:AllowLoopbackTargets"] = "true",
            ["Callbacks:SigningKey"] = Key,
            ["Callbacks:RetryDelaysSeconds"] = "1,1,1",
        });
        _songTaskId = await SubmitOkAsync(Client, "/api/v1/generate", new
        {
            prompt = "[Verse]\nVoices over strings", customMode = true, instrumental = false, model = "V4_5",
            style = "Folk Pop", title = "Split Me", callBackUrl = _receiver.Url("/music"),
        });
        var done = await WaitForAsync(Client, _songTaskId, "generate", "SUCCESS");
        _clips = [.. done.GetProperty("response").GetProperty("sunoData").EnumerateArray().Select(c => c.Clone())];
    }

    [OneTimeTearDown]
    public async Task Stop()
    {
        await _api.DisposeAsync();
        await _receiver.DisposeAsync();
    }

    [Test]
    public async Task A_clip_is_split_into_vocals_and_instrumental_and_the_callback_carries_the_urls()
    {
        var audioId = _clips[0].GetProperty("id").GetString()!;
        var stemsBefore = _api.Fake.State.Counters.Get(FakeSunoEndpoints.Stems);
        var taskId = await SubmitOkAsync(Client, Route, new { taskId = _songTaskId, audioId, callBackUrl = _receiver.Url("/vocal") });
        Assert.That(_api.Fake.State.Counters.Get(FakeSunoEndpoints.Stems), Is.EqualTo(stemsBefore + 1));

        var first = (await GetAsync(Client, $"/api/v1/vocal-removal/record-info?taskId={taskId}")).GetProperty("data");
        Assert.That(first.GetProperty("successFlag").GetString(), Is.AnyOf("PENDING", "SUCCESS"), first.ToString());

        JsonElement data = default;
        await Eventually.AssertAsync(
            async () =>
            {
                var json = await GetAsync(Client, $"/api/v1/vocal-removal/record-info?taskId={taskId}");
                Assert.That(json.GetProperty("code").GetInt32(), Is.EqualTo(200), json.ToString());
                data = json.GetProperty("data");
                return data.GetProperty("successFlag").GetString() != "PENDING";
            },
            "the split ends",
            TimeSpan.FromSeconds(30));

        // Which stem is which: the fake names them "<title> (Vocals)" and "<title> (Instrumental)", as Suno does.
        var stems = (await _api.TaskAsync(taskId)).GetProperty("data").EnumerateArray().ToList();
        string UrlOf(string suffix) => stems.Single(s => s.GetProperty("title").GetString()!.EndsWith(suffix, StringComparison.Ordinal)).GetProperty("audio_url").GetString()!;
        var response = data.GetProperty("response");
        Assert.Multiple(() =>
        {
            Assert.That(data.GetProperty("successFlag").GetString(), Is.EqualTo("SUCCESS"), data.ToString());
            Assert.That(data.GetProperty("taskId").GetString(), Is.EqualTo(taskId));
            Assert.That(data.GetProperty("musicId").GetString(), Is.EqualTo(audioId));
            Assert.That(data.GetProperty("musicIndex").GetInt32(), Is.EqualTo(0));
            Assert.That(data.GetProperty("callbackUrl").GetString(), Is.EqualTo(_receiver.Url("/vocal")));
            Assert.That(data.GetProperty("createTime").GetInt64(), Is.EqualTo(DateTimeOffset.UtcNow.ToUnixTimeMilliseconds()).Within(120_000));
            Assert.That(data.GetProperty("completeTime").GetInt64(), Is.GreaterThanOrEqualTo(data.GetProperty("createTime").GetInt64() / 1000 * 1000));
            Assert.That(data.GetProperty("errorCode").ValueKind, Is.EqualTo(JsonValueKind.Null));
            Assert.That(response.GetProperty("originUrl").GetString(), Is.EqualTo(_clips[0].GetProperty("audioUrl").GetString()));
            Assert.That(response.GetProperty("vocalUrl").GetString(), Is.EqualTo(UrlOf("(Vocals)")));
            Assert.That(response.GetProperty("instrumentalUrl").GetString(), Is.EqualTo(UrlOf("(Instrumental)")));
            Assert.That(response.GetProperty("vocalUrl").GetString(), Does.EndWith(".mp3").And.Not.EqualTo(response.GetProperty("instrumentalUrl").GetString()));
            foreach (var other in new[] { "backingVocalsUrl", "drumsUrl", "bassUrl", "guitarUrl", "keyboardUrl", "percussionUrl", "stringsUrl", "synthUrl", "fxUrl", "brassUrl", "woodwindsUrl" })
            {
                Assert.That(response.GetProperty(other).ValueKind, Is.EqualTo(JsonValueKind.Null), other);
            }
        });

        await Eventually.AssertAsync(() => Task.FromResult(_receiver.On("/vocal").Count > 0), "the vocal removal callback arrives", TimeSpan.FromSeconds(30));
        await Task.Delay(TimeSpan.FromSeconds(2));  // nothing more may come
        var callback = _receiver.On("/vocal").Single();
        var info = callback.Body.GetProperty("data").GetProperty("vocal_removal_info");
        Assert.Multiple(() =>
        {
            Assert.That(callback.Body.GetProperty("code").GetInt32(), Is.EqualTo(200), callback.Body.ToString());
            Assert.That(callback.Body.GetProperty("msg").GetString(), Is.EqualTo("success"));
            Assert.That(callback.Body.GetProperty("data").GetProperty("task_id").GetString(), Is.EqualTo(taskId));
            Assert.That(info.GetProperty("origin_url").GetString(), Is.EqualTo(response.GetProperty("originUrl").GetString()));
            Assert.That(info.GetProperty("vocal_url").GetString(), Is.EqualTo(response.GetProperty("vocalUrl").GetString()));
            Assert.That(info.GetProperty("instrumental_url").GetString(), Is.EqualTo(response.GetProperty("instrumentalUrl").GetString()));
            Assert.That(callback.Signature, Is.EqualTo(CallbackSender.Sign(taskId, callback.Timestamp!, Key)), "signature verifies");
            Assert.That(callback.Body.GetRawText(), Does.Not.Contain(_api.Account.Cookie), "no cookie in a callback");
        });

        // The hosted API's sample client waits on every task through generate/record-info: status and vocal_removal_info are there.
        var viaGenerate = (await GetAsync(Client, $"/api/v1/generate/record-info?taskId={taskId}")).GetProperty("data");
        Assert.That(viaGenerate.GetProperty("status").GetString(), Is.EqualTo("SUCCESS"));
        Assert.That(viaGenerate.GetProperty("response").GetProperty("vocal_removal_info").GetProperty("vocal_url").GetString(), Is.EqualTo(info.GetProperty("vocal_url").GetString()));
    }

    [Test]
    public async Task The_second_clip_is_music_index_1()
    {
        var audioId = _clips[1].GetProperty("id").GetString()!;
        var taskId = await SubmitOkAsync(Client, Route, new { taskId = _songTaskId, audioId, callBackUrl = _receiver.Url("/second"), type = "separate_vocal" });
        var data = (await GetAsync(Client, $"/api/v1/vocal-removal/record-info?taskId={taskId}")).GetProperty("data");
        Assert.That(data.GetProperty("musicIndex").GetInt32(), Is.EqualTo(1), data.ToString());
        Assert.That(data.GetProperty("musicId").GetString(), Is.EqualTo(audioId));
    }

    private static IEnumerable<TestCaseData> BadRequests()
    {
        yield return new TestCaseData(new { audioId = "{clip}", callBackUrl = "{cb}" }, 400, "taskId").SetName("taskId missing");
        yield return new TestCaseData(new { taskId = "{task}", callBackUrl = "{cb}" }, 400, "audioId").SetName("audioId missing");
        yield return new TestCaseData(new { taskId = "{task}", audioId = "{clip}" }, 400, "callBackUrl").SetName("callBackUrl missing");
        yield return new TestCaseData(new { taskId = "{task}", audioId = "{clip}", callBackUrl = "ftp://example.com/x" }, 400, "callBackUrl").SetName("callBackUrl not http");
        yield return new TestCaseData(new { taskId = "{task}", audioId = "{clip}", callBackUrl = "http://10.0.0.1/x" }, 400, "callBackUrl").SetName("callBackUrl private");
        yield return new TestCaseData(new { taskId = "{task}", audioId = "{clip}", callBackUrl = "{cb}", type = "split_stem" }, 400, "split_stem").SetName("split_stem not supported");
        yield return new TestCaseData(new { taskId = "{task}", audioId = "{clip}", callBackUrl = "{cb}", type = "karaoke" }, 400, "type").SetName("type unknown");
        yield return new TestCaseData(new { taskId = "{task}", audioId = "not-a-clip-of-the-task", callBackUrl = "{cb}" }, 400, "audioId").SetName("audioId of another task");
        yield return new TestCaseData(new { taskId = Guid.NewGuid().ToString(), audioId = "{clip}", callBackUrl = "{cb}" }, 404, "does not exist").SetName("unknown task");
    }

    [TestCaseSource(nameof(BadRequests))]
    public async Task A_bad_request_is_refused_naming_the_field_and_never_reaches_Suno(object body, int code, string named)
    {
        var json = JsonSerializer.Serialize(body)
            .Replace("{task}", _songTaskId, StringComparison.Ordinal)
            .Replace("{clip}", _clips[0].GetProperty("id").GetString(), StringComparison.Ordinal)
            .Replace("{cb}", _receiver.Url("/bad"), StringComparison.Ordinal);
        var before = _api.Fake.State.Counters.Get(FakeSunoEndpoints.Stems);
        var answer = await PostAsync(Client, Route, JsonDocument.Parse(json).RootElement);
        Assert.Multiple(() =>
        {
            Assert.That(answer.GetProperty("code").GetInt32(), Is.EqualTo(code), answer.ToString());
            Assert.That(answer.GetProperty("msg").GetString(), Does.Contain(named));
            Assert.That(answer.GetProperty("data").ValueKind, Is.EqualTo(JsonValueKind.Null));
            Assert.That(_api.Fake.State.Counters.Get(FakeSunoEndpoints.Stems), Is.EqualTo(before));
        });
    }

    [Test]
    public async Task Split_stem_says_it_is_not_supported_yet()
    {
        var answer = await PostAsync(Client, Route, new { taskId = _songTaskId, audioId = _clips[0].GetProperty("id").GetString(), callBackUrl = _receiver.Url("/bad"), type = "split_stem" });
        Assert.That(answer.GetProperty("msg").GetString(), Does.Contain("not supported yet"), answer.ToString());
    }

    [Test]
    public async Task A_clip_that_is_not_complete_yet_is_refused_before_Suno()
    {
        var songId = await SubmitOkAsync(Client, "/api/v1/generate", new
        {
            prompt = "still cooking", customMode = false, instrumental = false, model = "V4_5", callBackUrl = _receiver.Url("/pending"),
        });
        var record = (await GetAsync(Client, $"/api/v1/generate/record-info?taskId={songId}")).GetProperty("data");
        var clipId = record.GetProperty("response").GetProperty("sunoData")[0].GetProperty("id").GetString();
        var before = _api.Fake.State.Counters.Get(FakeSunoEndpoints.Stems);
        var answer = await PostAsync(Client, Route, new { taskId = songId, audioId = clipId, callBackUrl = _receiver.Url("/bad") });
        Assert.That(answer.GetProperty("code").GetInt32(), Is.EqualTo(400), answer.ToString());
        Assert.That(answer.GetProperty("msg").GetString(), Does.Contain("complete"));
        Assert.That(_api.Fake.State.Counters.Get(FakeSunoEndpoints.Stems), Is.EqualTo(before));
    }

    [Test]
    public async Task Another_tenants_task_is_unknown()
    {
        var other = _api.Fake.State.AddAccount(new FakeAccountSpec { Credits = 500 });
        var before = _api.Fake.State.Counters.Get(FakeSunoEndpoints.Stems);
        var answer = await PostAsync(Client, Route, new { taskId = _songTaskId, audioId = _clips[0].GetProperty("id").GetString(), callBackUrl = _receiver.Url("/bad") }, cookie: other.Cookie);
        Assert.That(answer.GetProperty("code").GetInt32(), Is.EqualTo(404), answer.ToString());
        Assert.That(_api.Fake.State.Counters.Get(FakeSunoEndpoints.Stems), Is.EqualTo(before));
    }

    [Test]
    public async Task Suno_out_of_credits_on_the_split_is_code_429()
    {
        _api.Fake.State.Faults.RefuseNext(1, 402, "Insufficient credits.", FakeSunoEndpoints.Stems);
        var answer = await PostAsync(Client, Route, new { taskId = _songTaskId, audioId = _clips[0].GetProperty("id").GetString(), callBackUrl = _receiver.Url("/broke") });
        Assert.That(answer.GetProperty("code").GetInt32(), Is.EqualTo(429), answer.ToString());
    }
}
