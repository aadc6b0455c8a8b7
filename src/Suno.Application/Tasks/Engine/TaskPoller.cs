using System.Text.Json;
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
/// fails those past the task timeout, and reads Suno once per account: one feed call carrying every in-flight
/// clip id of that account (the client splits long lists), and one poll per running lyrics job. It also settles
/// submissions whose outcome is unknown (see <see cref="TaskSubmitter"/>) from the account's recent feed.
/// </summary>
public sealed partial class TaskPoller(
    ISunoDbContext db,
    ITaskLeaseStore leases,
    ISunoUpstream upstream,
    IAccountProvider accounts,
    ITaskChangeNotifier notifier,
    GatewayInstance instance,
    TimeProvider clock,
    IOptions<TaskEngineOptions> options,
    ILogger<TaskPoller> logger)
{
    /// <summary>How far before a task's creation Suno's clock may put its clips (clock skew).</summary>
    private static readonly TimeSpan ClockSkew = TimeSpan.FromMinutes(2);

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
            var settling = new Settling();
            foreach (var task in stranded.OrderBy(t => t.CreatedAt))
            {
                if (await SettleAsync(task, settling, now, cancellationToken).ConfigureAwait(false))
                {
                    settled++;
                    changed.Add(task.Id);
                }
            }

            await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        }

        var ids = await leases.ClaimRunningAsync(instance.Id, now, until, cancellationToken).ConfigureAwait(false);
        var tasks = ids.Count == 0 ? [] : await LoadAsync(ids, cancellationToken).ConfigureAwait(false);
        foreach (var task in tasks.Where(t => now - t.CreatedAt >= settings.TaskTimeout))
        {
            task.Fail(SunoTask.TimeOutReason, now);
        }

        foreach (var group in tasks.Where(t => !t.Status.IsTerminal()).GroupBy(t => t.AccountId ?? string.Empty, StringComparer.Ordinal))
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
        notifier.Publish(changed);
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
            foreach (var task in tasks)
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
                    if (found.Count > 0)
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

    /// <summary>
    /// Decides a submission whose answer was lost. Returns whether the task changed (settled either way);
    /// false means "try again next tick" (Suno could not be read now).
    /// </summary>
    private async Task<bool> SettleAsync(SunoTask task, Settling settling, DateTime now, CancellationToken cancellationToken)
    {
        if (now - task.CreatedAt >= options.Value.TaskTimeout)
        {
            task.Fail(SunoTask.TimeOutReason, now);
            return true;
        }

        if (task.AccountId is null)
        {
            task.Fail("The gateway stopped before sending this task to Suno: nothing was generated or charged. Submit it again.", now);
            return true;
        }

        var account = accounts.Find(task.AccountId);
        if (account is null || task.Action == TaskAction.Lyrics)
        {
            task.Fail(
                "The gateway lost Suno's answer to this submission (it stopped, or Suno did not answer) and cannot look it up. " +
                "Check your Suno library before submitting it again.",
                now);
            return true;
        }

        if (!settling.Pages.TryGetValue(account.Id, out var page))
        {
            try
            {
                _feedCalls++;
                page = await upstream.GetFeedPageAsync(account, 0, cancellationToken).ConfigureAwait(false);
                settling.Pages[account.Id] = page;
            }
            catch (SunoApplicationException ex)
            {
                LogPollFailed(logger, account.Id, "feed page", ex.ErrorCode, ex.Message);
                return false;
            }
        }

        var wanted = SubmittedParameters.Parse(task.Parameters);
        var candidates = page.Clips
            .Where(c => c.CreatedAt is null || c.CreatedAt >= task.CreatedAt - ClockSkew)
            .Where(wanted.Matches)
            .ToList();
        var candidateIds = candidates.Select(c => c.Id).ToList();
        var taken = await db.Clips.AsNoTracking().Where(c => candidateIds.Contains(c.Id)).Select(c => c.Id).ToListAsync(cancellationToken).ConfigureAwait(false);
        var adopted = candidates
            .Where(c => !taken.Contains(c.Id) && !settling.Adopted.Contains(c.Id))
            .OrderBy(c => c.CreatedAt)
            .Take(2)
            .ToList();
        if (adopted.Count == 0)
        {
            task.Fail(
                "The gateway lost Suno's answer to this submission (it stopped, or Suno did not answer), and Suno's feed shows " +
                "no clips for it: nothing was generated. Submit it again.",
                now);
            return true;
        }

        task.MarkSubmitted(adopted, now);
        task.ApplyClips(adopted, now);
        settling.Adopted.UnionWith(adopted.Select(c => c.Id));
        LogAdopted(logger, task.Id, adopted.Count);
        return true;
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "Poll tick: {Claimed} tasks claimed, {Changed} changed, {Finished} finished, {FeedCalls} feed calls, {LyricsCalls} lyrics calls, {Settled} lost submissions settled")]
    private static partial void LogTick(ILogger logger, int claimed, int changed, int finished, int feedCalls, int lyricsCalls, int settled);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Polling account {AccountId} ({What}) failed: {ErrorCode} {Error}")]
    private static partial void LogPollFailed(ILogger logger, string accountId, string what, string errorCode, string error);

    [LoggerMessage(Level = LogLevel.Information, Message = "Task {TaskId}: adopted {Count} clips found in Suno's feed after its submission answer was lost")]
    private static partial void LogAdopted(ILogger logger, string taskId, int count);

    /// <summary>
    /// What one tick's settling of lost submissions shares: each account's feed page is read once, and a clip
    /// adopted by one task (not yet saved) is not offered to the next, even when both asked for the same song.
    /// </summary>
    private sealed class Settling
    {
        public Dictionary<string, FeedPage> Pages { get; } = new(StringComparer.Ordinal);

        public HashSet<string> Adopted { get; } = new(StringComparer.Ordinal);
    }

    /// <summary>The parts of a stored music submission that identify its clips in Suno's feed.</summary>
    private sealed record SubmittedParameters(string? Prompt, string? Description, string? Title)
    {
        public static SubmittedParameters Parse(string json)
        {
            try
            {
                using var doc = JsonDocument.Parse(json);
                var root = doc.RootElement;
                return new SubmittedParameters(Read(root, "prompt"), Read(root, "gpt_description_prompt"), Read(root, "title"));
            }
            catch (JsonException)
            {
                return new SubmittedParameters(null, null, null);
            }
        }

        public bool Matches(ClipSnapshot clip)
        {
            if (!string.IsNullOrWhiteSpace(Description))
            {
                return Same(clip.GptDescriptionPrompt, Description);
            }

            return !string.IsNullOrWhiteSpace(Prompt) && Same(clip.Prompt, Prompt)
                && (string.IsNullOrWhiteSpace(Title) || Same(clip.Title, Title));
        }

        private static bool Same(string? a, string? b) =>
            string.Equals(a?.Trim(), b?.Trim(), StringComparison.Ordinal);

        private static string? Read(JsonElement root, string name) =>
            root.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
    }
}
