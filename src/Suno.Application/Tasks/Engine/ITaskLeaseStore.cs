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

    /// <summary>Releases every lease this owner holds (clean shutdown), so another process need not wait for expiry.</summary>
    Task ReleaseAllAsync(string owner, CancellationToken cancellationToken);
}
