using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Suno.Application.Common.Exceptions;
using Suno.Application.Common.Interfaces;
using Suno.Application.Common.Upstream;
using Suno.Domain.Clips;
using Suno.Domain.Tasks;

namespace Suno.Application.Tasks.Engine;

/// <summary>What one tick did, for logs, tests and the benchmark.</summary>
public sealed record PollReport(int Claimed, int Settled, int Changed, int Finished, int FeedCalls, int LyricsCalls);

/// <summary>
/// One tick of the task engine. It claims the running tasks (a lease, so one process polls a task at a time),
/// fails those past the task timeout (counted from Suno's acceptance), adds the tasks that timed out within
/// Tasks:LateCheckSeconds and are due a slow late check, and reads Suno once per account: one feed call carrying every in-flight
/// clip id of that account (the client splits long lists), and one poll per running lyrics job. Submissions whose
/// outcome is unknown (see <see cref="TaskSubmitter"/>) are handed to the <see cref="LostSubmissionSettler"/> first.
/// </summary>
public sealed partial class TaskPoller(
    ISunoDbContext db,
    ITaskLeaseStore leases,
    ISunoUpstream upstream,
    IAccountProvider accounts,
    ITaskChangeNotifier notifier,
    Callbacks.CallbackStager stager,
    LostSubmissionSettler settler,
    GatewayInstance instance,
    TimeProvider clock,
    IOptions<TaskEngineOptions> options,
    ITaskMetrics metrics,
    ILogger<TaskPoller> logger)
{
    private int _feedCalls;
    private int _lyricsCalls;

    public async Task<PollReport> PollOnceAsync(CancellationToken cancellationToken)
    {
        var settings = options.Value;
        var now = clock.GetUtcNow().UtcDateTime;
        var until = now + settings.LeaseDuration;
        var changed = new HashSet<string>(StringComparer.Ordinal);

        var strandedIds = await leases.ClaimStrandedSubmissionsAsync(instance.Id, now, until, settings.MaxTasksPerTick, cancellationToken).ConfigureAwait(false);
        var settled = 0;
        if (strandedIds.Count > 0)
        {
            var stranded = await LoadAsync(strandedIds, cancellationToken).ConfigureAwait(false);
            var outcome = await settler.SettleAsync(stranded, now, cancellationToken).ConfigureAwait(false);
            settled = outcome.Settled.Count;
            _feedCalls += outcome.FeedCalls;
            changed.UnionWith(outcome.Settled);
            await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        }

        var ids = await leases.ClaimRunningAsync(instance.Id, now, until, cancellationToken).ConfigureAwait(false);
        var tasks = ids.Count == 0 ? [] : await LoadAsync(ids, cancellationToken).ConfigureAwait(false);
        foreach (var task in tasks.Where(t => t.IsPastTimeout(now, settings.TaskTimeout)))
        {
            task.Fail(SunoTask.TimeOutReason, now);
        }

        // Tasks that timed out lately are looked at again at a slow pace (their lease, kept after a check, spaces the
        // checks), in the same feed call as the running ones: a song Suno finished late still ends as SUCCESS.
        var lateIds = settings.LateCheckWindow <= TimeSpan.Zero ? [] : await leases.ClaimTimedOutAsync(
            instance.Id, now, now + (settings.PollInterval * settings.LateCheckEveryTicks), now - settings.LateCheckWindow, settings.MaxTasksPerTick, cancellationToken).ConfigureAwait(false);
        var late = lateIds.Count == 0 ? [] : (await LoadAsync(lateIds, cancellationToken).ConfigureAwait(false))
            .Where(t => t.TimedOut && t.Action == TaskAction.Music && t.UpstreamIds.Count > 0)
            .ToList();
        tasks.AddRange(late);

        foreach (var group in tasks.Where(t => !t.Status.IsTerminal() || late.Contains(t)).GroupBy(t => t.AccountId ?? string.Empty, StringComparer.Ordinal))
        {
            await PollAccountAsync(group.Key, [.. group], now, cancellationToken).ConfigureAwait(false);
        }

        foreach (var task in tasks)
        {
            var entry = db.Tasks.Entry(task);
            if (entry.State == EntityState.Modified || entry.Collection(t => t.Clips).CurrentValue!.Any(c => db.Clips.Entry(c).State != EntityState.Unchanged))
            {
                changed.Add(task.Id);
            }
        }

        await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        foreach (var task in tasks.Where(t => t.Status.IsTerminal()))
        {
            metrics.Finished(task.Action, task.Status, (task.FinishTime ?? now) - task.CreatedAt);
        }

        notifier.Publish(changed);
        await stager.StageAsync(tasks.Where(t => changed.Contains(t.Id)).ToList(), now, cancellationToken).ConfigureAwait(false);
        var report = new PollReport(ids.Count, settled, changed.Count, tasks.Count(t => t.Status.IsTerminal()), _feedCalls, _lyricsCalls);
        if (report.Claimed > 0 || report.Settled > 0)
        {
            LogTick(logger, report.Claimed, report.Changed, report.Finished, report.FeedCalls, report.LyricsCalls, report.Settled);
        }

        return report;
    }

    private Task<List<SunoTask>> LoadAsync(IReadOnlyList<string> ids, CancellationToken cancellationToken) =>
        db.Tasks.Include(t => t.Clips).Where(t => ids.Contains(t.Id)).ToListAsync(cancellationToken);

    private async Task PollAccountAsync(string accountId, List<SunoTask> tasks, DateTime now, CancellationToken cancellationToken)
    {
        var account = accountId.Length == 0 ? null : accounts.Find(accountId);
        if (account is null)
        {
            foreach (var task in tasks.Where(t => !t.Status.IsTerminal()))
            {
                task.Fail(
                    "The Suno account this task was submitted with is no longer known to the gateway (a per-request cookie " +
                    "is not kept across restarts unless Suno:PersistRequestAccounts is on); its clips may still be in that account.",
                    now);
            }

            return;
        }

        var music = tasks.Where(t => t.Action != TaskAction.Lyrics).ToList();
        if (music.Count > 0)
        {
            try
            {
                var clipIds = music.SelectMany(t => t.UpstreamIds).Distinct(StringComparer.Ordinal).ToList();
                _feedCalls++;
                var snapshots = await upstream.GetFeedAsync(account, clipIds, cancellationToken).ConfigureAwait(false);
                var byId = snapshots.GroupBy(s => s.Id, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Last(), StringComparer.Ordinal);
                foreach (var task in music)
                {
                    var found = task.UpstreamIds.Where(byId.ContainsKey).Select(id => byId[id]).ToList();
                    if (found.Count > 0 && task.TimedOut)
                    {
                        task.ApplyLateClips(found, now);
                    }
                    else if (found.Count > 0)
                    {
                        task.ApplyClips(found, now);
                    }
                }
            }
            catch (SunoApplicationException ex)
            {
                LogPollFailed(logger, account.Id, "feed", ex.ErrorCode, ex.Message);
            }
        }

        foreach (var task in tasks.Where(t => t.Action == TaskAction.Lyrics))
        {
            try
            {
                _lyricsCalls++;
                var job = await upstream.GetLyricsAsync(account, task.UpstreamIds[0], cancellationToken).ConfigureAwait(false);
                task.ApplyLyrics(new LyricsResult(job.Id, job.Status, job.Title, job.Text), now);
            }
            catch (SunoApplicationException ex)
            {
                LogPollFailed(logger, account.Id, "lyrics", ex.ErrorCode, ex.Message);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "Poll tick: {Claimed} tasks claimed, {Changed} changed, {Finished} finished, {FeedCalls} feed calls, {LyricsCalls} lyrics calls, {Settled} lost submissions settled")]
    private static partial void LogTick(ILogger logger, int claimed, int changed, int finished, int feedCalls, int lyricsCalls, int settled);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Polling account {AccountId} ({What}) failed: {ErrorCode} {Error}")]
    private static partial void LogPollFailed(ILogger logger, string accountId, string what, string errorCode, string error);
}
