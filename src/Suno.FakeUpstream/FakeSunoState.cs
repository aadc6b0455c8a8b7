using System.Security.Cryptography;
using System.Text.Json.Nodes;
using Suno.FakeUpstream.Internal;

namespace Suno.FakeUpstream;

/// <summary>
/// Everything the fake knows, and every switch tests flip: accounts, clips, lyrics jobs, personas, the captcha
/// switches, failing generations, fault injection (<see cref="Faults"/>) and call counters (<see cref="Counters"/>).
/// Thread-safe.
/// </summary>
public sealed class FakeSunoState
{
    private readonly Lock _gate = new();
    private readonly Dictionary<string, FakeAccount> _accountsByClient = new(StringComparer.Ordinal);
    private readonly Dictionary<string, FakeAccount> _accountsByUserId = new(StringComparer.Ordinal);
    private readonly Dictionary<string, FakeClip> _clips = new(StringComparer.Ordinal);
    private readonly Dictionary<string, FakeLyricsJob> _lyrics = new(StringComparer.Ordinal);
    private readonly Dictionary<string, FakePersona> _personas = new(StringComparer.Ordinal);
    private readonly HashSet<string> _acceptedCaptchaTokens = new(StringComparer.Ordinal);
    private readonly Queue<string> _failingGenerations = new();
    private long _sequence;
    private bool _captchaRequired;
    private bool _clerkRequiresCaptcha;

    public FakeSunoState(FakeSunoOptions? options = null)
    {
        Options = options ?? new FakeSunoOptions();
        Options.Validate();
        Jwt = new FakeJwt(Options.SigningKey);
        Media = new MediaHosts(Options.SandboxMarking);
    }

    public FakeSunoOptions Options { get; }

    /// <summary>The fake's clock (<see cref="FakeSunoOptions.TimeProvider"/>).</summary>
    public TimeProvider Clock => Options.TimeProvider;

    /// <summary>Calls received per endpoint and per account.</summary>
    public FakeSunoCounters Counters { get; } = new();

    /// <summary>Runtime fault injection (latency, 5xx, 429, dropped connections).</summary>
    public FakeSunoFaults Faults { get; } = new();

    /// <summary>The fake OpenAI-compatible model the gateway's chat route may plan songs with.</summary>
    public FakeOpenAiModel OpenAi { get; } = new();

    /// <summary>Every call received (endpoint, account, User-Agent, query), newest last.</summary>
    public FakeSunoRequestLog Requests { get; } = new();

    internal FakeJwt Jwt { get; }

    internal MediaHosts Media { get; }

    /// <summary>
    /// When true, <c>/api/c/check</c> answers <c>required:true</c> and generate rejects a missing or unknown
    /// <c>token</c> with 422 <c>Token validation failed.</c>
    /// </summary>
    public bool CaptchaRequired
    {
        get
        {
            lock (_gate)
            {
                return _captchaRequired;
            }
        }

        set
        {
            lock (_gate)
            {
                _captchaRequired = value;
            }
        }
    }

    /// <summary>When true, Clerk token renewal answers the <c>requires_captcha</c> error.</summary>
    public bool ClerkRequiresCaptcha
    {
        get
        {
            lock (_gate)
            {
                return _clerkRequiresCaptcha;
            }
        }

        set
        {
            lock (_gate)
            {
                _clerkRequiresCaptcha = value;
            }
        }
    }

    /// <summary>Registers an account with one active Clerk session.</summary>
    public FakeAccount AddAccount(FakeAccountSpec? spec = null)
    {
        spec ??= new FakeAccountSpec();
        var userId = Guid.NewGuid().ToString();
        var shortId = userId[..8];
        var clientId = "client_" + RandomToken(20);
        var now = Clock.GetUtcNow();
        var clientToken = spec.ClientToken ?? Jwt.Sign(new JsonObject
        {
            ["id"] = clientId,
            ["rotating_token"] = RandomToken(24),
            ["iat"] = now.ToUnixTimeSeconds(),
        });
        if (clientToken.Length == 0 || clientToken.Any(c => c is ';' or ',' || char.IsWhiteSpace(c)))
        {
            throw new ArgumentException("A __client value cannot be empty or contain ';', ',' or whitespace.", nameof(spec));
        }

        var account = new FakeAccount(
            clientToken,
            clientId,
            "sess_" + RandomToken(24),
            "user_" + RandomToken(24),
            userId,
            spec.Email ?? $"user{shortId}@example.com",
            spec.DisplayName ?? $"Fake User {shortId}",
            spec.Handle ?? $"fakeuser{shortId}",
            Guid.NewGuid().ToString(),
            spec.Credits ?? Options.DefaultCredits,
            spec.Plan);

        lock (_gate)
        {
            if (_accountsByClient.ContainsKey(account.ClientToken))
            {
                throw new ArgumentException("Another account already uses this __client value.", nameof(spec));
            }

            _accountsByClient[account.ClientToken] = account;
            _accountsByUserId[account.UserId] = account;
        }

        return account;
    }

    /// <summary>Every registered account, in no particular order.</summary>
    public IReadOnlyList<FakeAccount> Accounts
    {
        get
        {
            lock (_gate)
            {
                return [.. _accountsByUserId.Values];
            }
        }
    }

    /// <summary>The account whose <c>__client</c> appears in a cookie string (or is the raw value), or null.</summary>
    public FakeAccount? FindAccountByCookie(string cookieOrClientToken)
    {
        ArgumentNullException.ThrowIfNull(cookieOrClientToken);
        foreach (var part in cookieOrClientToken.Split(';'))
        {
            var pair = part.Trim();
            var value = pair.StartsWith("__client=", StringComparison.Ordinal) ? pair["__client=".Length..] : pair;
            var account = FindByClientToken(value);
            if (account is not null)
            {
                return account;
            }
        }

        return null;
    }

    /// <summary>Signs the account's Clerk client out: Clerk answers 401 for its cookie from now on. JWTs already
    /// issued stay valid until they expire, as with the real, stateless, Suno API.</summary>
    public void RevokeAccount(FakeAccount account)
    {
        ArgumentNullException.ThrowIfNull(account);
        if (FindByUserId(account.UserId) != account)
        {
            throw new ArgumentException("The account is not registered with this fake.", nameof(account));
        }

        account.IsRevoked = true;
    }

    /// <summary>Issues a JWT for an account the way Clerk would (for tests that skip the Clerk step).</summary>
    public string IssueJwt(FakeAccount account, TimeSpan? lifetime = null)
    {
        ArgumentNullException.ThrowIfNull(account);
        var now = Clock.GetUtcNow().ToUnixTimeSeconds();
        var exp = now + (long)(lifetime ?? Options.JwtLifetime).TotalSeconds;
        return Jwt.Sign(new JsonObject
        {
            ["aud"] = "suno-api",
            ["azp"] = "https://suno.com",
            ["exp"] = exp,
            ["fva"] = new JsonArray(0, -1),
            ["https://suno.ai/claims/clerk_id"] = account.ClerkUserId,
            ["https://suno.ai/claims/email"] = account.Email,
            ["iat"] = now,
            ["iss"] = Options.Issuer,
            ["jti"] = RandomToken(20),
            ["nbf"] = now - 10,
            ["sid"] = account.SessionId,
            ["sub"] = account.ClerkUserId,
            ["suno.com/claims/email"] = account.Email,
            ["suno.com/claims/token_type"] = "access",
            ["suno.com/claims/user_id"] = account.UserId,
            ["suno/handle"] = account.Handle,
        });
    }

    /// <summary>Makes a captcha token acceptable to generate while <see cref="CaptchaRequired"/> is on.</summary>
    public void AcceptCaptchaToken(string token)
    {
        ArgumentException.ThrowIfNullOrEmpty(token);
        lock (_gate)
        {
            _acceptedCaptchaTokens.Add(token);
        }
    }

    /// <summary>The clips of the next <paramref name="count"/> generate calls end in status <c>error</c>.</summary>
    public void FailNextGenerations(int count, string errorMessage = "Unable to generate audio. Please try again later.")
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(count);
        lock (_gate)
        {
            for (var i = 0; i < count; i++)
            {
                _failingGenerations.Enqueue(errorMessage);
            }
        }
    }

    /// <summary>Registers a persona. Without <paramref name="clipIds"/> three completed clips are created for it.</summary>
    public FakePersona AddPersona(FakeAccount owner, string name = "Fake Persona", string description = "A persona of the fake upstream",
        IEnumerable<string>? clipIds = null, bool isPublic = true)
    {
        ArgumentNullException.ThrowIfNull(owner);
        var ids = clipIds?.ToList() ?? [.. Enumerable.Range(1, 3).Select(i => SeedClip(owner, $"{name} song {i}").Id)];
        if (ids.Count == 0)
        {
            throw new ArgumentException("A persona needs at least one clip.", nameof(clipIds));
        }

        var persona = new FakePersona(Guid.NewGuid().ToString(), owner, name, description, ids, isPublic);
        lock (_gate)
        {
            _personas[persona.Id] = persona;
        }

        return persona;
    }

    /// <summary>Creates a clip that is already complete (backdated past every phase), without charging credits.</summary>
    public FakeClipInfo SeedClip(FakeAccount owner, string title = "Seeded song", string tags = "pop", string lyrics = "[Verse]\nSeeded lyrics",
        string mv = "chirp-v3-5", bool isPublic = false)
    {
        ArgumentNullException.ThrowIfNull(owner);
        var clip = new FakeClip
        {
            Id = Guid.NewGuid().ToString(),
            Owner = owner,
            CreatedAt = Clock.GetUtcNow() - Options.CompleteAfter,
            Sequence = Interlocked.Increment(ref _sequence),
            Mv = mv,
            Type = "gen",
            Title = title,
            Tags = tags,
            Prompt = lyrics,
            Duration = DurationFor(Guid.NewGuid()),
            IsPublic = isPublic,
        };
        Store(clip);
        return Describe(clip);
    }

    /// <summary>The clip's state as it would be rendered now, or null when unknown.</summary>
    public FakeClipInfo? GetClip(string id)
    {
        var clip = FindClip(id);
        return clip is null ? null : Describe(clip);
    }

    /// <summary>Ids of every clip an account owns, oldest first.</summary>
    public IReadOnlyList<string> ClipIdsOf(FakeAccount account)
    {
        ArgumentNullException.ThrowIfNull(account);
        lock (_gate)
        {
            return [.. _clips.Values.Where(c => c.Owner == account).OrderBy(c => c.Sequence).Select(c => c.Id)];
        }
    }

    internal FakeAccount? FindByClientToken(string? clientToken)
    {
        if (string.IsNullOrEmpty(clientToken))
        {
            return null;
        }

        lock (_gate)
        {
            return _accountsByClient.GetValueOrDefault(clientToken);
        }
    }

    internal FakeAccount? FindByUserId(string? userId)
    {
        if (string.IsNullOrEmpty(userId))
        {
            return null;
        }

        lock (_gate)
        {
            return _accountsByUserId.GetValueOrDefault(userId);
        }
    }

    internal bool IsCaptchaTokenAccepted(string? token)
    {
        if (string.IsNullOrEmpty(token))
        {
            return false;
        }

        lock (_gate)
        {
            return _acceptedCaptchaTokens.Contains(token);
        }
    }

    internal string? TakeGenerationFailure()
    {
        lock (_gate)
        {
            return _failingGenerations.TryDequeue(out var message) ? message : null;
        }
    }

    internal long NextSequence() => Interlocked.Increment(ref _sequence);

    internal void Store(FakeClip clip)
    {
        lock (_gate)
        {
            _clips[clip.Id] = clip;
        }
    }

    internal FakeClip? FindClip(string id)
    {
        lock (_gate)
        {
            return _clips.GetValueOrDefault(id);
        }
    }

    /// <summary>A clip the account may read: its own or a public one.</summary>
    internal FakeClip? FindVisibleClip(string id, FakeAccount reader)
    {
        var clip = FindClip(id);
        return clip is not null && (clip.Owner == reader || clip.IsPublic) ? clip : null;
    }

    internal List<FakeClip> ClipsOf(FakeAccount owner)
    {
        lock (_gate)
        {
            return [.. _clips.Values.Where(c => c.Owner == owner).OrderByDescending(c => c.Sequence)];
        }
    }

    internal void Store(FakeLyricsJob job)
    {
        lock (_gate)
        {
            _lyrics[job.Id] = job;
        }
    }

    internal FakeLyricsJob? FindLyrics(string id)
    {
        lock (_gate)
        {
            return _lyrics.GetValueOrDefault(id);
        }
    }

    internal FakePersona? FindPersona(string id)
    {
        lock (_gate)
        {
            return _personas.GetValueOrDefault(id);
        }
    }

    internal string ClipStatus(FakeClip clip, DateTimeOffset now)
    {
        var elapsed = now - clip.CreatedAt;
        if (clip.ErrorMessage is not null && elapsed >= Options.StreamingAfter)
        {
            return "error";
        }

        if (elapsed >= Options.CompleteAfter)
        {
            return "complete";
        }

        if (elapsed >= Options.StreamingAfter)
        {
            return "streaming";
        }

        return elapsed >= Options.QueuedAfter ? "queued" : "submitted";
    }

    internal static double DurationFor(Guid seed)
    {
        var bytes = seed.ToByteArray();
        var value = BitConverter.ToUInt16(bytes, 0) % 12000;
        return NonIntegral(120 + (value / 100.0));
    }

    /// <summary>Suno's durations are floats (<c>187.32</c>); keep them off whole numbers so they serialise as such.</summary>
    internal static double NonIntegral(double seconds)
    {
        var rounded = Math.Round(seconds, 2);
        return rounded == Math.Floor(rounded) ? rounded + 0.04 : rounded;
    }

    internal static string RandomToken(int length)
    {
        const string Alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
        return RandomNumberGenerator.GetString(Alphabet, length);
    }

    private FakeClipInfo Describe(FakeClip clip)
    {
        var now = Clock.GetUtcNow();
        return new FakeClipInfo(clip.Id, clip.Owner, ClipStatus(clip, now), clip.Type, clip.CreatedAt,
            clip.Duration, clip.ErrorMessage);
    }

    internal sealed class MediaHosts(bool sandbox)
    {
        public string Cdn { get; } = sandbox ? "https://cdn1.sandbox-suno.invalid" : "https://cdn1.suno.ai";
        public string ImageCdn { get; } = sandbox ? "https://cdn2.sandbox-suno.invalid" : "https://cdn2.suno.ai";
        public string AudioPipe { get; } = sandbox ? "https://audiopipe.sandbox-suno.invalid" : "https://audiopipe.suno.ai";
    }
}

/// <summary>A read-only view of a stored clip for tests.</summary>
/// <param name="Id">Clip id.</param>
/// <param name="Owner">The account that owns the clip.</param>
/// <param name="Status">Status as rendered now: submitted, queued, streaming, complete or error.</param>
/// <param name="Type">metadata.type: gen or concat.</param>
/// <param name="CreatedAt">Creation time on the fake's clock.</param>
/// <param name="Duration">The duration the clip reports once complete.</param>
/// <param name="ErrorMessage">The error the clip ends in, if it was made to fail.</param>
public sealed record FakeClipInfo(string Id, FakeAccount Owner, string Status, string Type, DateTimeOffset CreatedAt,
    double Duration, string? ErrorMessage);
