using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Suno.Application.Common.Interfaces;
using Suno.Application.Tasks.Engine;
using Suno.Domain.Clips;
using Suno.Domain.Tasks;

namespace Suno.Application.Gcui.Common;

/// <summary>
/// Waits for a task to reach a state without ever calling Suno: the task engine's poller is the only reader of
/// Suno. A waiter sleeps on <see cref="ITaskChangeNotifier"/> (woken when the poller of this process saw news) and
/// re-reads the task from the database at least every poll interval (the task may be polled by another process
/// sharing the database). So any number of waiters costs Suno nothing beyond the engine's one feed call per account
/// per tick.
/// </summary>
public sealed class TaskWaiter(ISunoDbContext db, ITaskChangeNotifier notifier, TimeProvider clock, IOptions<TaskEngineOptions> options)
{
    /// <summary>
    /// Reads the task (with its clips) until <paramref name="done"/> holds for it, it ends, or
    /// <paramref name="maxWait"/> passes; returns the last read (null when the task does not exist).
    /// </summary>
    public async Task<SunoTask?> WaitAsync(string taskId, Func<SunoTask, bool> done, TimeSpan maxWait, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(done);
        var started = clock.GetTimestamp();
        var recheck = options.Value.PollInterval > TimeSpan.Zero ? options.Value.PollInterval : TimeSpan.FromSeconds(1);
        while (true)
        {
            // Listen before reading, so news published between the read and the wait is not missed.
            var remaining = maxWait - clock.GetElapsedTime(started);
            var signal = remaining > TimeSpan.Zero
                ? notifier.WaitAsync(taskId, remaining < recheck ? remaining : recheck, cancellationToken)
                : Task.CompletedTask;
            var task = await ReadAsync(taskId, cancellationToken).ConfigureAwait(false);
            if (task is null || task.Status.IsTerminal() || done(task) || remaining <= TimeSpan.Zero)
            {
                return task;
            }

            await signal.ConfigureAwait(false);
            cancellationToken.ThrowIfCancellationRequested();
        }
    }

    /// <summary>gcui-art's wait_audio rule: every clip streaming or complete, or every clip failed.</summary>
    public static bool ClipsPlayable(SunoTask task)
    {
        ArgumentNullException.ThrowIfNull(task);
        return task.Clips.Count > 0
            && (task.Clips.All(c => c.Status is ClipStatus.Streaming or ClipStatus.Complete)
                || task.Clips.All(c => c.Status == ClipStatus.Error));
    }

    public Task<SunoTask?> ReadAsync(string taskId, CancellationToken cancellationToken) =>
        db.Tasks.AsNoTracking().Include(t => t.Clips).FirstOrDefaultAsync(t => t.Id == taskId, cancellationToken);
}
