using System.Runtime.CompilerServices;
using Microsoft.Extensions.Options;
using Suno.Application.Common.Exceptions;
using Suno.Application.Tasks.Common;
using Suno.Domain.Clips;

namespace Suno.Application.Tasks.Engine;

/// <summary>Where a watched task stands at one read.</summary>
public enum TaskWatchState
{
    /// <summary>Not there yet; another read follows.</summary>
    Waiting,

    /// <summary>The condition holds, or the task ended: the last read.</summary>
    Reached,

    /// <summary>The deadline passed first: the last read (the task goes on).</summary>
    TimedOut,
}

/// <summary>One read of a watched task.</summary>
public sealed record TaskUpdate(TaskDto Task, TaskWatchState State);

/// <summary>
/// The one way any family waits for a task, without ever calling Suno: the task engine's poller is the only reader
/// of Suno. The waiter reads the task from the database, then sleeps on <see cref="ITaskChangeNotifier"/> (woken when
/// the poller of this process saw news of it) or at most one poll interval (the task may be polled by another process
/// sharing the database), and reads again. So any number of waiters costs Suno nothing beyond the engine's one feed
/// call per account per tick.
/// </summary>
public sealed class TaskWaiter(TaskReader reader, ITaskChangeNotifier notifier, TimeProvider clock, IOptions<TaskEngineOptions> options)
{
    /// <summary>
    /// Yields the task at each read until <paramref name="until"/> holds for it or it ended (state Reached), or
    /// <paramref name="maxWait"/> passed (state TimedOut); earlier reads have state Waiting. Yields nothing when the
    /// task does not exist.
    /// </summary>
    public async IAsyncEnumerable<TaskUpdate> WatchAsync(
        string taskId,
        Func<TaskDto, bool> until,
        TimeSpan maxWait,
        [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(until);
        var started = clock.GetTimestamp();
        var recheck = options.Value.PollInterval > TimeSpan.Zero ? options.Value.PollInterval : TimeSpan.FromSeconds(1);
        while (true)
        {
            // Listen before reading, so news published between the read and the wait is not missed.
            var remaining = maxWait - clock.GetElapsedTime(started);
            var signal = remaining > TimeSpan.Zero
                ? notifier.WaitAsync(taskId, remaining < recheck ? remaining : recheck, cancellationToken)
                : Task.CompletedTask;
            var task = await reader.ReadAsync(taskId, cancellationToken).ConfigureAwait(false);
            if (task is null)
            {
                yield break;
            }

            if (task.IsFinished || until(task))
            {
                yield return new TaskUpdate(task, TaskWatchState.Reached);
                yield break;
            }

            if (remaining <= TimeSpan.Zero)
            {
                yield return new TaskUpdate(task, TaskWatchState.TimedOut);
                yield break;
            }

            yield return new TaskUpdate(task, TaskWatchState.Waiting);
            await signal.ConfigureAwait(false);
            cancellationToken.ThrowIfCancellationRequested();
        }
    }

    /// <summary>The last read of <see cref="WatchAsync"/>; null when the task does not exist.</summary>
    public async Task<TaskDto?> WaitAsync(string taskId, Func<TaskDto, bool> until, TimeSpan maxWait, CancellationToken cancellationToken)
    {
        TaskDto? last = null;
        await foreach (var update in WatchAsync(taskId, until, maxWait, cancellationToken).ConfigureAwait(false))
        {
            last = update.Task;
        }

        return last;
    }

    /// <summary>A submission's answer: the task now, or once <paramref name="wait"/> is met (at most <paramref name="maxWait"/>).</summary>
    public async Task<TaskDto> AnswerAsync(string taskId, TaskWait wait, TimeSpan maxWait, CancellationToken cancellationToken)
    {
        var task = wait switch
        {
            TaskWait.Playable => await WaitAsync(taskId, ClipsPlayable, maxWait, cancellationToken).ConfigureAwait(false),
            TaskWait.Finished => await WaitAsync(taskId, static _ => false, maxWait, cancellationToken).ConfigureAwait(false),
            _ => await reader.ReadAsync(taskId, cancellationToken).ConfigureAwait(false),
        };
        return task ?? throw NotFoundException.Task(taskId);
    }

    /// <summary>gcui-art's wait_audio rule: every clip streaming or complete, or every clip failed.</summary>
    public static bool ClipsPlayable(TaskDto task)
    {
        ArgumentNullException.ThrowIfNull(task);
        return task.Clips.Count > 0
            && (task.Clips.All(c => IsStatus(c, ClipStatus.Streaming) || IsStatus(c, ClipStatus.Complete))
                || task.Clips.All(c => IsStatus(c, ClipStatus.Error)));
    }

    private static bool IsStatus(ClipDto clip, ClipStatus status) => string.Equals(clip.Status, status.ToWire(), StringComparison.Ordinal);
}
