using System.Text.Json;
using Suno.Application.Callbacks;
using Suno.Application.Tasks.Commands.SubmitStems;
using Suno.Application.Tasks.Common;
using Suno.Application.Tasks.Engine;
using Suno.Application.Tasks.Hosted;

namespace Suno.Application.UnitTests.Tasks;

[TestFixture]
public sealed class HostedVocalRemovalTests
{
    private static ClipDto Stem(string id, string title, string status = "complete") =>
        new() { Id = id, Status = status, Title = title, AudioUrl = $"https://cdn.example/{id}.mp3", RawJson = "{}" };

    private static TaskDto Task(string status, params ClipDto[] clips) => new()
    {
        TaskId = "t1",
        Action = HostedVocalRemoval.Action,
        Status = status,
        Progress = "100%",
        Clips = clips,
        Parameters = new StemsWork("c1", "song", 1, "https://cdn.example/c1.mp3").ToJson(),
        FailReason = status == "FAILURE" ? "Suno could not split it" : null,
    };

    [Test]
    public void The_stems_are_told_apart_by_their_title_whatever_their_order()
    {
        var urls = HostedVocalRemoval.UrlsOf(Task("SUCCESS", Stem("i", "Song (Instrumental)"), Stem("v", "Song (Vocals)")));
        Assert.That(urls, Is.EqualTo(new VocalRemovalUrls("https://cdn.example/c1.mp3", "https://cdn.example/v.mp3", "https://cdn.example/i.mp3")));
    }

    [Test]
    public void Without_suffixes_the_first_stem_is_the_vocals_and_a_running_stem_has_no_url()
    {
        var urls = HostedVocalRemoval.UrlsOf(Task("IN_PROGRESS", Stem("a", "Song"), Stem("b", "Song", "streaming")));
        Assert.That(urls, Is.EqualTo(new VocalRemovalUrls("https://cdn.example/c1.mp3", "https://cdn.example/a.mp3", null)));
    }

    [TestCase("IN_PROGRESS", true, "PENDING")]
    [TestCase("SUCCESS", true, "SUCCESS")]
    [TestCase("FAILURE", true, "GENERATE_AUDIO_FAILED")]
    [TestCase("FAILURE", false, "CREATE_TASK_FAILED")]
    public void The_success_flag_follows_the_task(string status, bool withClips, string flag)
    {
        var task = withClips ? Task(status, Stem("v", "S (Vocals)"), Stem("i", "S (Instrumental)")) : Task(status);
        Assert.That(HostedVocalRemoval.SuccessFlagOf(task), Is.EqualTo(flag));
        Assert.That(HostedVocalRemoval.SuccessFlagOf(task with { CallbackError = "given up" }), Is.EqualTo("CALLBACK_EXCEPTION"));
    }

    [Test]
    public void The_callback_is_one_stage_with_the_documented_body()
    {
        var done = Task("SUCCESS", Stem("v", "S (Vocals)"), Stem("i", "S (Instrumental)"));
        Assert.That(CallbackStager.StagesOf(done).Select(s => s.Stage), Is.EqualTo(new[] { CallbackStager.Complete }));
        var body = JsonDocument.Parse(CallbackStager.PayloadOf(done, CallbackStager.Complete)).RootElement;
        var info = body.GetProperty("data").GetProperty("vocal_removal_info");
        Assert.Multiple(() =>
        {
            Assert.That(body.GetProperty("code").GetInt32(), Is.EqualTo(200));
            Assert.That(body.GetProperty("data").GetProperty("task_id").GetString(), Is.EqualTo("t1"));
            Assert.That(info.GetProperty("origin_url").GetString(), Is.EqualTo("https://cdn.example/c1.mp3"));
            Assert.That(info.GetProperty("vocal_url").GetString(), Is.EqualTo("https://cdn.example/v.mp3"));
            Assert.That(info.GetProperty("instrumental_url").GetString(), Is.EqualTo("https://cdn.example/i.mp3"));
        });

        var failed = Task("FAILURE", Stem("v", "S (Vocals)"));
        Assert.That(CallbackStager.StagesOf(failed).Select(s => s.Stage), Is.EqualTo(new[] { CallbackStager.Error }));
        var error = JsonDocument.Parse(CallbackStager.PayloadOf(failed, CallbackStager.Error)).RootElement;
        Assert.That(error.GetProperty("code").GetInt32(), Is.EqualTo(501));
        Assert.That(error.GetProperty("msg").GetString(), Is.EqualTo("Suno could not split it"));
        Assert.That(error.GetProperty("data").GetProperty("vocal_removal_info").ValueKind, Is.EqualTo(JsonValueKind.Null));
    }

    [Test]
    public void The_stored_split_reads_back()
    {
        var work = new StemsWork("c1", "song", 1, "https://cdn.example/c1.mp3");
        Assert.That(work.ToJson(), Does.Contain("\"clip_id\":\"c1\"").And.Contain("\"music_index\":1"));
        Assert.That(SubmittedWork.ReadStems(work.ToJson()), Is.EqualTo(work));
        Assert.That(SubmitStemsCommand.SplitStem, Is.EqualTo("split_stem"));
    }
}
