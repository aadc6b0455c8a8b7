using System.Text.Json;
using Suno.FakeUpstream;
using Suno.Infrastructure.Persistence;
using Suno.WebApi.FunctionalTests.Support;
using Suno.WebApi.FunctionalTests.Tasks;
using static Suno.WebApi.FunctionalTests.Gcui.GcuiApi;

namespace Suno.WebApi.FunctionalTests.Tenancy;

/// <summary>
/// The isolation matrix: B makes clips and tasks with its own cookie; the pool (no cookie), A's cookie and C's cookie
/// then call every route that names them. Each answers exactly as for ids that do not exist, nothing that names B's
/// clips reaches Suno, and B's account is not touched at all.
/// </summary>
[TestFixture(DatabaseProvider.Sqlite)]
[TestFixture(DatabaseProvider.Postgres)]
[TestFixture(DatabaseProvider.SqlServer)]
[NonParallelizable]
public sealed class TenantIsolationTests(DatabaseProvider provider)
{
    private const string UnknownClip = "00000000-0000-4000-8000-000000000000";
    private const string UnknownTask = "11111111-1111-4111-8111-111111111111";

    private TaskApiGateway _gateway = null!;
    private FakeAccount _b = null!;
    private FakeAccount _c = null!;
    private string[] _bClips = [];
    private string _bMusicTask = string.Empty;
    private string _bLyricsTask = string.Empty;

    public static IEnumerable<string> Strangers => ["pool", "A", "C"];

    private HttpClient Client => _gateway.Client;

    [OneTimeSetUp]
    public async Task BMakesClipsAndTasksAsync()
    {
        _gateway = await TaskApiGateway.StartAsync(provider);
        _b = _gateway.Fake.State.AddAccount(new FakeAccountSpec { Credits = 500 });
        _c = _gateway.Fake.State.AddAccount(new FakeAccountSpec { Credits = 500 });

        _bClips = IdsOf(await PostOkAsync(Client, "/api/generate", new { prompt = "B's own song" }, _b.Cookie));
        var (music, musicBody) = await PostAsync(Client, "/suno/submit/music", new { gpt_description_prompt = "B's task" }, _b.Cookie);
        Assert.That((int)music.StatusCode, Is.EqualTo(200), musicBody.ToString());
        _bMusicTask = musicBody.GetProperty("data").GetString()!;
        var (lyrics, lyricsBody) = await PostAsync(Client, "/suno/submit/lyrics", new { prompt = "B's lyrics" }, _b.Cookie);
        Assert.That((int)lyrics.StatusCode, Is.EqualTo(200), lyricsBody.ToString());
        _bLyricsTask = lyricsBody.GetProperty("data").GetString()!;

        // Everything of B's ends first, so the engine stops polling B's account and its counters stand still.
        foreach (var task in new[] { _bMusicTask, _bLyricsTask })
        {
            await Eventually.AssertAsync(
                async () => (await GetOkAsync(Client, $"/suno/fetch/{task}", _b.Cookie)).GetProperty("data").ValueKind != JsonValueKind.Null
                            && await StatusAsync(task, _b.Cookie) is "SUCCESS" or "FAILURE",
                $"B's task {task} ends",
                TimeSpan.FromSeconds(30));
        }

        await Eventually.AssertAsync(
            async () => (await GetOkAsync(Client, "/api/get?ids=" + string.Join(',', _bClips), _b.Cookie)).EnumerateArray()
                .All(c => c.GetProperty("status").GetString() == "complete"),
            "B's gcui clips complete",
            TimeSpan.FromSeconds(30));
    }

    [OneTimeTearDown]
    public async Task StopAsync()
    {
        if (_gateway is not null) // null when the fixture was skipped (SQL Server without TEST_SQLSERVER)
        {
            await _gateway.DisposeAsync();
        }
    }

    [TestCaseSource(nameof(Strangers))]
    public async Task Reads_of_Bs_ids_answer_as_for_unknown_ids_and_leave_Bs_account_untouched(string stranger)
    {
        var cookie = CookieOf(stranger);
        var untouched = _gateway.Fake.State.Counters.ForAccount(_b);

        await AssertSameAsync(cookie, "/api/get?ids=" + string.Join(',', _bClips), "/api/get?ids=" + UnknownClip);
        var clips = await GetOkAsync(Client, "/api/get?ids=" + string.Join(',', _bClips), cookie);
        Assert.That(clips.GetArrayLength(), Is.Zero, "B's clips are not shown to " + stranger);
        await AssertSameAsync(cookie, $"/api/clip?id={_bClips[0]}", $"/api/clip?id={UnknownClip}", _bClips[0], UnknownClip);
        await AssertSameAsync(cookie, $"/api/get_aligned_lyrics?song_id={_bClips[0]}", $"/api/get_aligned_lyrics?song_id={UnknownClip}", _bClips[0], UnknownClip);
        await AssertSameAsync(cookie, $"/suno/fetch/{_bMusicTask}", $"/suno/fetch/{UnknownTask}", _bMusicTask, UnknownTask);
        await AssertSameAsync(cookie, $"/suno/fetch/{_bLyricsTask}", $"/suno/fetch/{UnknownTask}", _bLyricsTask, UnknownTask);

        var (fetched, many) = await PostAsync(Client, "/suno/fetch", new { ids = new[] { _bMusicTask, _bLyricsTask } }, cookie);
        Assert.That((int)fetched.StatusCode, Is.EqualTo(200), many.ToString());
        Assert.That(many.GetProperty("data").GetArrayLength(), Is.Zero, "POST /suno/fetch skips B's tasks as unknown ones");

        Assert.That(_gateway.Fake.State.Counters.ForAccount(_b), Is.EqualTo(untouched), "no call was made as B");
    }

    [TestCaseSource(nameof(Strangers))]
    public async Task Edits_of_Bs_clips_are_404_and_nothing_reaches_Suno(string stranger)
    {
        var cookie = CookieOf(stranger);
        var counters = _gateway.Fake.State.Counters;
        var untouched = counters.ForAccount(_b);
        var made = (counters.Get(FakeSunoEndpoints.Generate), counters.Get(FakeSunoEndpoints.Concat), counters.Get(FakeSunoEndpoints.Stems));

        var (extend, extendBody) = await PostAsync(Client, "/api/extend_audio", new { audio_id = _bClips[0], continue_at = 10 }, cookie);
        AssertError(extend, extendBody, 404, contains: _bClips[0]);
        var (concat, concatBody) = await PostAsync(Client, "/api/concat", new { clip_id = _bClips[0] }, cookie);
        AssertError(concat, concatBody, 404, contains: _bClips[0]);
        var (stems, stemsBody) = await PostAsync(Client, "/api/generate_stems", new { audio_id = _bClips[0] }, cookie);
        AssertError(stems, stemsBody, 404, contains: _bClips[0]);

        // The task API's continuation names B's task: the same 400 as a task that does not exist.
        var (own, ownBody) = await PostAsync(Client, "/suno/submit/music", new { prompt = "more", task_id = _bMusicTask, continue_clip_id = _bClips[0] }, cookie);
        var (none, noneBody) = await PostAsync(Client, "/suno/submit/music", new { prompt = "more", task_id = UnknownTask, continue_clip_id = _bClips[0] }, cookie);
        Assert.That((int)own.StatusCode, Is.EqualTo(400), ownBody.ToString());
        Assert.That((int)none.StatusCode, Is.EqualTo(400), noneBody.ToString());
        Assert.That(ownBody.ToString().Replace(_bMusicTask, "ID", StringComparison.Ordinal), Is.EqualTo(noneBody.ToString().Replace(UnknownTask, "ID", StringComparison.Ordinal)));

        Assert.That((counters.Get(FakeSunoEndpoints.Generate), counters.Get(FakeSunoEndpoints.Concat), counters.Get(FakeSunoEndpoints.Stems)), Is.EqualTo(made),
            "nothing was sent to Suno");
        Assert.That(counters.ForAccount(_b), Is.EqualTo(untouched), "no call was made as B");
    }

    [Test]
    public async Task B_itself_still_reads_its_tasks_and_clips()
    {
        Assert.That(IdsOf(await GetOkAsync(Client, "/api/get?ids=" + string.Join(',', _bClips), _b.Cookie)), Is.EqualTo(_bClips));
        Assert.That(await StatusAsync(_bMusicTask, _b.Cookie), Is.EqualTo("SUCCESS"));
        var lyrics = await GetOkAsync(Client, $"/suno/fetch/{_bLyricsTask}", _b.Cookie);
        Assert.That(lyrics.GetProperty("data").GetProperty("text").GetString(), Is.Not.Empty);
    }

    [Test]
    public async Task A_rotated_session_cookie_is_still_the_same_tenant_and_account()
    {
        var d = _gateway.Fake.State.AddAccount(new FakeAccountSpec { Credits = 500 });
        var first = d.Cookie + "; __session=eyJfirst.session.jwt; _ga=GA1.1.1";
        var second = d.Cookie + "; __session=eyJsecond.session.jwt; _ga=GA1.1.2";

        var (response, body) = await PostAsync(Client, "/suno/submit/lyrics", new { prompt = "one person, two cookies" }, first);
        Assert.That((int)response.StatusCode, Is.EqualTo(200), body.ToString());
        var task = body.GetProperty("data").GetString()!;
        Assert.That(await StatusAsync(task, second), Is.Not.Null, "the task is visible with the rotated cookie");
        await GetOkAsync(Client, "/api/get_limit", second);

        Assert.That(_gateway.Fake.State.Counters.TokenExchanges(d), Is.EqualTo(1), "one account, one token exchange");
    }

    private string? CookieOf(string stranger) => stranger switch
    {
        "A" => _gateway.Account.Cookie,
        "C" => _c.Cookie,
        _ => null,
    };

    private async Task<string?> StatusAsync(string taskId, string? cookie)
    {
        var (response, body) = await PostAsync(Client, "/suno/fetch", new { ids = new[] { taskId } }, cookie);
        Assert.That((int)response.StatusCode, Is.EqualTo(200), body.ToString());
        var data = body.GetProperty("data");
        return data.GetArrayLength() == 0 ? null : data[0].GetProperty("status").GetString();
    }

    /// <summary>Both paths answer alike: the same status and, with each id replaced by a placeholder, the same body.</summary>
    private async Task AssertSameAsync(string? cookie, string path, string unknownPath, string? id = null, string? unknownId = null)
    {
        var (response, body) = await GetAsync(Client, path, cookie);
        var (unknown, unknownBody) = await GetAsync(Client, unknownPath, cookie);
        Assert.That((int)response.StatusCode, Is.EqualTo((int)unknown.StatusCode), $"{path}: {body}");
        var text = id is null ? body.ToString() : body.ToString().Replace(id, "ID", StringComparison.Ordinal);
        var unknownText = unknownId is null ? unknownBody.ToString() : unknownBody.ToString().Replace(unknownId, "ID", StringComparison.Ordinal);
        Assert.That(text, Is.EqualTo(unknownText), path);
    }
}
