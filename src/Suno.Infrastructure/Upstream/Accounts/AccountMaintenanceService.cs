using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Suno.Infrastructure.Upstream.Accounts;

/// <summary>
/// Loads the accounts at start, then on two long intervals renews every configured account's Clerk session
/// (Suno:Upstream:KeepAliveInterval, 30 minutes) and reads its credits (Suno:Upstream:CreditsRefreshInterval,
/// 10 minutes). Timers run on the injected <see cref="TimeProvider"/>.
/// </summary>
public sealed partial class AccountMaintenanceService(
    AccountPool pool,
    IOptions<UpstreamOptions> options,
    TimeProvider time,
    ILogger<AccountMaintenanceService> logger) : BackgroundService
{
    /// <summary>
    /// Loads the accounts before the hosted services registered after this one start (the task poller looks
    /// accounts up by id), then starts the timers. The database is migrated before the host starts.
    /// </summary>
    public override async Task StartAsync(CancellationToken cancellationToken)
    {
        try
        {
            await pool.InitializeAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            LogFailed(ex, "initialization");
        }

        await base.StartAsync(cancellationToken).ConfigureAwait(false);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await Task.Yield();
        await Task.WhenAll(
            RunEveryAsync(options.Value.KeepAliveInterval, "keep-alive", pool.KeepAliveAllAsync, stoppingToken),
            RunEveryAsync(options.Value.CreditsRefreshInterval, "credits refresh", pool.RefreshAllCreditsAsync, stoppingToken)).ConfigureAwait(false);
    }

    private async Task RunEveryAsync(TimeSpan interval, string name, Func<CancellationToken, Task> work, CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(interval, time);
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken).ConfigureAwait(false))
            {
                try
                {
                    await work(stoppingToken).ConfigureAwait(false);
                }
                catch (Exception ex) when (ex is not OperationCanceledException)
                {
                    LogFailed(ex, name);
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Account {Task} failed")]
    private partial void LogFailed(Exception exception, string task);
}
