using System.Net;
using Microsoft.EntityFrameworkCore;
using Suno.FakeUpstream;
using Suno.WebApi.FunctionalTests.Support;

namespace Suno.WebApi.FunctionalTests.Tasks;

/// <summary>
/// Submissions that take longer than their lease, lost submissions the feed alone can identify (instrumentals,
/// extends without lyrics), and songs Suno finishes after the task timeout.
/// </summary>
public sealed class SlowSubmissionTests
{
    [Test]
    public async Task A_generate_held_past_the_submission_lease_ends_right_once()
    {
        // A one-second lease and a generate that takes four: without renewal the settler would adopt the clips while
        // the call runs, and the submitter's write would then collide with it.
        await using var api = await TaskApiGateway.StartAsync(settings: new Dictionary<string, string?> { ["Tasks:SubmissionGraceSeconds"] = "1" });
        api.Fake.State.Faults.AnswerSlowlyNext(1, TimeSpan.FromSeconds(4), FakeSunoEndpoints.Generate);

        var id = await api.SubmitOkAsync("music", new { gpt_description_prompt = "a song Suno takes its time over" });
        var task = await api.WaitForStatusAsync(id, "SUCCESS", "FAILURE");

        await using var db = api.Gateway.Database.CreateContext();
        var tasks = await db.Tasks.AsNoTracking().Include(t => t.Clips).ToListAsync();
        Assert.Multiple(() =>
        {
            Assert.That(task.GetProperty("status").GetString(), Is.EqualTo("SUCCESS"), task.ToString());
            Assert.That(api.Fake.State.Counters.Get(FakeSunoEndpoints.Generate), Is.EqualTo(1), "generated once");
            Assert.That(tasks, Has.Count.EqualTo(1));
            Assert.That(tasks[0].Clips.Select(c => c.Id), Is.EquivalentTo(api.Fake.State.ClipIdsOf(api.Account)));
        });
    }

    [Test]
    public async Task Lost_instrumental_and_empty_prompt_extend_submissions_are_adopted()
    {
        await using var api = await TaskApiGateway.StartAsync(settings: new Dictionary<string, string?> { ["Tasks:SubmissionGraceSeconds"] = "1" });
        var source = await api.SubmitOkAsync("music", new { gpt_description_prompt = "the song to extend" });
        var sourceTask = await api.WaitForStatusAsync(source, "SUCCESS");
        var sourceClip = sourceTask.GetProperty("data")[0].GetProperty("id").GetString()!;
        var before = api.Fake.State.ClipIdsOf(api.Account).ToHashSet();

        // Suno makes both but the connection drops before the gateway reads the answers.
        api.Fake.State.Faults.DropAfterProcessingNext(2, FakeSunoEndpoints.Generate);
        var (instrumentalResponse, instrumentalBody) = await api.SubmitAsync(
            "music", new { make_instrumental = true, tags = "ambient drone, slow", title = "Tags only" });
        var (extendResponse, extendBody) = await api.SubmitAsync(
            "music", new { prompt = "", title = "Extended", continue_clip_id = sourceClip, continue_at = 12.5, task_id = source });
        using (instrumentalResponse)
        using (extendResponse)
        {
            Assert.That(instrumentalResponse.StatusCode, Is.EqualTo(HttpStatusCode.ServiceUnavailable), instrumentalBody.ToString());
            Assert.That(extendResponse.StatusCode, Is.EqualTo(HttpStatusCode.ServiceUnavailable), extendBody.ToString());
        }

        await using var db = api.Gateway.Database.CreateContext();
        var ids = await db.Tasks.AsNoTracking().Where(t => t.Id != source).Select(t => t.Id).ToListAsync();
        Assert.That(ids, Has.Count.EqualTo(2));
        foreach (var id in ids)
        {
            var settled = await api.WaitForStatusAsync(id, "SUCCESS", "FAILURE");
            Assert.That(settled.GetProperty("status").GetString(), Is.EqualTo("SUCCESS"), settled.ToString());
        }

        var tasks = await db.Tasks.AsNoTracking().Include(t => t.Clips).Where(t => t.Id != source).ToListAsync();
        var made = api.Fake.State.ClipIdsOf(api.Account).Where(c => !before.Contains(c)).ToList();
        var instrumental = tasks.Single(t => t.Parameters.Contains("make_instrumental\":true", StringComparison.Ordinal));
        var extend = tasks.Single(t => t != instrumental);
        Assert.Multiple(() =>
        {
            Assert.That(tasks.SelectMany(t => t.Clips.Select(c => c.Id)), Is.EquivalentTo(made), "each lost submission adopted the clips Suno made for it");
            Assert.That(instrumental.Clips.Select(c => c.Tags), Is.All.EqualTo("ambient drone, slow"));
            Assert.That(extend.Clips.Select(c => c.RawJson), Is.All.Contain(sourceClip), "the extend adopted the clips continuing its source");
            Assert.That(api.Fake.State.Counters.Get(FakeSunoEndpoints.Generate), Is.EqualTo(3), "nothing was sent twice");
        });
    }

    [Test]
    public async Task A_song_Suno_finishes_after_the_task_timeout_is_shown_complete()
    {
        var late = new FakeSunoOptions
        {
            QueuedAfter = TimeSpan.FromSeconds(1),
            StreamingAfter = TimeSpan.FromSeconds(2),
            CompleteAfter = TimeSpan.FromSeconds(15),
        };
        await using var api = await TaskApiGateway.StartAsync(
            fakeOptions: late,
            settings: new Dictionary<string, string?> { ["Tasks:TimeoutSeconds"] = "10", ["Tasks:LateCheckEveryTicks"] = "2" });

        var id = await api.SubmitOkAsync("music", new { gpt_description_prompt = "a song Suno finishes late" });
        var timedOut = await api.WaitForStatusAsync(id, "FAILURE", "SUCCESS");
        Assert.That(timedOut.GetProperty("status").GetString(), Is.EqualTo("FAILURE"), "the task timed out first");
        Assert.That(timedOut.GetProperty("fail_reason").GetString(), Is.EqualTo("time out"));

        var done = await api.WaitForStatusAsync(id, "SUCCESS");
        Assert.Multiple(() =>
        {
            Assert.That(done.GetProperty("fail_reason").GetString(), Is.Empty, "the time-out reason is gone");
            Assert.That(done.GetProperty("data").EnumerateArray().Select(c => c.GetProperty("status").GetString()), Is.All.EqualTo("complete"));
            Assert.That(api.Fake.State.Counters.Get(FakeSunoEndpoints.Generate), Is.EqualTo(1));
        });
    }
}
