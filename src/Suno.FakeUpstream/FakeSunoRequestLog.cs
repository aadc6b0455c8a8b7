using System.Collections.Concurrent;

namespace Suno.FakeUpstream;

/// <summary>One call the fake received: which endpoint, as which account, from which User-Agent, with what query, on which path.</summary>
public sealed record FakeSunoRequest(string Endpoint, string? UserId, string UserAgent, string? Query, DateTimeOffset At, string? Path = null);

/// <summary>
/// Every call received, in order (the newest <see cref="Capacity"/> are kept), so tests can ask who asked for what:
/// for example which clip ids each gateway process polled.
/// </summary>
public sealed class FakeSunoRequestLog
{
    /// <summary>How many calls are kept.</summary>
    public const int Capacity = 200_000;

    private readonly ConcurrentQueue<FakeSunoRequest> _requests = new();

    public IReadOnlyList<FakeSunoRequest> Snapshot() => [.. _requests];

    /// <summary>The calls to one endpoint (see <see cref="FakeSunoEndpoints"/>).</summary>
    public IReadOnlyList<FakeSunoRequest> Of(string endpoint) =>
        _requests.Where(r => string.Equals(r.Endpoint, endpoint, StringComparison.Ordinal)).ToList();

    public void Clear() => _requests.Clear();

    internal void Record(string endpoint, string? userId, string userAgent, string? query, string? path = null)
    {
        _requests.Enqueue(new FakeSunoRequest(endpoint, userId, userAgent, query, DateTimeOffset.UtcNow, path));
        while (_requests.Count > Capacity && _requests.TryDequeue(out _))
        {
        }
    }
}
