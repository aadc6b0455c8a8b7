using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Suno.Application.Callbacks;
using Suno.Application.Common.Interfaces;
using Suno.Domain.Callbacks;
using Suno.Infrastructure.Observability;

namespace Suno.Infrastructure.Callbacks;

/// <summary>
/// Delivers the callback outbox. Each round reads the due stages (pending, next attempt passed), takes per task the
/// lowest stage still pending (so stages arrive in order), marks the attempt in the database before sending (a crash
/// mid-delivery makes it due again after the lease: at least once), sends it, and records the outcome: delivered
/// (never sent again), retried after the next of Callbacks:RetryDelaysSeconds, or given up and recorded on the task.
/// </summary>
internal sealed partial class CallbackDeliveryWorker(
    IServiceScopeFactory scopes,
    IOptions<CallbackOptions> options,
    TimeProvider clock,
    GatewayMetrics metrics,
    ILogger<CallbackDeliveryWorker> logger) : BackgroundService
{
    private static readonly TimeSpan Round = TimeSpan.FromMilliseconds(500);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                var scope = scopes.CreateAsyncScope();
                await using (scope.ConfigureAwait(false))
                {
                    await DeliverDueAsync(scope.ServiceProvider, stoppingToken).ConfigureAwait(false);
                }
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                break;
            }
#pragma warning disable CA1031 // A failed round (database briefly away) must not end deliveries for good.
            catch (Exception ex)
#pragma warning restore CA1031
            {
                LogRoundFailed(logger, ex);
            }

            try
            {
                await Task.Delay(Round, clock, stoppingToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                break;
            }
        }
    }

    private async Task DeliverDueAsync(IServiceProvider services, CancellationToken cancellationToken)
    {
        var db = services.GetRequiredService<ISunoDbContext>();
        var sender = services.GetRequiredService<CallbackSender>();
        var now = clock.GetUtcNow().UtcDateTime;
        var due = await db.CallbackDeliveries
            .Where(d => d.Status == CallbackDeliveryStatus.Pending && d.NextAttemptAt <= now)
            .OrderBy(d => d.NextAttemptAt)
            .Take(50)
            .ToListAsync(cancellationToken)
            .ConfigureAwait(false);
        if (due.Count == 0)
        {
            return;
        }

        var taskIds = due.Select(d => d.TaskId).Distinct().ToList();
        var pending = await db.CallbackDeliveries.AsNoTracking()
            .Where(d => taskIds.Contains(d.TaskId) && d.Status == CallbackDeliveryStatus.Pending)
            .Select(d => new { d.TaskId, d.Sequence })
            .ToListAsync(cancellationToken)
            .ConfigureAwait(false);
        var first = pending.GroupBy(p => p.TaskId).ToDictionary(g => g.Key, g => g.Min(p => p.Sequence), StringComparer.Ordinal);
        var next = due.Where(d => first[d.TaskId] == d.Sequence).GroupBy(d => d.TaskId).Select(g => g.First()).ToList();

        foreach (var delivery in next)
        {
            delivery.BeginAttempt(now + options.Value.Timeout + TimeSpan.FromSeconds(15));
        }

        await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        var outcomes = await Task.WhenAll(next.Select(async d => (Delivery: d, Attempt: await sender.SendAsync(d, cancellationToken).ConfigureAwait(false))))
            .ConfigureAwait(false);
        await RecordAsync(db, outcomes).ConfigureAwait(false);
    }

    private async Task RecordAsync(ISunoDbContext db, (CallbackDelivery Delivery, CallbackAttempt Attempt)[] outcomes)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var delays = options.Value.RetryDelays;
        foreach (var (delivery, attempt) in outcomes)
        {
            if (attempt.Delivered)
            {
                delivery.MarkDelivered(now);
                metrics.CallbackAttempt(delivery.Stage, CallbackOutcome.Delivered);
                LogDelivered(logger, delivery.Stage, delivery.TaskId, delivery.Attempts);
                continue;
            }

            var retryAt = !attempt.Refused && delivery.Attempts <= delays.Count ? now + delays[delivery.Attempts - 1] : (DateTime?)null;
            delivery.MarkFailed(attempt.Error ?? "failed", retryAt);
            metrics.CallbackAttempt(delivery.Stage, retryAt is null ? CallbackOutcome.GivenUp : CallbackOutcome.Failed);
            if (retryAt is null)
            {
                LogGivenUp(logger, delivery.Stage, delivery.TaskId, delivery.Attempts, attempt.Error ?? "failed");
                var task = await db.Tasks.FirstOrDefaultAsync(t => t.Id == delivery.TaskId).ConfigureAwait(false);
                task?.RecordCallbackFailure($"callback '{delivery.Stage}' given up after {delivery.Attempts} attempt(s): {attempt.Error}", now);
            }
        }

        await db.SaveChangesAsync(CancellationToken.None).ConfigureAwait(false);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Callback {Stage} of task {TaskId} delivered (attempt {Attempts})")]
    private static partial void LogDelivered(ILogger logger, string stage, string taskId, int attempts);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Callback {Stage} of task {TaskId} given up after {Attempts} attempt(s): {Error}")]
    private static partial void LogGivenUp(ILogger logger, string stage, string taskId, int attempts, string error);

    [LoggerMessage(Level = LogLevel.Error, Message = "A callback delivery round failed")]
    private static partial void LogRoundFailed(ILogger logger, Exception exception);
}

/// <summary>Registers the outbox's delivery worker and its guarded HTTP client.</summary>
public static class CallbackServiceCollectionExtensions
{
    public static IServiceCollection AddCallbackDelivery(this IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.AddHttpClient<CallbackSender>(client => client.Timeout = Timeout.InfiniteTimeSpan)
            .ConfigurePrimaryHttpMessageHandler(sp =>
            {
                var allowLoopback = sp.GetRequiredService<IOptions<CallbackOptions>>().Value.AllowLoopbackTargets;
                return new SocketsHttpHandler
                {
                    AllowAutoRedirect = false,
                    UseProxy = false,
                    UseCookies = false,
                    ConnectCallback = (context, ct) =>
                        GuardedConnector.ConnectAsync(context.DnsEndPoint, allowLoopback, Dns.GetHostAddressesAsync, ct),
                };
            });
        services.AddHostedService<CallbackDeliveryWorker>();
        return services;
    }
}
