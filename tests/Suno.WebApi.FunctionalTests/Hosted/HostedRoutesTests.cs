using System.Text.Json;
using Suno.FakeUpstream;
using Suno.Infrastructure.Persistence;
using Suno.WebApi.FunctionalTests.Support;
using Suno.WebApi.FunctionalTests.Tasks;
using static Suno.WebApi.FunctionalTests.Hosted.HostedApi;

namespace Suno.WebApi.FunctionalTests.Hosted;

/// <summary>The hosted family (/api/v1/*) end to end against the fake Suno: submissions, record-info, credits, errors.</summary>
[TestFixture(DatabaseProvider.Sqlite)]
[TestFixture(DatabaseProvider.Postgres)]
[TestFixture(DatabaseProvider.SqlServer)]
public sealed class HostedRoutesTests(DatabaseProvider provider)
{
    private const string Callback = "http://127.0.0.1:9/callback";
    private TaskApiGateway _api = null!;

    private HttpClient Client => _api.Client;

    [OneTimeSetUp]
    public async Task Start() => _api = await TaskApiGateway.StartAsync(provider, settings: new Dictionary<string, string?> { ["Network:AllowLoopbackTargets"] = "true" });

    [OneTimeTearDown]
    public async Task Stop()
    {
        if (_api is not null) // null when the fixture was skipped (SQL Server without TEST_SQLSERVER)
        {
            await _api.DisposeAsync();
        }
    }

    [Test]
    public async Task Description_mode_runs_through_record_info_to_success_with_both_clip_forms()
    {
        var taskId = await SubmitOkAsync(Client, "/api/v1/generate", new
        {
            prompt = "A peaceful acoustic guitar melody with soft vocals, folk style",
            customMode = false,
            instrumental = false,
            model = "V3_5",
            callBackUrl = Callback,
        });

        var seen = new List<string>();
        JsonElement data = default;
        await Eventually.AssertAsync(
            async () =>
            {
                data = (await GetAsync(Client, $"/api/v1/generate/record-info?taskId={taskId}")).GetProperty("data");
                var status = data.GetProperty("status").GetString()!;
                if (seen.Count == 0 || seen[^1] != status)
                {
                    seen.Add(status);
                }

                return status is "SUCCESS" or "GENERATE_AUDIO_FAILED" or "CREATE_TASK_FAILED";
            },
            "the task ends",
            TimeSpan.FromSeconds(30));

        Assert.That(seen[^1], Is.EqualTo("SUCCESS"), data.ToString());
        var order = new[] { "PENDING", "TEXT_SUCCESS", "FIRST_SUCCESS", "SUCCESS" };
        Assert.That(seen.Select(s => Array.IndexOf(order, s)), Is.Ordered.And.All.GreaterThanOrEqualTo(0), string.Join(",", seen));
        var param = JsonDocument.Parse(data.GetProperty("param").GetString()!).RootElement;
        Assert.Multiple(() =>
        {
            Assert.That(data.GetProperty("taskId").GetString(), Is.EqualTo(taskId));
            Assert.That(data.GetProperty("type").GetString(), Is.EqualTo("GENERATE"));
            Assert.That(data.GetProperty("parentMusicId").GetString(), Is.Empty);
            Assert.That(param.GetProperty("model").GetString(), Is.EqualTo("V3_5"));
            Assert.That(param.GetProperty("customMode").GetBoolean(), Is.False);
            Assert.That(param.GetProperty("callBackUrl").GetString(), Is.EqualTo(Callback));
        });
        var camel = data.GetProperty("response").GetProperty("sunoData");
        var snake = data.GetProperty("response").GetProperty("data");
        Assert.That(camel.GetArrayLength(), Is.EqualTo(2));
        Assert.That(snake.GetArrayLength(), Is.EqualTo(2));
        for (var i = 0; i < 2; i++)
        {
            Assert.Multiple(() =>
            {
                Assert.That(camel[i].GetProperty("audioUrl").GetString(), Does.EndWith(".mp3"));
                Assert.That(snake[i].GetProperty("audio_url").GetString(), Is.EqualTo(camel[i].GetProperty("audioUrl").GetString()));
                Assert.That(snake[i].GetProperty("id").GetString(), Is.EqualTo(camel[i].GetProperty("id").GetString()));
                Assert.That(camel[i].GetProperty("duration").GetDouble(), Is.GreaterThan(0));
                Assert.That(camel[i].GetProperty("createTime").GetString(), Does.Match(@"^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d$"));
            });
        }

        // The same task is visible through /suno/fetch, as every family's tasks are.
        var task = await _api.TaskAsync(taskId);
        Assert.That(task.GetProperty("status").GetString(), Is.EqualTo("SUCCESS"));
    }

    [Test]
    public async Task Custom_mode_sends_lyrics_style_title_and_vocal_gender_upstream_and_extend_continues_a_clip()
    {
        var taskId = await SubmitOkAsync(Client, "/api/v1/generate", new
        {
            prompt = "[Verse]\nRoads unwind",
            customMode = true,
            instrumental = false,
            model = "V4_5",
            style = "Folk Pop",
            title = "Adventure Song",
            vocalGender = "f",
            callBackUrl = Callback,
        });
        var done = await WaitForAsync(Client, taskId, "generate", "SUCCESS");
        var clip = done.GetProperty("response").GetProperty("sunoData")[0];
        Assert.Multiple(() =>
        {
            Assert.That(clip.GetProperty("title").GetString(), Is.EqualTo("Adventure Song"));
            Assert.That(clip.GetProperty("tags").GetString(), Is.EqualTo("Folk Pop, female vocals"));
            Assert.That(clip.GetProperty("prompt").GetString(), Is.EqualTo("[Verse]\nRoads unwind"));
        });
        var audioId = clip.GetProperty("id").GetString()!;
        var duration = clip.GetProperty("duration").GetDouble();

        var beyond = await PostAsync(Client, "/api/v1/generate/extend", new
        {
            audioId, defaultParamFlag = true, prompt = "outro", style = "Folk", title = "Longer", continueAt = duration + 5, model = "V4_5", callBackUrl = Callback,
        });
        Assert.That(beyond.GetProperty("code").GetInt32(), Is.EqualTo(400), beyond.ToString());
        Assert.That(beyond.GetProperty("msg").GetString(), Does.Contain("continueAt"));

        var extendId = await SubmitOkAsync(Client, "/api/v1/generate/extend", new
        {
            audioId, defaultParamFlag = false, model = "V4_5", callBackUrl = Callback,
        });
        var extended = await WaitForAsync(Client, extendId, "generate", "SUCCESS", "GENERATE_AUDIO_FAILED");
        Assert.Multiple(() =>
        {
            Assert.That(extended.GetProperty("status").GetString(), Is.EqualTo("SUCCESS"), extended.ToString());
            Assert.That(extended.GetProperty("type").GetString(), Is.EqualTo("EXTEND"));
            Assert.That(extended.GetProperty("parentMusicId").GetString(), Is.EqualTo(audioId));
            Assert.That(extended.GetProperty("response").GetProperty("sunoData")[0].GetProperty("title").GetString(), Is.EqualTo("Adventure Song"), "defaultParamFlag false inherits the title");
        });
    }

    [Test]
    public async Task Lyrics_are_written_and_read_through_both_record_info_routes()
    {
        var taskId = await SubmitOkAsync(Client, "/api/v1/lyrics", new { prompt = "A song about adventure and discovery", callBackUrl = Callback });
        var data = await WaitForAsync(Client, taskId, "lyrics", "SUCCESS", "GENERATE_LYRICS_FAILED");
        Assert.That(data.GetProperty("status").GetString(), Is.EqualTo("SUCCESS"), data.ToString());
        Assert.That(data.GetProperty("type").GetString(), Is.EqualTo("LYRICS"));
        var item = data.GetProperty("response").GetProperty("data")[0];
        Assert.That(item.GetProperty("text").GetString(), Is.Not.Empty);
        Assert.That(item.GetProperty("status").GetString(), Is.EqualTo("complete"));

        // The seed's sample waits on a lyrics task with /generate/record-info and reads response.data[0].text.
        var viaGenerate = (await GetAsync(Client, $"/api/v1/generate/record-info?taskId={taskId}")).GetProperty("data");
        Assert.That(viaGenerate.GetProperty("response").GetProperty("data")[0].GetProperty("text").GetString(), Is.EqualTo(item.GetProperty("text").GetString()));
    }

    [Test]
    public async Task Credits_are_the_accounts_in_both_shapes()
    {
        var credit = await GetAsync(Client, "/api/v1/generate/credit");
        var credits = await GetAsync(Client, "/api/v1/get-credits");
        Assert.Multiple(() =>
        {
            Assert.That(credit.GetProperty("code").GetInt32(), Is.EqualTo(200), credit.ToString());
            Assert.That(credit.GetProperty("data").GetInt32(), Is.EqualTo(_api.Account.Credits));
            Assert.That(credits.GetProperty("data").GetProperty("credits").GetInt32(), Is.EqualTo(_api.Account.Credits));
        });
    }

    private static IEnumerable<TestCaseData> BadGenerations()
    {
        object Body(string? prompt = "x", bool? customMode = false, bool? instrumental = false, string? model = "V4", string? callBackUrl = Callback, string? style = null, string? title = null) =>
            new { prompt, customMode, instrumental, model, callBackUrl, style, title };
        yield return new TestCaseData(Body(customMode: null), 400, "customMode").SetName("customMode missing");
        yield return new TestCaseData(Body(instrumental: null), 400, "instrumental").SetName("instrumental missing");
        yield return new TestCaseData(Body(model: null), 400, "model").SetName("model missing");
        yield return new TestCaseData(Body(model: "chirp-v4"), 400, "model").SetName("model not a hosted name");
        yield return new TestCaseData(Body(callBackUrl: null), 400, "callBackUrl").SetName("callBackUrl missing");
        yield return new TestCaseData(Body(callBackUrl: "ftp://example.com/x"), 400, "callBackUrl").SetName("callBackUrl not http");
        yield return new TestCaseData(Body(prompt: null), 400, "prompt").SetName("description missing");
        yield return new TestCaseData(Body(prompt: new string('a', 501)), 413, "prompt").SetName("description over 500");
        yield return new TestCaseData(Body(customMode: true, title: "t"), 400, "style").SetName("custom without style");
        yield return new TestCaseData(Body(customMode: true, style: "s"), 400, "title").SetName("custom without title");
        yield return new TestCaseData(Body(prompt: null, customMode: true, style: "s", title: "t"), 400, "prompt").SetName("custom vocal without lyrics");
        yield return new TestCaseData(Body(prompt: new string('a', 3001), customMode: true, style: "s", title: "t"), 413, "3000").SetName("V4 lyrics over 3000");
        yield return new TestCaseData(Body(customMode: true, style: new string('s', 201), title: "t"), 413, "style").SetName("V4 style over 200");
        yield return new TestCaseData(Body(customMode: true, style: "s", title: new string('t', 81)), 413, "title").SetName("V4 title over 80");
        yield return new TestCaseData(Body(model: "V4_5", customMode: true, style: "s", title: new string('t', 101)), 413, "100").SetName("V4_5 title over 100");
    }

    [TestCaseSource(nameof(BadGenerations))]
    public async Task A_bad_generation_is_refused_naming_the_field_and_never_reaches_Suno(object body, int code, string named)
    {
        var before = _api.Fake.State.Counters.Get(FakeSunoEndpoints.Generate);
        var json = await PostAsync(Client, "/api/v1/generate", body);
        Assert.Multiple(() =>
        {
            Assert.That(json.GetProperty("code").GetInt32(), Is.EqualTo(code), json.ToString());
            Assert.That(json.GetProperty("msg").GetString(), Does.Contain(named));
            Assert.That(json.GetProperty("data").ValueKind, Is.EqualTo(JsonValueKind.Null));
            Assert.That(_api.Fake.State.Counters.Get(FakeSunoEndpoints.Generate), Is.EqualTo(before));
        });
    }

    [Test]
    public async Task Instrumental_custom_mode_needs_no_lyrics()
    {
        var taskId = await SubmitOkAsync(Client, "/api/v1/generate", new
        {
            customMode = true, instrumental = true, model = "V5", style = "ambient", title = "Quiet", callBackUrl = Callback,
        });
        Assert.That(taskId, Is.Not.Empty);
    }

    [Test]
    public async Task Unknown_task_unknown_route_and_missing_task_id_answer_in_the_hosted_envelope()
    {
        var unknown = await GetAsync(Client, $"/api/v1/generate/record-info?taskId={Guid.NewGuid()}");
        var missing = await GetAsync(Client, "/api/v1/generate/record-info");
        var route = await GetAsync(Client, "/api/v1/no-such-route");
        var malformed = await PostRawAsync("/api/v1/generate", "{\"customMode\": ");
        Assert.Multiple(() =>
        {
            Assert.That(unknown.GetProperty("code").GetInt32(), Is.EqualTo(404), unknown.ToString());
            Assert.That(missing.GetProperty("code").GetInt32(), Is.EqualTo(400), missing.ToString());
            Assert.That(missing.GetProperty("msg").GetString(), Does.Contain("taskId"));
            Assert.That(route.GetProperty("code").GetInt32(), Is.EqualTo(404), route.ToString());
            Assert.That(route.TryGetProperty("error", out _), Is.False, "gcui's /api envelope does not catch /api/v1");
            Assert.That(malformed.GetProperty("code").GetInt32(), Is.EqualTo(400), malformed.ToString());
        });

        // gcui's own routes keep gcui's envelope.
        using var gcui = await Client.GetAsync("/api/no-such-route");
        var gcuiBody = await gcui.ReadJsonAsync();
        Assert.That(gcuiBody.TryGetProperty("error", out _), Is.True, gcuiBody.ToString());
    }

    [Test]
    public async Task Another_tenants_task_is_unknown()
    {
        var other = _api.Fake.State.AddAccount(new FakeAccountSpec { Credits = 500 });
        var taskId = await SubmitOkAsync(Client, "/api/v1/lyrics", new { prompt = "mine only", callBackUrl = Callback }, cookie: other.Cookie);
        var mine = await GetAsync(Client, $"/api/v1/lyrics/record-info?taskId={taskId}", cookie: other.Cookie);
        var pool = await GetAsync(Client, $"/api/v1/lyrics/record-info?taskId={taskId}");
        Assert.That(mine.GetProperty("code").GetInt32(), Is.EqualTo(200), mine.ToString());
        Assert.That(pool.GetProperty("code").GetInt32(), Is.EqualTo(404), pool.ToString());
    }

    private async Task<JsonElement> PostRawAsync(string path, string json)
    {
        using var response = await Client.PostAsync(path, Json.Body(json));
        return await response.ReadJsonAsync();
    }
}
