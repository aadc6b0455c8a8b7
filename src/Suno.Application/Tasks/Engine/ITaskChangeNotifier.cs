namespace Suno.Application.Tasks.Engine;

/// <summary>
/// In-process signal that tasks changed, so waiters (wait_audio, chat streams) wake as soon as the poller saw news
/// instead of polling Suno themselves. Waiters also re-read the database on a timer, because the process that polls
/// a task may be another one.
/// </summary>
public interface ITaskChangeNotifier
{
    void Publish(IEnumerable<string> taskIds);

    /// <summary>Completes when the task changes, the timeout passes, or the token is cancelled (no exception for timeout).</summary>
    Task WaitAsync(string taskId, TimeSpan timeout, CancellationToken cancellationToken);
}
