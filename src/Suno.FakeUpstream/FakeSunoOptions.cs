namespace Suno.FakeUpstream;

/// <summary>
/// Settings of the fake Suno studio API and Clerk. Defaults are small so that tests run fast; set all phase
/// durations to zero to have every clip complete immediately.
/// </summary>
public sealed class FakeSunoOptions
{
    /// <summary>The clock behind clip lifecycles, lyrics jobs and JWT expiry. Tests pass a <see cref="ManualTimeProvider"/>.</summary>
    public TimeProvider TimeProvider { get; set; } = TimeProvider.System;

    /// <summary>Lifetime of the session JWTs Clerk hands out (Clerk's default short-lived token is 60 s).</summary>
    public TimeSpan JwtLifetime { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>Time after creation at which a clip turns from <c>submitted</c> to <c>queued</c>.</summary>
    public TimeSpan QueuedAfter { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>Time after creation at which a clip starts <c>streaming</c> (audiopipe URL, images, lyrics).</summary>
    public TimeSpan StreamingAfter { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>Time after creation at which a clip is <c>complete</c> (CDN mp3/mp4, duration).</summary>
    public TimeSpan CompleteAfter { get; set; } = TimeSpan.FromSeconds(4);

    /// <summary>Time after submission at which a lyrics job turns from <c>running</c> to <c>complete</c>.</summary>
    public TimeSpan LyricsCompleteAfter { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>Credits a generate (or extend) call costs; Suno charges 10 per pair of clips.</summary>
    public int CreditsPerGeneration { get; set; } = 10;

    /// <summary>Credits an account registered without an explicit amount starts with (free plan: 50 a day).</summary>
    public int DefaultCredits { get; set; } = 50;

    /// <summary>Page size of the feed and persona pages (Suno uses 20).</summary>
    public int PageSize { get; set; } = 20;

    /// <summary>HTTP status Clerk answers with when token renewal requires a captcha.</summary>
    public int ClerkCaptchaStatusCode { get; set; } = 403;

    /// <summary>
    /// Marks everything as sandbox output: titles get a <c>[sandbox] </c> prefix and media URLs point at an
    /// obviously fake host. Meant for when the gateway hosts the fake for newcomers.
    /// </summary>
    public bool SandboxMarking { get; set; }

    /// <summary>The <c>iss</c> claim of issued JWTs.</summary>
    public string Issuer { get; set; } = "https://auth.suno.com";

    /// <summary>The key the fake signs its HS256 JWTs with. Not a secret: the fake is the only verifier.</summary>
    public string SigningKey { get; set; } = "suno-fake-upstream-signing-key-not-a-secret-0123456789";

    internal void Validate()
    {
        if (JwtLifetime <= TimeSpan.Zero)
        {
            throw new InvalidOperationException("FakeSunoOptions.JwtLifetime must be positive.");
        }

        if (QueuedAfter < TimeSpan.Zero || StreamingAfter < QueuedAfter || CompleteAfter < StreamingAfter)
        {
            throw new InvalidOperationException(
                "FakeSunoOptions phase durations must satisfy 0 <= QueuedAfter <= StreamingAfter <= CompleteAfter.");
        }

        if (PageSize <= 0 || CreditsPerGeneration < 0 || string.IsNullOrEmpty(SigningKey))
        {
            throw new InvalidOperationException("FakeSunoOptions.PageSize must be positive, CreditsPerGeneration non-negative and SigningKey set.");
        }
    }
}
