using Suno.Domain.Clips;
using Suno.Domain.Common;
using Suno.Domain.Tasks;

namespace Suno.Domain.UnitTests.Tasks;

public class SunoTaskTransitionTests
{
    private static readonly DateTime T0 = new(2026, 11, 22, 10, 0, 0, DateTimeKind.Utc);

    private static SunoTask NewTask(TaskAction action = TaskAction.Music) =>
        SunoTask.Create(Guid.NewGuid().ToString(), action, """{"prompt":"x"}""", T0);

    private static readonly SunoTaskStatus[] AllStatuses = Enum.GetValues<SunoTaskStatus>();

    private static IEnumerable<TestCaseData> AllPairs() =>
        from source in AllStatuses
        from target in AllStatuses
        select new TestCaseData(source, target).SetName($"{source.ToWire()} -> {target.ToWire()}");

    [TestCaseSource(nameof(AllPairs))]
    public void Transition_table(SunoTaskStatus from, SunoTaskStatus to)
    {
        var legal = (from, to) switch
        {
            (SunoTaskStatus.NotStart, SunoTaskStatus.Submitted) => true,
            (SunoTaskStatus.NotStart, SunoTaskStatus.Failure) => true,
            (SunoTaskStatus.Submitted, SunoTaskStatus.Queued or SunoTaskStatus.InProgress or SunoTaskStatus.Success or SunoTaskStatus.Failure) => true,
            (SunoTaskStatus.Queued, SunoTaskStatus.InProgress or SunoTaskStatus.Success or SunoTaskStatus.Failure) => true,
            (SunoTaskStatus.InProgress, SunoTaskStatus.Success or SunoTaskStatus.Failure) => true,
            _ => false,
        };
        Assert.That(SunoTask.CanTransition(from, to), Is.EqualTo(legal));

        var task = TaskIn(from);
        TestDelegate move = to switch
        {
            SunoTaskStatus.Submitted => () => task.MarkSubmitted(["clip-a"], T0.AddSeconds(9)),
            SunoTaskStatus.Queued => () => task.MoveTo(SunoTaskStatus.Queued, T0.AddSeconds(9)),
            SunoTaskStatus.InProgress => () => task.MoveTo(SunoTaskStatus.InProgress, T0.AddSeconds(9)),
            SunoTaskStatus.Success => () => task.MoveTo(SunoTaskStatus.Success, T0.AddSeconds(9)),
            SunoTaskStatus.Failure => () => task.Fail("boom", T0.AddSeconds(9)),
            _ => () => throw new DomainException("there is no way back to NOT_START"),
        };

        if (legal)
        {
            Assert.That(move, Throws.Nothing);
            Assert.That(task.Status, Is.EqualTo(to));
        }
        else
        {
            Assert.That(move, Throws.InstanceOf<DomainException>());
            Assert.That(task.Status, Is.EqualTo(from), "an illegal transition must leave the task unchanged");
        }
    }

    [Test]
    public void A_new_task_is_not_started_with_zero_progress()
    {
        var task = NewTask();
        Assert.Multiple(() =>
        {
            Assert.That(task.Status, Is.EqualTo(SunoTaskStatus.NotStart));
            Assert.That(task.Progress, Is.Zero);
            Assert.That(task.SubmitTime, Is.Null);
            Assert.That(task.CreatedAt, Is.EqualTo(T0));
        });
    }

    [Test]
    public void Submitting_records_the_upstream_ids_and_the_time()
    {
        var task = NewTask();
        task.MarkSubmitted([ClipSnapshots.Of("a", ClipStatus.Submitted), ClipSnapshots.Of("b", ClipStatus.Submitted)], T0.AddSeconds(1));
        Assert.Multiple(() =>
        {
            Assert.That(task.Status, Is.EqualTo(SunoTaskStatus.Submitted));
            Assert.That(task.UpstreamIds, Is.EqualTo(new[] { "a", "b" }));
            Assert.That(task.Clips.Select(c => c.Id), Is.EqualTo(new[] { "a", "b" }));
            Assert.That(task.Clips.Select(c => c.Position), Is.EqualTo(new[] { 0, 1 }));
            Assert.That(task.SubmitTime, Is.EqualTo(T0.AddSeconds(1)));
            Assert.That(task.Progress, Is.EqualTo(10));
        });
    }

    [Test]
    public void Submitting_without_ids_is_refused()
    {
        var task = NewTask();
        Assert.That(() => task.MarkSubmitted(Array.Empty<string>(), T0), Throws.InstanceOf<DomainException>());
        Assert.That(() => task.MarkSubmitted([" "], T0), Throws.InstanceOf<DomainException>());
        Assert.That(task.Status, Is.EqualTo(SunoTaskStatus.NotStart));
    }

    [Test]
    public void Clips_drive_the_task_to_success_with_start_and_finish_times()
    {
        var task = Submitted();
        task.ApplyClips([ClipSnapshots.Of("a", ClipStatus.Queued), ClipSnapshots.Of("b", ClipStatus.Queued)], T0.AddSeconds(2));
        Assert.That(task.Status, Is.EqualTo(SunoTaskStatus.Queued));
        Assert.That(task.StartTime, Is.Null);

        task.ApplyClips([ClipSnapshots.Of("a", ClipStatus.Streaming), ClipSnapshots.Of("b", ClipStatus.Streaming)], T0.AddSeconds(3));
        Assert.That(task.Status, Is.EqualTo(SunoTaskStatus.InProgress));
        Assert.That(task.StartTime, Is.EqualTo(T0.AddSeconds(3)));

        task.ApplyClips([ClipSnapshots.Of("a", ClipStatus.Complete), ClipSnapshots.Of("b", ClipStatus.Complete)], T0.AddSeconds(4));
        Assert.Multiple(() =>
        {
            Assert.That(task.Status, Is.EqualTo(SunoTaskStatus.Success));
            Assert.That(task.FinishTime, Is.EqualTo(T0.AddSeconds(4)));
            Assert.That(task.StartTime, Is.EqualTo(T0.AddSeconds(3)));
            Assert.That(task.Progress, Is.EqualTo(100));
            Assert.That(task.Clips[0].RawJson, Does.Contain("new_upstream_field"));
        });
    }

    [Test]
    public void A_task_that_jumps_straight_to_success_gets_a_start_time()
    {
        var task = Submitted();
        task.ApplyClips([ClipSnapshots.Of("a", ClipStatus.Complete), ClipSnapshots.Of("b", ClipStatus.Complete)], T0.AddSeconds(5));
        Assert.That(task.StartTime, Is.EqualTo(T0.AddSeconds(5)));
        Assert.That(task.FinishTime, Is.EqualTo(T0.AddSeconds(5)));
    }

    [Test]
    public void An_earlier_status_from_upstream_never_moves_the_task_back()
    {
        var task = Submitted();
        task.ApplyClips([ClipSnapshots.Of("a", ClipStatus.Queued), ClipSnapshots.Of("b", ClipStatus.Submitted)], T0.AddSeconds(2));
        Assert.That(task.Status, Is.EqualTo(SunoTaskStatus.Queued));

        task.ApplyClips([ClipSnapshots.Of("a", ClipStatus.Submitted), ClipSnapshots.Of("b", ClipStatus.Queued)], T0.AddSeconds(3));
        Assert.Multiple(() =>
        {
            Assert.That(task.Status, Is.EqualTo(SunoTaskStatus.Queued));
            Assert.That(task.Progress, Is.EqualTo(20));
            Assert.That(task.Clips[0].Status, Is.EqualTo(ClipStatus.Submitted), "the clips themselves are updated");
        });
    }

    [Test]
    public void A_poll_that_changes_nothing_leaves_the_task_untouched()
    {
        var task = Submitted();
        task.ApplyClips([ClipSnapshots.Of("a", ClipStatus.Queued), ClipSnapshots.Of("b", ClipStatus.Queued)], T0.AddSeconds(2));
        task.ApplyClips([ClipSnapshots.Of("a", ClipStatus.Queued), ClipSnapshots.Of("b", ClipStatus.Queued)], T0.AddSeconds(5));
        Assert.That(task.UpdatedAt, Is.EqualTo(T0.AddSeconds(2)));

        task.ApplyClips([ClipSnapshots.Of("a", ClipStatus.Submitted), ClipSnapshots.Of("b", ClipStatus.Queued)], T0.AddSeconds(6));
        Assert.That(task.UpdatedAt, Is.EqualTo(T0.AddSeconds(6)), "a clip changed, even though the task status did not");
    }

    [Test]
    public void A_clip_error_fails_the_task_with_the_clip_message()
    {
        var task = Submitted();
        task.ApplyClips(
            [ClipSnapshots.Of("a", ClipStatus.Error, "Lyrics flagged by moderation"), ClipSnapshots.Of("b", ClipStatus.Complete)],
            T0.AddSeconds(2));
        Assert.Multiple(() =>
        {
            Assert.That(task.Status, Is.EqualTo(SunoTaskStatus.Failure));
            Assert.That(task.FailReason, Is.EqualTo("Lyrics flagged by moderation"));
            Assert.That(task.FinishTime, Is.EqualTo(T0.AddSeconds(2)));
            Assert.That(task.Progress, Is.EqualTo(100));
        });
    }

    [Test]
    public void A_clip_error_without_message_still_explains_the_failure()
    {
        var task = Submitted();
        task.ApplyClips([ClipSnapshots.Of("a", ClipStatus.Error), ClipSnapshots.Of("b", ClipStatus.Error)], T0.AddSeconds(2));
        Assert.That(task.FailReason, Is.Not.Empty);
    }

    [Test]
    public void Clips_of_a_finished_or_unsubmitted_task_cannot_change()
    {
        var notStarted = NewTask();
        Assert.That(
            () => notStarted.ApplyClips([ClipSnapshots.Of("a", ClipStatus.Queued)], T0),
            Throws.InstanceOf<DomainException>());

        var done = Submitted();
        done.Fail(SunoTask.TimeOutReason, T0.AddMinutes(10));
        Assert.That(
            () => done.ApplyClips([ClipSnapshots.Of("a", ClipStatus.Complete)], T0.AddMinutes(11)),
            Throws.InstanceOf<DomainException>());
        Assert.That(done.FailReason, Is.EqualTo("time out"));
    }

    [Test]
    public void Progress_only_increases()
    {
        var task = Submitted();
        var seen = new List<int> { task.Progress };
        foreach (var (a, b) in new[]
                 {
                     (ClipStatus.Queued, ClipStatus.Queued),
                     (ClipStatus.Submitted, ClipStatus.Submitted),
                     (ClipStatus.Streaming, ClipStatus.Queued),
                     (ClipStatus.Queued, ClipStatus.Queued),
                     (ClipStatus.Complete, ClipStatus.Complete),
                 })
        {
            task.ApplyClips([ClipSnapshots.Of("a", a), ClipSnapshots.Of("b", b)], T0.AddSeconds(seen.Count));
            seen.Add(task.Progress);
        }

        Assert.That(seen, Is.Ordered);
        Assert.That(seen[^1], Is.EqualTo(100));
    }

    [Test]
    public void Lyrics_poll_runs_then_completes()
    {
        var task = NewTask(TaskAction.Lyrics);
        task.MarkSubmitted(["lyr-1"], T0);
        task.ApplyLyrics(new LyricsResult("lyr-1", "running", null, null), T0.AddSeconds(1));
        Assert.That(task.Status, Is.EqualTo(SunoTaskStatus.InProgress));
        task.ApplyLyrics(new LyricsResult("lyr-1", "complete", "Rain", "[Verse]\nrain"), T0.AddSeconds(2));
        Assert.Multiple(() =>
        {
            Assert.That(task.Status, Is.EqualTo(SunoTaskStatus.Success));
            Assert.That(task.Lyrics, Is.EqualTo(new LyricsResult("lyr-1", "complete", "Rain", "[Verse]\nrain")));
        });
    }

    [Test]
    public void Lyrics_error_fails_the_task_and_music_tasks_have_no_lyrics()
    {
        var task = NewTask(TaskAction.Lyrics);
        task.MarkSubmitted(["lyr-1"], T0);
        task.ApplyLyrics(new LyricsResult("lyr-1", "error", null, null), T0.AddSeconds(1));
        Assert.That(task.Status, Is.EqualTo(SunoTaskStatus.Failure));

        var music = Submitted();
        Assert.That(
            () => music.ApplyLyrics(new LyricsResult("x", "complete", null, null), T0),
            Throws.InstanceOf<DomainException>());
    }

    [Test]
    public void A_long_fail_reason_is_cut_to_the_column_length()
    {
        var task = NewTask();
        task.Fail(new string('x', FieldLengths.FailReason + 50), T0);
        Assert.That(task.FailReason, Has.Length.EqualTo(FieldLengths.FailReason));
    }

    [Test]
    public void The_lease_is_exclusive_until_it_expires_and_released_when_the_task_ends()
    {
        var task = Submitted();
        Assert.That(task.TryClaimLease("p1", T0.AddSeconds(30), T0), Is.True);
        Assert.That(task.TryClaimLease("p2", T0.AddSeconds(40), T0.AddSeconds(10)), Is.False);
        Assert.That(task.TryClaimLease("p1", T0.AddSeconds(60), T0.AddSeconds(10)), Is.True, "the owner renews");
        Assert.That(task.TryClaimLease("p2", T0.AddSeconds(90), T0.AddSeconds(61)), Is.True, "expired lease is taken over");
        Assert.That(task.LeaseOwner, Is.EqualTo("p2"));

        task.MoveTo(SunoTaskStatus.Success, T0.AddSeconds(70));
        Assert.That(task.LeaseOwner, Is.Null);
        Assert.That(task.LeaseUntil, Is.Null);
    }

    [Test]
    public void Assigning_an_account_is_only_possible_before_submission()
    {
        var task = NewTask();
        task.AssignAccount("acc-1", T0);
        Assert.That(task.AccountId, Is.EqualTo("acc-1"));
        task.MarkSubmitted(["a"], T0);
        Assert.That(() => task.AssignAccount("acc-2", T0), Throws.InstanceOf<DomainException>());
    }

    [TestCase("music", TaskAction.Music)]
    [TestCase("MUSIC", TaskAction.Music)]
    [TestCase("Lyrics", TaskAction.Lyrics)]
    public void Actions_parse_case_insensitively(string wire, TaskAction expected)
    {
        Assert.That(TaskActionNames.TryParse(wire, out var action), Is.True);
        Assert.That(action, Is.EqualTo(expected));
    }

    [TestCase("video")]
    [TestCase("")]
    [TestCase(null)]
    public void Unknown_actions_do_not_parse(string? wire)
    {
        Assert.That(TaskActionNames.TryParse(wire, out _), Is.False);
    }

    [Test]
    public void Status_wire_names_round_trip()
    {
        foreach (var status in AllStatuses)
        {
            Assert.That(SunoTaskStatusNames.FromWire(status.ToWire()), Is.EqualTo(status));
        }

        Assert.That(SunoTaskStatus.InProgress.ToWire(), Is.EqualTo("IN_PROGRESS"));
        Assert.That(SunoTaskStatus.NotStart.ToWire(), Is.EqualTo("NOT_START"));
    }

    private static SunoTask Submitted()
    {
        var task = NewTask();
        task.MarkSubmitted([ClipSnapshots.Of("a", ClipStatus.Submitted), ClipSnapshots.Of("b", ClipStatus.Submitted)], T0.AddSeconds(1));
        return task;
    }

    private static SunoTask TaskIn(SunoTaskStatus status)
    {
        var task = NewTask();
        switch (status)
        {
            case SunoTaskStatus.NotStart:
                break;
            case SunoTaskStatus.Failure:
                task.Fail("earlier failure", T0);
                break;
            default:
                task.MarkSubmitted(["clip-a"], T0);
                if (status >= SunoTaskStatus.Queued && status != SunoTaskStatus.Submitted)
                {
                    if (status == SunoTaskStatus.Queued)
                    {
                        task.MoveTo(SunoTaskStatus.Queued, T0);
                    }
                    else if (status == SunoTaskStatus.InProgress)
                    {
                        task.MoveTo(SunoTaskStatus.InProgress, T0);
                    }
                    else if (status == SunoTaskStatus.Success)
                    {
                        task.MoveTo(SunoTaskStatus.Success, T0);
                    }
                }

                break;
        }

        Assert.That(task.Status, Is.EqualTo(status), "test setup");
        return task;
    }
}
