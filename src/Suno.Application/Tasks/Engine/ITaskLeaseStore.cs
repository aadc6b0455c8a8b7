namespace Suno.Application.Tasks.Engine;

/// <summary>
/// Atomic lease claims on the tasks table. Claiming is one conditional UPDATE per call, so two gateway processes on
/// one database never poll the same task at once; a lease that is not renewed expires and another process takes over.
/// </summary>
public interface ITaskLeaseStore
{
    /// <summary>
    /// Claims every running task (SUBMITTED, QUEUED, IN_PROGRESS) whose lease is free, expired or already ours
    /// (renewing ours), and returns the ids this owner now holds, oldest first. All of them are polled in the tick:
    /// a task that is leased is never left unpolled.
    /// </summary>
    Task<IReadOnlyList<string>> ClaimRunningAsync(string owner, DateTime now, DateTime until, CancellationToken cancellationToken);

    /// <summary>
    /// Claims NOT_START tasks whose submission lease expired: the process submitting them stopped, or Suno did not
    /// answer. The engine then decides from Suno's feed whether the submission took effect.
    /// </summary>
    Task<IReadOnlyList<string>> ClaimStrandedSubmissionsAsync(string owner, DateTime now, DateTime until, int max, CancellationToken cancellationToken);

    /// <summary>
    /// Extends the submission lease of a task this owner is still submitting (NOT_START, leased to it), so the settler
    /// leaves a slow submission alone. False when the task is no longer that: another process settled or claimed it.
    /// </summary>
    Task<bool> RenewSubmissionAsync(string taskId, string owner, DateTime until, CancellationToken cancellationToken);

    /// <summary>
    /// Saves the tracked changes of a submission only while the task is still NOT_START under this owner's lease: one
    /// transaction whose first statement is a conditional UPDATE of that row, so a settler that claimed it meanwhile
    /// wins and nothing is overwritten. False (nothing saved) when the task is no longer this owner's submission.
    /// </summary>
    Task<bool> SaveIfSubmittingAsync(string taskId, string owner, CancellationToken cancellationToken);

    /// <summary>
    /// Claims up to <paramref name="max"/> tasks that failed by the task timeout after <paramref name="finishedAfter"/>
    /// and whose lease is free or expired, until <paramref name="until"/>: the late checks of Suno's feed. The lease
    /// is kept after a check that finds nothing new, which paces the next one.
    /// </summary>
    Task<IReadOnlyList<string>> ClaimTimedOutAsync(string owner, DateTime now, DateTime until, DateTime finishedAfter, int max, CancellationToken cancellationToken);

    /// <summary>Releases every lease this owner holds (clean shutdown), so another process need not wait for expiry.</summary>
    Task ReleaseAllAsync(string owner, CancellationToken cancellationToken);
}
