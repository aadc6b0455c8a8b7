using System.Collections.Concurrent;

namespace Suno.FakeUpstream;

/// <summary>
/// Calls received, per endpoint and per account. Every request is counted when it arrives, before faults and
/// authentication, so retries and failed attempts show up too. The account is whoever the request names: the
/// account of the <c>__client</c> cookie on Clerk routes, the <c>suno.com/claims/user_id</c> of the Bearer JWT
/// (even an expired one) on studio routes.
/// </summary>
public sealed class FakeSunoCounters
{
    private readonly ConcurrentDictionary<(string Endpoint, string? UserId), int> _counts = new();

    /// <summary>All calls to an endpoint (see <see cref="FakeSunoEndpoints"/>), whoever made them.</summary>
    public int Get(string endpoint)
    {
        var total = 0;
        foreach (var pair in _counts)
        {
            if (string.Equals(pair.Key.Endpoint, endpoint, StringComparison.Ordinal))
            {
                total += pair.Value;
            }
        }

        return total;
    }

    /// <summary>Calls to an endpoint made as one account.</summary>
    public int Get(string endpoint, FakeAccount account)
    {
        ArgumentNullException.ThrowIfNull(account);
        return _counts.TryGetValue((endpoint, account.UserId), out var count) ? count : 0;
    }

    /// <summary>All calls made as one account, on every endpoint.</summary>
    public int ForAccount(FakeAccount account)
    {
        ArgumentNullException.ThrowIfNull(account);
        var total = 0;
        foreach (var pair in _counts)
        {
            if (string.Equals(pair.Key.UserId, account.UserId, StringComparison.Ordinal))
            {
                total += pair.Value;
            }
        }

        return total;
    }

    /// <summary>Clerk token exchanges (<c>POST …/tokens</c>) made for one account.</summary>
    public int TokenExchanges(FakeAccount account) => Get(FakeSunoEndpoints.ClerkTokens, account);

    /// <summary>Studio calls (everything but Clerk) made as one account.</summary>
    public int StudioCalls(FakeAccount account)
    {
        ArgumentNullException.ThrowIfNull(account);
        return ForAccount(account) - Get(FakeSunoEndpoints.ClerkClient, account) - TokenExchanges(account);
    }

    /// <summary>Calls per endpoint, summed over accounts.</summary>
    public IReadOnlyDictionary<string, int> Snapshot()
    {
        var result = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var pair in _counts)
        {
            result[pair.Key.Endpoint] = result.GetValueOrDefault(pair.Key.Endpoint) + pair.Value;
        }

        return result;
    }

    /// <summary>Sets every counter back to zero.</summary>
    public void Reset() => _counts.Clear();

    internal void Increment(string endpoint, string? userId) =>
        _counts.AddOrUpdate((endpoint, userId), 1, static (_, count) => count + 1);
}
