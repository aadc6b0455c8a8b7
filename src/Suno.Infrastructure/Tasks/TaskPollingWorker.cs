using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Suno.Application.Tasks.Engine;
using Suno.Infrastructure.Observability;

namespace Suno.Infrastructure.Tasks;

/// <summary>
/// Runs the task engine: one <see cref="TaskPoller"/> tick every poll interval, in its own scope (its own
/// DbContext). Unfinished tasks resume by themselves after a restart, because a tick claims whatever is running.
/// On a clean stop the process gives its leases back, so another process need not wait for them to expire.
/// </summary>
internal sealed partial class TaskPollingWorker(
    IServiceScopeFactory scopes,
    GatewayInstance instance,
    TimeProvider clock,
    IOptions<TaskEngineOptions> options,
    GatewayMetrics metrics,
    ILogger<TaskPollingWorker> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.Value.PollingEnabled)
        {
            LogDisabled(logger, instance.Id);
            return;
        }

        var interval = options.Value.PollInterval;
        LogStarted(logger, instance.Id, interval.TotalSeconds);
        using var timer = new PeriodicTimer(interval, clock);
        do
        {
            var started = System.Diagnostics.Stopwatch.GetTimestamp();
            try
            {
                var scope = scopes.CreateAsyncScope();
                await using (scope.ConfigureAwait(false))
                {
                    await scope.ServiceProvider.GetRequiredService<TaskPoller>().PollOnceAsync(stoppingToken).ConfigureAwait(false);
                }

                metrics.PollTick(System.Diagnostics.Stopwatch.GetElapsedTime(started));
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                break;
            }
#pragma warning disable CA1031 // One bad tick (database briefly away, a bug on one task) must not end polling for good.
            catch (Exception ex)
#pragma warning restore CA1031
            {
                LogTickFailed(logger, ex);
            }
        }
        while (await WaitAsync(timer, stoppingToken).ConfigureAwait(false));
    }

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        await base.StopAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            var scope = scopes.CreateAsyncScope();
            await using (scope.ConfigureAwait(false))
            {
                await scope.ServiceProvider.GetRequiredService<ITaskLeaseStore>().ReleaseAllAsync(instance.Id, cancellationToken).ConfigureAwait(false);
            }
        }
#pragma warning disable CA1031 // Leases expire by themselves; failing to hand them back early only delays another process.
        catch (Exception ex) when (ex is not ObjectDisposedException)
#pragma warning restore CA1031
        {
            LogReleaseFailed(logger, ex);
        }
        catch (ObjectDisposedException)
        {
            // The host is already tearing down its services (a test host does so eagerly): the leases simply expire.
        }
    }

    private static async Task<bool> WaitAsync(PeriodicTimer timer, CancellationToken stoppingToken)
    {
        try
        {
            return await timer.WaitForNextTickAsync(stoppingToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            return false;
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Task polling started as {Instance}, every {Seconds} s")]
    private static partial void LogStarted(ILogger logger, string instance, double seconds);

    [LoggerMessage(Level = LogLevel.Information, Message = "Task polling is off in this process ({Instance}); Tasks:Polling is false")]
    private static partial void LogDisabled(ILogger logger, string instance);

    [LoggerMessage(Level = LogLevel.Error, Message = "A task polling tick failed; polling goes on")]
    private static partial void LogTickFailed(ILogger logger, Exception exception);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not release task leases on stop; they expire by themselves")]
    private static partial void LogReleaseFailed(ILogger logger, Exception exception);
}
