using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Suno.Infrastructure.Upstream.Accounts;

/// <summary>
/// Loads the accounts at start and reads their credits at once; then on two long intervals renews every configured
/// account's Clerk session (Suno:Upstream:KeepAliveInterval, 30 minutes) and reads its credits
/// (Suno:Upstream:CreditsRefreshInterval, 10 minutes); and every second (or Suno:Upstream:AccountRecheckDelay when
/// shorter) checks the exhausted and invalid accounts whose next check is due. Timers run on the injected
/// <see cref="TimeProvider"/>.
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
        var recheckTick = options.Value.AccountRecheckDelay < TimeSpan.FromSeconds(1) ? options.Value.AccountRecheckDelay : TimeSpan.FromSeconds(1);
        await Task.WhenAll(
            RunEveryAsync(options.Value.KeepAliveInterval, "keep-alive", pool.KeepAliveAllAsync, stoppingToken),
            RunEveryAsync(options.Value.CreditsRefreshInterval, "credits refresh", pool.RefreshAllCreditsAsync, stoppingToken, runAtStart: true),
            RunEveryAsync(recheckTick, "recheck", pool.RecheckDueAsync, stoppingToken)).ConfigureAwait(false);
    }

    private async Task RunEveryAsync(TimeSpan interval, string name, Func<CancellationToken, Task> work, CancellationToken stoppingToken, bool runAtStart = false)
    {
        using var timer = new PeriodicTimer(interval, time);
        try
        {
            if (runAtStart)
            {
                await RunOnceAsync(name, work, stoppingToken).ConfigureAwait(false);
            }

            while (await timer.WaitForNextTickAsync(stoppingToken).ConfigureAwait(false))
            {
                await RunOnceAsync(name, work, stoppingToken).ConfigureAwait(false);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }

    private async Task RunOnceAsync(string name, Func<CancellationToken, Task> work, CancellationToken stoppingToken)
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

    [LoggerMessage(Level = LogLevel.Error, Message = "Account {Task} failed")]
    private partial void LogFailed(Exception exception, string task);
}
