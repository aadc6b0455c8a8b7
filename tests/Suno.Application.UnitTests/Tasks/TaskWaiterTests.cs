using System.Diagnostics;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Moq;
using Suno.Application.Common.Tenancy;
using Suno.Application.Tasks.Common;
using Suno.Application.Tasks.Engine;
using Suno.Application.UnitTests.Support;
using Suno.Domain.Clips;
using Suno.Domain.Tasks;

namespace Suno.Application.UnitTests.Tasks;

/// <summary>The one waiter (wait_audio, lyrics, chat): wakes on the engine's signal, re-reads the database every poll interval, gives up in time.</summary>
[TestFixture]
public sealed class TaskWaiterTests
{
    private TaskDatabase _database = null!;

    [SetUp]
    public async Task CreateAsync() => _database = await TaskDatabase.CreateAsync();

    [TearDown]
    public async Task DisposeAsync() => await _database.DisposeAsync();

    [Test]
    public async Task A_change_made_by_another_process_is_seen_within_a_poll_interval_without_a_signal()
    {
        await StoreSubmittedAsync("t1");
        var firstWait = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var silent = new Mock<ITaskChangeNotifier>();
        silent.Setup(n => n.WaitAsync("t1", It.IsAny<TimeSpan>(), It.IsAny<CancellationToken>()))
            .Returns((string _, TimeSpan timeout, CancellationToken ct) =>
            {
                firstWait.TrySetResult();
                return Task.Delay(timeout, ct);   // nobody in this process ever publishes
            });

        await using var db = _database.CreateContext();
        var waiter = new TaskWaiter(new TaskReader(db, new CallerContext()), silent.Object, TimeProvider.System, Options.Create(new TaskEngineOptions { PollInterval = TimeSpan.FromMilliseconds(300) }));
        var waiting = waiter.WaitAsync("t1", TaskWaiter.ClipsPlayable, TimeSpan.FromSeconds(30), CancellationToken.None);
        await firstWait.Task.WaitAsync(TimeSpan.FromSeconds(10));
        Assert.That(waiting.IsCompleted, Is.False, "the clips are only submitted");

        var changed = Stopwatch.StartNew();
        await StreamAsync("t1");   // another gateway process polled Suno and wrote the news
        var task = await waiting.WaitAsync(TimeSpan.FromSeconds(10));

        Assert.That(task!.Clips.Select(c => c.Status), Is.All.EqualTo("streaming"));
        Assert.That(changed.Elapsed, Is.LessThan(TimeSpan.FromSeconds(3)), "seen at the next re-read, one poll interval later");
    }

    [Test]
    public async Task The_engines_signal_wakes_the_waiter_long_before_the_poll_interval()
    {
        await StoreSubmittedAsync("t2");
        var notifier = new TaskChangeNotifier();
        await using var db = _database.CreateContext();
        var waiter = new TaskWaiter(new TaskReader(db, new CallerContext()), notifier, TimeProvider.System, Options.Create(new TaskEngineOptions { PollInterval = TimeSpan.FromMinutes(5) }));
        var waiting = waiter.WaitAsync("t2", TaskWaiter.ClipsPlayable, TimeSpan.FromMinutes(5), CancellationToken.None);

        await StreamAsync("t2");
        notifier.Publish(["t2"]);
        var task = await waiting.WaitAsync(TimeSpan.FromSeconds(10));

        Assert.That(TaskWaiter.ClipsPlayable(task!), Is.True);
    }

    [Test]
    public async Task After_the_longest_wait_it_answers_the_latest_snapshot()
    {
        await StoreSubmittedAsync("t3");
        await using var db = _database.CreateContext();
        var waiter = new TaskWaiter(new TaskReader(db, new CallerContext()), new TaskChangeNotifier(), TimeProvider.System, Options.Create(new TaskEngineOptions { PollInterval = TimeSpan.FromMilliseconds(100) }));

        var watch = Stopwatch.StartNew();
        var task = await waiter.WaitAsync("t3", TaskWaiter.ClipsPlayable, TimeSpan.FromMilliseconds(500), CancellationToken.None);

        Assert.That(watch.Elapsed, Is.GreaterThanOrEqualTo(TimeSpan.FromMilliseconds(450)));
        Assert.That(task!.Clips.Select(c => c.Status), Is.All.EqualTo("submitted"));
    }

    [Test]
    public async Task An_unknown_task_answers_null_at_once()
    {
        await using var db = _database.CreateContext();
        var waiter = new TaskWaiter(new TaskReader(db, new CallerContext()), new TaskChangeNotifier(), TimeProvider.System, Options.Create(new TaskEngineOptions()));
        Assert.That(await waiter.WaitAsync("nope", TaskWaiter.ClipsPlayable, TimeSpan.FromMinutes(1), CancellationToken.None), Is.Null);
    }

    [Test]
    public async Task Watching_yields_each_read_and_ends_with_the_state_that_ended_it()
    {
        await StoreSubmittedAsync("t4");
        var notifier = new TaskChangeNotifier();
        await using var db = _database.CreateContext();
        var waiter = new TaskWaiter(new TaskReader(db, new CallerContext()), notifier, TimeProvider.System, Options.Create(new TaskEngineOptions { PollInterval = TimeSpan.FromMinutes(5) }));

        var states = new List<TaskWatchState>();
        await foreach (var update in waiter.WatchAsync("t4", TaskWaiter.ClipsPlayable, TimeSpan.FromMinutes(1), CancellationToken.None))
        {
            states.Add(update.State);
            if (states.Count == 1)
            {
                await StreamAsync("t4");
                notifier.Publish(["t4"]);
            }
        }

        Assert.That(states, Is.EqualTo(new[] { TaskWatchState.Waiting, TaskWatchState.Reached }));

        states.Clear();
        await foreach (var update in waiter.WatchAsync("t4", static _ => false, TimeSpan.FromMilliseconds(200), CancellationToken.None))
        {
            states.Add(update.State);
        }

        Assert.That(states[^1], Is.EqualTo(TaskWatchState.TimedOut), "a condition that never holds ends at the deadline");
        Assert.That(states.Take(states.Count - 1), Is.All.EqualTo(TaskWatchState.Waiting));
    }

    [TestCase(ClipStatus.Streaming, ClipStatus.Complete, true)]
    [TestCase(ClipStatus.Error, ClipStatus.Error, true)]
    [TestCase(ClipStatus.Streaming, ClipStatus.Queued, false)]
    [TestCase(ClipStatus.Error, ClipStatus.Streaming, false)]
    public void Clips_are_playable_when_all_stream_or_all_failed(ClipStatus a, ClipStatus b, bool playable)
    {
        var task = TaskSamples.NewMusic("p");
        task.MarkSubmitted([TaskSamples.Clip("p-a", ClipStatus.Submitted), TaskSamples.Clip("p-b", ClipStatus.Submitted)], TaskSamples.Submitted);
        task.ApplyClips([TaskSamples.Clip("p-a", a), TaskSamples.Clip("p-b", b)], TaskSamples.Submitted.AddSeconds(5));
        Assert.That(TaskWaiter.ClipsPlayable(task.ToDto()), Is.EqualTo(playable));
    }

    private async Task StoreSubmittedAsync(string id)
    {
        var task = TaskSamples.NewMusic(id);
        task.MarkSubmitted([TaskSamples.Clip(id + "-a", ClipStatus.Submitted), TaskSamples.Clip(id + "-b", ClipStatus.Submitted)], TaskSamples.Submitted);
        await using var db = _database.CreateContext();
        db.Tasks.Add(task);
        await db.SaveChangesAsync();
    }

    private async Task StreamAsync(string id)
    {
        await using var db = _database.CreateContext();
        var task = await db.Tasks.Include(t => t.Clips).SingleAsync(t => t.Id == id);
        task.ApplyClips([TaskSamples.Clip(id + "-a", ClipStatus.Streaming), TaskSamples.Clip(id + "-b", ClipStatus.Streaming)], TaskSamples.Submitted.AddSeconds(30));
        await db.SaveChangesAsync();
    }
}
