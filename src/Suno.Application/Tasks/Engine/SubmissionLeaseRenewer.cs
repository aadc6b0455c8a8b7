using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Suno.Application.Tasks.Engine;

/// <summary>
/// Keeps a submission's lease alive while its upstream call runs (token refresh, captcha solver, a slow generate):
/// every third of Tasks:SubmissionGraceSeconds it extends the lease by the whole grace through a conditional UPDATE
/// (<see cref="ITaskLeaseStore.RenewSubmissionAsync"/>), each in a scope of its own so it never shares the
/// submitter's DbContext. It stops when disposed, or when the task is no longer this process's submission. A process
/// that dies stops renewing, so its submissions are settled one grace later.
/// </summary>
internal sealed partial class SubmissionLeaseRenewer : IAsyncDisposable
{
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _loop;

    private SubmissionLeaseRenewer(IServiceScopeFactory scopes, string taskId, string owner, TimeSpan grace, TimeProvider clock, ILogger logger)
    {
        _loop = RenewAsync(scopes, taskId, owner, grace, clock, logger, _stop.Token);
    }

    public static SubmissionLeaseRenewer Start(IServiceScopeFactory scopes, string taskId, string owner, TimeSpan grace, TimeProvider clock, ILogger logger) =>
        new(scopes, taskId, owner, grace, clock, logger);

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync().ConfigureAwait(false);
        await _loop.ConfigureAwait(false);
        _stop.Dispose();
    }

    private static async Task RenewAsync(
        IServiceScopeFactory scopes, string taskId, string owner, TimeSpan grace, TimeProvider clock, ILogger logger, CancellationToken stop)
    {
        using var timer = new PeriodicTimer(grace / 3, clock);
        try
        {
            while (await timer.WaitForNextTickAsync(stop).ConfigureAwait(false))
            {
                try
                {
                    await using var scope = scopes.CreateAsyncScope();
                    var leases = scope.ServiceProvider.GetRequiredService<ITaskLeaseStore>();
                    if (!await leases.RenewSubmissionAsync(taskId, owner, clock.GetUtcNow().UtcDateTime + grace, stop).ConfigureAwait(false))
                    {
                        LogLost(logger, taskId);
                        return;
                    }
                }
                catch (Exception ex) when (ex is not OperationCanceledException)
                {
                    // A busy or unreachable database: try again at the next tick (the lease still has two thirds left).
                    LogRenewFailed(logger, taskId, ex.GetType().Name, ex.Message);
                }
            }
        }
        catch (OperationCanceledException) when (stop.IsCancellationRequested)
        {
            // The submission's call ended.
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Task {TaskId}: its submission lease was taken over (it expired before it could be renewed); the settler decides it from Suno's feed")]
    private static partial void LogLost(ILogger logger, string taskId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Task {TaskId}: renewing its submission lease failed ({Error}: {Message}); retrying")]
    private static partial void LogRenewFailed(ILogger logger, string taskId, string error, string message);
}
