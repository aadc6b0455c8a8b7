namespace Suno.FakeUpstream;

/// <summary>Subscription plan of a fake account; decides what <c>/api/billing/info/</c> reports.</summary>
public enum FakePlan
{
    Free,
    Pro,
    Premier,
}

/// <summary>What to register; every property is optional.</summary>
public sealed class FakeAccountSpec
{
    public string? Email { get; init; }
    public string? DisplayName { get; init; }
    public string? Handle { get; init; }

    /// <summary>Starting credits; <see cref="FakeSunoOptions.DefaultCredits"/> when null.</summary>
    public int? Credits { get; init; }

    public FakePlan Plan { get; init; } = FakePlan.Free;

    /// <summary>
    /// A fixed <c>__client</c> value (e.g. a sandbox cookie known from configuration); a fresh JWT-shaped token
    /// when null. Must be unique and contain no <c>;</c>, <c>,</c> or whitespace.
    /// </summary>
    public string? ClientToken { get; init; }
}

/// <summary>
/// One Suno account as the fake sees it: a Clerk client (the <c>__client</c> cookie) with one active session,
/// a Suno user and a credit balance. Obtain one from <see cref="FakeSunoState.AddAccount"/>.
/// </summary>
public sealed class FakeAccount
{
    private readonly Lock _gate = new();
    private int _credits;
    private int _monthlyUsage;
    private bool _revoked;

    internal FakeAccount(string clientToken, string clientId, string sessionId, string clerkUserId, string userId,
        string email, string displayName, string handle, string anonymousId, int credits, FakePlan plan)
    {
        ClientToken = clientToken;
        ClientId = clientId;
        SessionId = sessionId;
        ClerkUserId = clerkUserId;
        UserId = userId;
        Email = email;
        DisplayName = displayName;
        Handle = handle;
        AnonymousId = anonymousId;
        _credits = credits;
        Plan = plan;
    }

    /// <summary>The value of the <c>__client</c> cookie (what Clerk calls the client token).</summary>
    public string ClientToken { get; }

    /// <summary>A browser-like cookie string to configure the gateway with: <c>__client=…; ajs_anonymous_id=…</c>.</summary>
    public string Cookie => $"__client={ClientToken}; ajs_anonymous_id={AnonymousId}";

    /// <summary>Clerk client id (<c>client_…</c>).</summary>
    public string ClientId { get; }

    /// <summary>Clerk session id (<c>sess_…</c>).</summary>
    public string SessionId { get; }

    /// <summary>Clerk user id (<c>user_…</c>), the JWT <c>sub</c>.</summary>
    public string ClerkUserId { get; }

    /// <summary>Suno user id (a UUID), the JWT <c>suno.com/claims/user_id</c> and the clips' <c>user_id</c>.</summary>
    public string UserId { get; }

    public string Email { get; }
    public string DisplayName { get; }
    public string Handle { get; }

    /// <summary>The <c>ajs_anonymous_id</c> cookie value (GCUI sends it as <c>Device-Id</c>).</summary>
    public string AnonymousId { get; }

    public FakePlan Plan { get; }

    /// <summary>Credits left.</summary>
    public int Credits
    {
        get
        {
            lock (_gate)
            {
                return _credits;
            }
        }

        set
        {
            lock (_gate)
            {
                _credits = value;
            }
        }
    }

    /// <summary>Credits spent since registration.</summary>
    public int MonthlyUsage
    {
        get
        {
            lock (_gate)
            {
                return _monthlyUsage;
            }
        }
    }

    /// <summary>True once the Clerk client was revoked (signed out); Clerk then answers 401.</summary>
    public bool IsRevoked
    {
        get
        {
            lock (_gate)
            {
                return _revoked;
            }
        }

        internal set
        {
            lock (_gate)
            {
                _revoked = value;
            }
        }
    }

    internal bool TryCharge(int amount)
    {
        lock (_gate)
        {
            if (_credits < amount)
            {
                return false;
            }

            _credits -= amount;
            _monthlyUsage += amount;
            return true;
        }
    }
}
