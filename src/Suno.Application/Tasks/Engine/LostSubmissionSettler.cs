using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Suno.Application.Common.Exceptions;
using Suno.Application.Common.Interfaces;
using Suno.Application.Common.Upstream;
using Suno.Domain.Clips;
using Suno.Domain.Tasks;

namespace Suno.Application.Tasks.Engine;

/// <summary>What one settling round did: the tasks it decided, and how many feed pages it read.</summary>
public sealed record SettlingOutcome(IReadOnlyList<string> Settled, int FeedCalls);

/// <summary>
/// Decides the fate of submissions whose answer was lost (the gateway stopped, or Suno did not answer, while the
/// generate call was under way): the clips Suno made are found in the account's feed, paged back to the task's
/// creation, by what was submitted (<see cref="MusicWork.Matches"/>) and adopted, or the task fails saying nothing
/// was generated. Each account's feed page is read once per round, and a clip adopted by one task is not offered to the next, even when both asked for
/// the same song.
/// </summary>
public sealed partial class LostSubmissionSettler(
    ISunoDbContext db,
    ISunoUpstream upstream,
    IAccountProvider accounts,
    IOptions<TaskEngineOptions> options,
    ILogger<LostSubmissionSettler> logger)
{
    /// <summary>How far before a task's creation Suno's clock may put its clips (clock skew).</summary>
    private static readonly TimeSpan ClockSkew = TimeSpan.FromMinutes(2);

    /// <summary>Settles <paramref name="tasks"/> (tracked, with their clips), oldest first; the caller saves.</summary>
    public async Task<SettlingOutcome> SettleAsync(IReadOnlyList<SunoTask> tasks, DateTime now, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(tasks);
        var round = new Round();
        var settled = new List<string>();
        foreach (var task in tasks.OrderBy(t => t.CreatedAt))
        {
            if (await SettleAsync(task, round, now, cancellationToken).ConfigureAwait(false))
            {
                settled.Add(task.Id);
            }
        }

        return new SettlingOutcome(settled, round.FeedCalls);
    }

    /// <summary>Returns whether the task was decided; false means "try again next tick" (Suno could not be read now).</summary>
    private async Task<bool> SettleAsync(SunoTask task, Round round, DateTime now, CancellationToken cancellationToken)
    {
        if (task.AccountId is null)
        {
            task.Fail("The gateway stopped before sending this task to Suno: nothing was generated or charged. Submit it again.", now);
            return true;
        }

        var account = accounts.Find(task.AccountId);
        var wanted = task.Action == TaskAction.Music ? SubmittedWork.ReadMusic(task.Parameters) : null;
        if (account is null || wanted is null)
        {
            task.Fail(
                "The gateway lost Suno's answer to this submission (it stopped, or Suno did not answer) and cannot look it up. " +
                "Check your Suno library before submitting it again.",
                now);
            return true;
        }

        var since = task.CreatedAt - ClockSkew;
        var feed = await ReadBackToAsync(account, since, round, cancellationToken).ConfigureAwait(false);
        if (feed is null)
        {
            // Suno cannot be read now: try again next tick, until the task timeout gives up on it.
            if (task.IsPastTimeout(now, options.Value.TaskTimeout))
            {
                task.Fail(SunoTask.TimeOutReason, now);
                return true;
            }

            return false;
        }

        var candidates = feed.Clips
            .Where(c => c.CreatedAt is null || c.CreatedAt >= since)
            .Where(wanted.Matches)
            .ToList();
        var candidateIds = candidates.Select(c => c.Id).ToList();
        var taken = await db.Clips.AsNoTracking().Where(c => candidateIds.Contains(c.Id)).Select(c => c.Id).ToListAsync(cancellationToken).ConfigureAwait(false);
        var adopted = candidates
            .Where(c => !taken.Contains(c.Id) && !round.Adopted.Contains(c.Id))
            .OrderBy(c => c.CreatedAt)
            .Take(2)
            .ToList();
        if (adopted.Count == 0)
        {
            task.Fail(
                feed.ReachedBefore(since)
                    ? "The gateway lost Suno's answer to this submission (it stopped, or Suno did not answer), and Suno's feed shows " +
                      "no clips for it: nothing was generated. Submit it again."
                    : $"The gateway lost Suno's answer to this submission (it stopped, or Suno did not answer), and the {feed.Pages} " +
                      "newest pages of Suno's feed show no clips for it (the gateway looks no further). Check your Suno library before submitting it again.",
                now);
            return true;
        }

        task.MarkSubmitted(adopted, now);
        task.ApplyClips(adopted, now);
        round.Adopted.UnionWith(adopted.Select(c => c.Id));
        LogAdopted(logger, task.Id, adopted.Count);
        return true;
    }

    /// <summary>
    /// The account's feed, read page after page (0, 1, ...) until a page holds a clip older than
    /// <paramref name="since"/>, the feed ends, or Tasks:SettlementFeedPages pages were read in this round. Pages
    /// are read once per round and shared by its tasks. Null when Suno cannot be read now.
    /// </summary>
    private async Task<AccountFeed?> ReadBackToAsync(UpstreamAccount account, DateTime since, Round round, CancellationToken cancellationToken)
    {
        if (!round.Feeds.TryGetValue(account.Id, out var feed))
        {
            feed = new AccountFeed();
            round.Feeds[account.Id] = feed;
        }

        while (!feed.Ended && !feed.ReachedBefore(since) && feed.Pages < options.Value.SettlementFeedPages)
        {
            try
            {
                round.FeedCalls++;
                var page = await upstream.GetFeedPageAsync(account, feed.Pages, cancellationToken).ConfigureAwait(false);
                feed.Add(page);
            }
            catch (SunoApplicationException ex)
            {
                LogFeedFailed(logger, account.Id, ex.ErrorCode, ex.Message);
                return null;
            }
        }

        return feed;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Task {TaskId}: adopted {Count} clips found in Suno's feed after its submission answer was lost")]
    private static partial void LogAdopted(ILogger logger, string taskId, int count);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Polling account {AccountId} (feed page) failed: {ErrorCode} {Error}")]
    private static partial void LogFeedFailed(ILogger logger, string accountId, string errorCode, string error);

    /// <summary>What one round shares across its tasks.</summary>
    private sealed class Round
    {
        public Dictionary<string, AccountFeed> Feeds { get; } = new(StringComparer.Ordinal);

        public HashSet<string> Adopted { get; } = new(StringComparer.Ordinal);

        public int FeedCalls { get; set; }
    }

    /// <summary>The pages of one account's feed read so far in a round, newest first.</summary>
    private sealed class AccountFeed
    {
        private readonly List<ClipSnapshot> _clips = [];
        private DateTime? _oldest;

        public IReadOnlyList<ClipSnapshot> Clips => _clips;

        public int Pages { get; private set; }

        /// <summary>The feed has no further page.</summary>
        public bool Ended { get; private set; }

        /// <summary>Whether the pages read reach back before <paramref name="since"/> (or the whole feed was read).</summary>
        public bool ReachedBefore(DateTime since) => Ended || _oldest < since;

        public void Add(FeedPage page)
        {
            Pages++;
            _clips.AddRange(page.Clips);
            foreach (var created in page.Clips.Select(c => c.CreatedAt).OfType<DateTime>())
            {
                _oldest = _oldest is null || created < _oldest ? created : _oldest;
            }

            Ended = page.Clips.Count == 0 || page.HasMore == false;
        }
    }
}
