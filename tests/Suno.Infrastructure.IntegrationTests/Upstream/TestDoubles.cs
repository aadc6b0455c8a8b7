using System.Collections.Concurrent;
using Microsoft.Extensions.DependencyInjection;

namespace Suno.Infrastructure.IntegrationTests.Upstream;

/// <summary>A clock that reads time from another one and records every timer (delay, timeout) it is asked for.</summary>
internal sealed class RecordingTimeProvider(TimeProvider inner) : TimeProvider
{
    private readonly ConcurrentQueue<TimeSpan> _requested = new();

    public IReadOnlyCollection<TimeSpan> Requested => _requested.ToArray();

    public override DateTimeOffset GetUtcNow() => inner.GetUtcNow();

    public override long GetTimestamp() => inner.GetTimestamp();

    public override long TimestampFrequency => inner.TimestampFrequency;

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        _requested.Enqueue(dueTime);
        return inner.CreateTimer(callback, state, dueTime, period);
    }
}

/// <summary>Counts the requests every HttpClient of the container sends, per path (after the Polly pipeline: one per attempt).</summary>
internal sealed class CountingHandlerFactory
{
    private readonly ConcurrentDictionary<string, int> _counts = new(StringComparer.Ordinal);

    public int Count(string path) => _counts.GetValueOrDefault(path);

    public void Register(IServiceCollection services) =>
        services.ConfigureHttpClientDefaults(b => b.AddHttpMessageHandler(() => new CountingHandler(this)));

    private sealed class CountingHandler(CountingHandlerFactory owner) : DelegatingHandler
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            owner._counts.AddOrUpdate(request.RequestUri!.AbsolutePath, 1, (_, c) => c + 1);
            return base.SendAsync(request, cancellationToken);
        }
    }
}
