using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Polly.CircuitBreaker;
using Prometheus;
using Suno.Application.Common.Interfaces;
using Suno.Domain.Accounts;
using Suno.Domain.Callbacks;
using Suno.Domain.Tasks;
using Suno.Infrastructure.Upstream;

namespace Suno.Infrastructure.Observability;

/// <summary>
/// The gateway's Prometheus metrics, in a registry of its own (one per host, so two gateways in one process do not
/// share counters). Counters and histograms are fed as things happen (submissions, finished tasks, upstream calls,
/// poll ticks); the state gauges (tasks by action and status, accounts by state, credits per account) are read from
/// the database and the account pool on each scrape. Accounts are labelled by name only; requests' own accounts
/// count in <c>suno_accounts</c> but get no credits series (their names are tenant hashes, one series each).
/// </summary>
public sealed class GatewayMetrics : ITaskMetrics
{
    private readonly Counter _submissions;
    private readonly Histogram _completion;
    private readonly Counter _upstreamCalls;
    private readonly Histogram _upstreamLatency;
    private readonly Counter _tokenExchanges;
    private readonly Histogram _pollTick;
    private readonly Gauge _tasks;
    private readonly Gauge _accounts;
    private readonly Gauge _credits;
    private readonly Gauge _circuitOpen;
    private readonly Counter _callbackAttempts;
    private readonly Gauge _callbacksPending;
    private readonly IServiceScopeFactory _scopes;

    public GatewayMetrics(IServiceScopeFactory scopes)
    {
        _scopes = scopes;
        Registry = Prometheus.Metrics.NewCustomRegistry();
        var factory = Prometheus.Metrics.WithCustomRegistry(Registry);
        _submissions = factory.CreateCounter("suno_task_submissions_total", "Submissions Suno accepted, by action.", "action");
        _completion = factory.CreateHistogram(
            "suno_task_completion_seconds",
            "Time from a task's creation to its final status, by action and status.",
            new HistogramConfiguration { LabelNames = ["action", "status"], Buckets = Histogram.ExponentialBuckets(1, 2, 12) });
        _upstreamCalls = factory.CreateCounter(
            "suno_upstream_requests_total",
            "Calls to Suno, Clerk and the captcha solver, by endpoint (path, ids as {id}), method and HTTP status (or error).",
            "endpoint", "method", "status");
        _upstreamLatency = factory.CreateHistogram(
            "suno_upstream_request_duration_seconds",
            "Duration of the calls to Suno, Clerk and the captcha solver, by endpoint.",
            new HistogramConfiguration { LabelNames = ["endpoint"], Buckets = Histogram.ExponentialBuckets(0.005, 2, 14) });
        _tokenExchanges = factory.CreateCounter("suno_token_exchanges_total", "Clerk session-token exchanges, by outcome (HTTP status or error).", "outcome");
        _pollTick = factory.CreateHistogram(
            "suno_poll_tick_duration_seconds",
            "Duration of one poll tick of the task engine.",
            new HistogramConfiguration { Buckets = Histogram.ExponentialBuckets(0.005, 2, 14) });
        _tasks = factory.CreateGauge("suno_tasks", "Tasks in the database, by action and status.", "action", "status");
        _accounts = factory.CreateGauge("suno_accounts", "Accounts of the gateway, by state (active, exhausted, invalid).", "state");
        _credits = factory.CreateGauge("suno_account_credits_left", "Credits left of each configured account, by account name (as of its last billing read).", "account");
        _circuitOpen = factory.CreateGauge("suno_upstream_circuit_open", "1 while the circuit breaker of a configured account is open (its calls fail fast), else 0; by account name.", "account");
        _callbackAttempts = factory.CreateCounter(
            "suno_callback_attempts_total",
            "Callback delivery attempts, by stage and outcome (delivered, failed: to be retried, given_up: the last try failed).",
            "stage", "outcome");
        _callbacksPending = factory.CreateGauge("suno_callbacks_pending", "Callbacks in the outbox not yet delivered nor given up.");
        Registry.AddBeforeCollectCallback(ReadStateAsync);
    }

    /// <summary>What GET /metrics serves.</summary>
    public CollectorRegistry Registry { get; }

    public void Submitted(TaskAction action) => _submissions.WithLabels(action.ToWire()).Inc();

    public void Finished(TaskAction action, SunoTaskStatus status, TimeSpan latency) =>
        _completion.WithLabels(action.ToWire(), status.ToWire()).Observe(Math.Max(0, latency.TotalSeconds));

    /// <summary>One upstream call; <paramref name="status"/> is the HTTP status, or null when no answer came.</summary>
    public void UpstreamCall(string method, string endpoint, int? status, TimeSpan elapsed)
    {
        var outcome = status?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "error";
        _upstreamCalls.WithLabels(endpoint, method, outcome).Inc();
        _upstreamLatency.WithLabels(endpoint).Observe(elapsed.TotalSeconds);
        if (method == "POST" && endpoint.EndsWith("/tokens", StringComparison.Ordinal))
        {
            _tokenExchanges.WithLabels(outcome).Inc();
        }
    }

    public void PollTick(TimeSpan elapsed) => _pollTick.Observe(elapsed.TotalSeconds);

    /// <summary>One delivery attempt of a callback: delivered, failed (retried later) or given up.</summary>
    public void CallbackAttempt(string stage, CallbackOutcome outcome) =>
        _callbackAttempts.WithLabels(stage, outcome switch
        {
            CallbackOutcome.Delivered => "delivered",
            CallbackOutcome.Failed => "failed",
            _ => "given_up",
        }).Inc();

    private async Task ReadStateAsync(CancellationToken cancellationToken)
    {
        var scope = _scopes.CreateAsyncScope();
        await using (scope.ConfigureAwait(false))
        {
            var db = scope.ServiceProvider.GetRequiredService<ISunoDbContext>();
            var counts = await db.Tasks.AsNoTracking()
                .GroupBy(t => new { t.Action, t.Status })
                .Select(g => new { g.Key.Action, g.Key.Status, Count = g.Count() })
                .ToListAsync(cancellationToken).ConfigureAwait(false);
            foreach (var action in Enum.GetValues<TaskAction>())
            {
                foreach (var status in Enum.GetValues<SunoTaskStatus>())
                {
                    var count = counts.FirstOrDefault(c => c.Action == action && c.Status == status)?.Count ?? 0;
                    _tasks.WithLabels(action.ToWire(), status.ToWire()).Set(count);
                }
            }

            _callbacksPending.Set(await db.CallbackDeliveries.AsNoTracking()
                .CountAsync(d => d.Status == CallbackDeliveryStatus.Pending, cancellationToken).ConfigureAwait(false));

            var accounts = await scope.ServiceProvider.GetRequiredService<IAccountProvider>().ListAsync(cancellationToken).ConfigureAwait(false);
            foreach (var state in Enum.GetValues<AccountStatus>())
            {
                var name = state.ToString().ToLowerInvariant();
                _accounts.WithLabels(name).Set(accounts.Count(a => string.Equals(a.Status, name, StringComparison.OrdinalIgnoreCase)));
            }

            var configured = accounts.Where(a => !a.IsRequestAccount).ToList();
            foreach (var gauge in new[] { _credits, _circuitOpen })
            {
                foreach (var stale in gauge.GetAllLabelValues().Where(l => !configured.Any(a => a.Name == l[0])).ToList())
                {
                    gauge.RemoveLabelled(stale);
                }
            }

            var resilience = scope.ServiceProvider.GetService<UpstreamResilience>();
            foreach (var account in configured)
            {
                if (account.CreditsLeft is { } credits)
                {
                    _credits.WithLabels(account.Name).Set(credits);
                }

                var circuit = resilience?.CircuitOf(account.Id);
                _circuitOpen.WithLabels(account.Name).Set(circuit is CircuitState.Open or CircuitState.Isolated ? 1 : 0);
            }
        }
    }
}

/// <summary>What became of one callback delivery attempt.</summary>
public enum CallbackOutcome
{
    Delivered,
    Failed,
    GivenUp,
}

/// <summary>Registers <see cref="GatewayMetrics"/> once; every part that feeds it (upstream clients, the polling worker) calls this.</summary>
public static class GatewayMetricsServiceCollectionExtensions
{
    public static IServiceCollection AddGatewayMetrics(this IServiceCollection services)
    {
        services.TryAddSingleton<GatewayMetrics>();
        return services;
    }
}
