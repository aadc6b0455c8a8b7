namespace Suno.FakeUpstream;

/// <summary>What an injected fault does to a request.</summary>
public enum FakeFaultKind
{
    /// <summary>Answer with a 5xx status and a <c>{"detail": …}</c> body.</summary>
    ServerError,

    /// <summary>
    /// Answer a 4xx without doing the work: <c>{"detail": …}</c> on studio routes (e.g. a 402 from a route the plan
    /// lacks), Clerk's <c>{"errors": […]}</c> on Clerk routes (e.g. a refused token exchange).
    /// </summary>
    Refused,

    /// <summary>Answer 429 with a <c>Retry-After</c> header.</summary>
    RateLimited,

    /// <summary>Abort the connection without an answer.</summary>
    DropConnection,

    /// <summary>Do the work (charge credits, create clips), then abort the connection: the caller cannot tell
    /// whether a POST took effect.</summary>
    DropAfterProcessing,

    /// <summary>Do the work, then wait before answering (even when the caller has gone): a slow Suno, or a caller
    /// that dies between sending a POST and reading its answer.</summary>
    SlowAnswer,
}

/// <summary>
/// Runtime fault injection. Each rule applies to one endpoint (a <see cref="FakeSunoEndpoints"/> name) or, when
/// the endpoint is null, to every endpoint; and to calls made as one account or, when the account is null, to
/// every caller (the account is recognised as for <see cref="FakeSunoCounters"/>). Count-limited rules are
/// consumed in the order they were added.
/// </summary>
public sealed class FakeSunoFaults
{
    private readonly Lock _gate = new();
    private readonly List<FaultRule> _rules = [];
    private readonly Dictionary<string, TimeSpan> _latency = new(StringComparer.Ordinal);
    private TimeSpan _globalLatency;

    /// <summary>Delays every answer of an endpoint (or of all endpoints) by <paramref name="delay"/> of real time.</summary>
    public void AddLatency(TimeSpan delay, string? endpoint = null)
    {
        lock (_gate)
        {
            if (endpoint is null)
            {
                _globalLatency = delay;
            }
            else
            {
                _latency[endpoint] = delay;
            }
        }
    }

    /// <summary>The next <paramref name="count"/> calls answer <paramref name="statusCode"/> (a 5xx).</summary>
    public void FailNext(int count, int statusCode = 500, string? endpoint = null, FakeAccount? account = null)
    {
        if (statusCode is < 500 or > 599)
        {
            throw new ArgumentOutOfRangeException(nameof(statusCode), "Use a 5xx status.");
        }

        Add(new FaultRule(FakeFaultKind.ServerError, endpoint, account?.UserId, count, statusCode, TimeSpan.Zero));
    }

    /// <summary>
    /// The next <paramref name="count"/> calls answer <paramref name="statusCode"/> (a 4xx) with
    /// <paramref name="detail"/> and do nothing: on Clerk routes as a Clerk error (code <c>authentication_invalid</c>).
    /// </summary>
    public void RefuseNext(int count, int statusCode, string detail, string? endpoint = null, FakeAccount? account = null)
    {
        if (statusCode is < 400 or > 499)
        {
            throw new ArgumentOutOfRangeException(nameof(statusCode), "Use a 4xx status.");
        }

        ArgumentException.ThrowIfNullOrWhiteSpace(detail);
        Add(new FaultRule(FakeFaultKind.Refused, endpoint, account?.UserId, count, statusCode, TimeSpan.Zero, detail));
    }

    /// <summary>The next <paramref name="count"/> calls answer 429 with <c>Retry-After</c> in whole seconds.</summary>
    public void RateLimitNext(int count, TimeSpan retryAfter, string? endpoint = null, FakeAccount? account = null) =>
        Add(new FaultRule(FakeFaultKind.RateLimited, endpoint, account?.UserId, count, 429, retryAfter));

    /// <summary>The next <paramref name="count"/> calls have their connection aborted.</summary>
    public void DropNext(int count, string? endpoint = null, FakeAccount? account = null) =>
        Add(new FaultRule(FakeFaultKind.DropConnection, endpoint, account?.UserId, count, 0, TimeSpan.Zero));

    /// <summary>The next <paramref name="count"/> calls are processed (credits charged, clips created) but their
    /// connection is aborted instead of answered.</summary>
    public void DropAfterProcessingNext(int count, string? endpoint = null, FakeAccount? account = null) =>
        Add(new FaultRule(FakeFaultKind.DropAfterProcessing, endpoint, account?.UserId, count, 0, TimeSpan.Zero));

    /// <summary>The next <paramref name="count"/> calls are processed at once but answered only after
    /// <paramref name="delay"/>; the work stands even if the caller disconnects meanwhile.</summary>
    public void AnswerSlowlyNext(int count, TimeSpan delay, string? endpoint = null, FakeAccount? account = null) =>
        Add(new FaultRule(FakeFaultKind.SlowAnswer, endpoint, account?.UserId, count, 0, delay));

    /// <summary>Removes every fault and latency.</summary>
    public void Clear()
    {
        lock (_gate)
        {
            _rules.Clear();
            _latency.Clear();
            _globalLatency = TimeSpan.Zero;
        }
    }

    /// <summary>How many count-limited faults are still pending.</summary>
    public int Pending
    {
        get
        {
            lock (_gate)
            {
                return _rules.Sum(r => r.Remaining);
            }
        }
    }

    internal TimeSpan LatencyFor(string endpoint)
    {
        lock (_gate)
        {
            return _latency.TryGetValue(endpoint, out var delay) ? delay + _globalLatency : _globalLatency;
        }
    }

    internal FaultRule? TakeFault(string endpoint, string? userId)
    {
        lock (_gate)
        {
            foreach (var rule in _rules)
            {
                if ((rule.Endpoint is null || string.Equals(rule.Endpoint, endpoint, StringComparison.Ordinal)) &&
                    (rule.UserId is null || string.Equals(rule.UserId, userId, StringComparison.Ordinal)))
                {
                    rule.Remaining--;
                    if (rule.Remaining == 0)
                    {
                        _rules.Remove(rule);
                    }

                    return rule;
                }
            }

            return null;
        }
    }

    private void Add(FaultRule rule)
    {
        if (rule.Remaining <= 0)
        {
            throw new ArgumentOutOfRangeException(nameof(rule), "The count must be positive.");
        }

        lock (_gate)
        {
            _rules.Add(rule);
        }
    }

    internal sealed class FaultRule(FakeFaultKind kind, string? endpoint, string? userId, int remaining, int statusCode, TimeSpan retryAfter, string? detail = null)
    {
        public string? Detail { get; } = detail;
        public FakeFaultKind Kind { get; } = kind;
        public string? Endpoint { get; } = endpoint;
        public string? UserId { get; } = userId;
        public int Remaining { get; set; } = remaining;
        public int StatusCode { get; } = statusCode;
        public TimeSpan RetryAfter { get; } = retryAfter;
    }
}
