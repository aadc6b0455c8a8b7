using Suno.Domain.Clips;
using Suno.Domain.Common;
using Suno.Domain.Tasks;

namespace Suno.Domain.UnitTests.Tasks;

/// <summary>The task timeout counts from the submit time, and a task that timed out may still end as SUCCESS.</summary>
public class SunoTaskTimeoutTests
{
    private static readonly DateTime T0 = new(2026, 11, 22, 10, 0, 0, DateTimeKind.Utc);
    private static readonly TimeSpan Timeout = TimeSpan.FromMinutes(10);

    private static SunoTask Submitted(DateTime submittedAt)
    {
        var task = SunoTask.Create(Guid.NewGuid().ToString(), TaskAction.Music, """{"prompt":"x"}""", T0);
        task.MarkSubmitted([ClipSnapshots.Of("a", ClipStatus.Submitted), ClipSnapshots.Of("b", ClipStatus.Submitted)], submittedAt);
        return task;
    }

    private static SunoTask TimedOut()
    {
        var task = Submitted(T0);
        task.Fail(SunoTask.TimeOutReason, T0 + Timeout);
        return task;
    }

    [Test]
    public void The_timeout_counts_from_the_submit_time_not_the_creation()
    {
        var task = Submitted(T0.AddMinutes(4));
        Assert.Multiple(() =>
        {
            Assert.That(task.IsPastTimeout(T0.AddMinutes(13), Timeout), Is.False, "13 minutes after creation, 9 after Suno accepted it");
            Assert.That(task.IsPastTimeout(T0.AddMinutes(14), Timeout), Is.True);
        });
    }

    [Test]
    public void A_task_not_yet_submitted_counts_from_its_creation()
    {
        var task = SunoTask.Create("t", TaskAction.Music, "{}", T0);
        Assert.That(task.IsPastTimeout(T0 + Timeout, Timeout), Is.True);
    }

    [Test]
    public void Recovery_is_allowed_only_from_a_time_out_failure_to_success()
    {
        foreach (var from in Enum.GetValues<SunoTaskStatus>())
        {
            foreach (var to in Enum.GetValues<SunoTaskStatus>())
            {
                Assert.That(SunoTask.CanRecover(from, SunoTask.TimeOutReason, to), Is.EqualTo(from == SunoTaskStatus.Failure && to == SunoTaskStatus.Success), $"{from} -> {to}");
                Assert.That(SunoTask.CanRecover(from, "Suno reported the clip as failed.", to), Is.False, $"{from} -> {to} for another reason");
            }
        }
    }

    [Test]
    public void A_timed_out_task_whose_clips_complete_late_becomes_success()
    {
        var task = TimedOut();
        var late = T0 + Timeout + TimeSpan.FromMinutes(3);
        task.ApplyLateClips([ClipSnapshots.Of("a", ClipStatus.Complete), ClipSnapshots.Of("b", ClipStatus.Complete)], late);
        Assert.Multiple(() =>
        {
            Assert.That(task.Status, Is.EqualTo(SunoTaskStatus.Success));
            Assert.That(task.FailReason, Is.Null);
            Assert.That(task.Progress, Is.EqualTo(100));
            Assert.That(task.FinishTime, Is.EqualTo(late));
            Assert.That(task.Clips.Select(c => c.Status), Is.All.EqualTo(ClipStatus.Complete));
        });
    }

    [Test]
    public void A_timed_out_task_with_clips_still_running_or_failed_stays_failed_but_its_clips_update()
    {
        var task = TimedOut();
        var late = T0 + Timeout + TimeSpan.FromMinutes(1);
        task.ApplyLateClips([ClipSnapshots.Of("a", ClipStatus.Complete), ClipSnapshots.Of("b", ClipStatus.Streaming)], late);
        Assert.That(task.Status, Is.EqualTo(SunoTaskStatus.Failure));
        Assert.That(task.FailReason, Is.EqualTo(SunoTask.TimeOutReason));
        Assert.That(task.Clips.Select(c => c.Status), Is.EqualTo(new[] { ClipStatus.Complete, ClipStatus.Streaming }));
        Assert.That(task.UpdatedAt, Is.EqualTo(late));

        task.ApplyLateClips([ClipSnapshots.Of("b", ClipStatus.Error, "boom")], late.AddMinutes(1));
        Assert.That(task.Status, Is.EqualTo(SunoTaskStatus.Failure), "an error clip does not make a late success");
    }

    [Test]
    public void Late_clips_are_refused_for_any_task_that_did_not_time_out()
    {
        var failed = Submitted(T0);
        failed.Fail("Suno reported the clip as failed.", T0.AddMinutes(1));
        var running = Submitted(T0);
        var done = Submitted(T0);
        done.ApplyClips([ClipSnapshots.Of("a", ClipStatus.Complete), ClipSnapshots.Of("b", ClipStatus.Complete)], T0.AddMinutes(2));
        var complete = new[] { ClipSnapshots.Of("a", ClipStatus.Complete), ClipSnapshots.Of("b", ClipStatus.Complete) };
        Assert.Multiple(() =>
        {
            Assert.That(() => failed.ApplyLateClips(complete, T0.AddMinutes(3)), Throws.InstanceOf<DomainException>());
            Assert.That(() => running.ApplyLateClips(complete, T0.AddMinutes(3)), Throws.InstanceOf<DomainException>());
            Assert.That(() => done.ApplyLateClips(complete, T0.AddMinutes(3)), Throws.InstanceOf<DomainException>());
        });
        Assert.That(failed.Status, Is.EqualTo(SunoTaskStatus.Failure));
    }
}
