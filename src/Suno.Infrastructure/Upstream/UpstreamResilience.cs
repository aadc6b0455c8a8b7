using System.Collections.Concurrent;
using System.Net.Http;
using Microsoft.Extensions.Options;
using Polly;
using Polly.CircuitBreaker;
using Polly.Retry;
using Polly.Timeout;
using Suno.Application.Common.Exceptions;

namespace Suno.Infrastructure.Upstream;

/// <summary>
/// The Polly pipelines of the upstream clients (Polly.Core only; Microsoft.Extensions.Http.Resilience does not
/// restore here). Per account, outer to inner: retry → circuit breaker (shared by reads and writes of that
/// account) → timeout of one attempt.
/// <list type="bullet">
/// <item>Reads (feed, clip, billing, lyrics poll, aligned lyrics, persona, captcha check) retry 5xx, timeouts,
/// connection errors and 429 (after its Retry-After, when that is short enough) with exponential backoff and jitter.</item>
/// <item>Writes that create work (generate, extend, lyrics, concat, stems) are retried only when the connection
/// could not even be established (nothing was sent), and at most once. Once a byte may have reached Suno, a retry
/// could start a second generation and charge credits twice, so a 5xx, a timeout or a dropped connection there is
/// reported, not retried.</item>
/// </list>
/// </summary>
public sealed class UpstreamResilience
{
    private readonly ConcurrentDictionary<string, AccountPipelines> _accounts = new(StringComparer.Ordinal);
    private readonly UpstreamOptions _options;
    private readonly TimeProvider _time;

    public UpstreamResilience(IOptions<UpstreamOptions> options, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(options);
        _options = options.Value;
        _time = time;
        Clerk = new ResiliencePipelineBuilder { TimeProvider = time }
            .AddRetry(new RetryStrategyOptions
            {
                // Clerk calls create no work and cost no credits: transient failures are retried like reads.
                ShouldHandle = new PredicateBuilder().Handle<UpstreamUnavailableException>().Handle<TimeoutRejectedException>(),
                MaxRetryAttempts = Math.Min(2, _options.ReadRetryCount),
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = true,
                Delay = _options.ReadRetryBaseDelay,
            }.WithZeroAttemptsAllowed())
            .AddTimeout(_options.ClerkTimeout)
            .Build();
    }

    /// <summary>The pipeline of Clerk calls (session lookup, token exchange).</summary>
    public ResiliencePipeline Clerk { get; }

    internal AccountPipelines For(string accountId) => _accounts.GetOrAdd(accountId, _ => Create());

    /// <summary>Forgets an account's pipelines (its circuit state), e.g. after its cookie was replaced.</summary>
    internal void Reset(string accountId) => _accounts.TryRemove(accountId, out _);

    /// <summary>Whether a failure happened before the request could have reached Suno (the connection was never made).</summary>
    internal static bool FailedBeforeSending(Exception exception) =>
        exception is UpstreamUnavailableException { InnerException: HttpRequestException { HttpRequestError: HttpRequestError.ConnectionError or HttpRequestError.NameResolutionError } };

    /// <summary>The circuit state of an account, or null when it made no call yet (or was reset).</summary>
    public CircuitState? CircuitOf(string accountId) =>
        _accounts.TryGetValue(accountId, out var pipelines) ? pipelines.Circuit.CircuitState : null;

    private AccountPipelines Create()
    {
        var circuit = new CircuitBreakerStateProvider();
        var breaker = new ResiliencePipelineBuilder { TimeProvider = _time }
            .AddCircuitBreaker(new CircuitBreakerStrategyOptions
            {
                StateProvider = circuit,
                ShouldHandle = new PredicateBuilder().Handle<UpstreamUnavailableException>().Handle<TimeoutRejectedException>(),
                FailureRatio = _options.CircuitBreakerFailureRatio,
                MinimumThroughput = _options.CircuitBreakerMinimumThroughput,
                SamplingDuration = _options.CircuitBreakerSamplingDuration,
                BreakDuration = _options.CircuitBreakerBreakDuration,
            })
            .Build();

        var maxRetryAfter = _options.MaxRetryAfter;
        var reads = new ResiliencePipelineBuilder { TimeProvider = _time }
            .AddRetry(new RetryStrategyOptions
            {
                ShouldHandle = new PredicateBuilder()
                    .Handle<UpstreamUnavailableException>()
                    .Handle<TimeoutRejectedException>()
                    .Handle<RateLimitedException>(e => e.RetryAfter is null || e.RetryAfter <= maxRetryAfter),
                MaxRetryAttempts = _options.ReadRetryCount,
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = true,
                Delay = _options.ReadRetryBaseDelay,
                MaxDelay = TimeSpan.FromSeconds(30),
                DelayGenerator = static args => ValueTask.FromResult<TimeSpan?>(
                    args.Outcome.Exception is RateLimitedException { RetryAfter: { } retryAfter } ? retryAfter : null),
            }.WithZeroAttemptsAllowed())
            .AddPipeline(breaker)
            .AddTimeout(_options.RequestTimeout)
            .Build();

        var writes = new ResiliencePipelineBuilder { TimeProvider = _time }
            .AddRetry(new RetryStrategyOptions
            {
                ShouldHandle = new PredicateBuilder().Handle<UpstreamUnavailableException>(FailedBeforeSending),
                MaxRetryAttempts = 1,
                Delay = TimeSpan.FromMilliseconds(200),
                BackoffType = DelayBackoffType.Constant,
            })
            .AddPipeline(breaker)
            .AddTimeout(_options.RequestTimeout)
            .Build();

        return new AccountPipelines(reads, writes, circuit);
    }
}

/// <summary>One account's pipelines; both share one circuit breaker.</summary>
internal sealed record AccountPipelines(ResiliencePipeline Reads, ResiliencePipeline Writes, CircuitBreakerStateProvider Circuit);

internal static class RetryStrategyOptionsExtensions
{
    /// <summary>Polly wants at least one attempt; zero configured retries becomes a predicate that never matches.</summary>
    public static RetryStrategyOptions WithZeroAttemptsAllowed(this RetryStrategyOptions options)
    {
        if (options.MaxRetryAttempts <= 0)
        {
            options.MaxRetryAttempts = 1;
            options.ShouldHandle = static _ => ValueTask.FromResult(false);
        }

        return options;
    }
}
