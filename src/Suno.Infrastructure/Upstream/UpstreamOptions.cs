using System.ComponentModel.DataAnnotations;

namespace Suno.Infrastructure.Upstream;

/// <summary>
/// Tuning of the Suno and Clerk clients (section <c>Suno:Upstream</c>). The connection settings themselves
/// (cookie, URLs, proxy, ...) are in <see cref="Configuration.SunoOptions"/> (section <c>Suno</c>).
/// </summary>
public sealed class UpstreamOptions
{
    public const string SectionName = "Suno:Upstream";

    /// <summary>Timeout of one studio-api attempt (each retry gets its own).</summary>
    [Range(typeof(TimeSpan), "00:00:00.050", "00:10:00")]
    public TimeSpan RequestTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Timeout of one Clerk call.</summary>
    [Range(typeof(TimeSpan), "00:00:00.050", "00:10:00")]
    public TimeSpan ClerkTimeout { get; set; } = TimeSpan.FromSeconds(15);

    /// <summary>How long the captcha solver may take to answer (solvers drive a browser: give them time).</summary>
    [Range(typeof(TimeSpan), "00:00:01", "00:10:00")]
    public TimeSpan CaptchaSolverTimeout { get; set; } = TimeSpan.FromSeconds(120);

    /// <summary>TCP connect timeout of the outbound handler.</summary>
    [Range(typeof(TimeSpan), "00:00:00.050", "00:05:00")]
    public TimeSpan ConnectTimeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>A cached JWT is refreshed when it expires within this margin.</summary>
    [Range(typeof(TimeSpan), "00:00:00", "00:30:00")]
    public TimeSpan TokenRefreshMargin { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Every configured account's Clerk session is renewed on this interval (the Go reference's 30 minutes).</summary>
    [Range(typeof(TimeSpan), "00:00:00.100", "1.00:00:00")]
    public TimeSpan KeepAliveInterval { get; set; } = TimeSpan.FromMinutes(30);

    /// <summary>Every configured account's credits are read from billing on this interval.</summary>
    [Range(typeof(TimeSpan), "00:00:00.100", "1.00:00:00")]
    public TimeSpan CreditsRefreshInterval { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>
    /// First wait before an exhausted or invalid account is checked again in the background; it doubles per
    /// refusal in a row, up to <see cref="CreditsRefreshInterval"/>.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:00.100", "1.00:00:00")]
    public TimeSpan AccountRecheckDelay { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Refusals of an account's cookie in a row (Clerk, or studio-api after a renewed token) before it is invalid.</summary>
    [Range(1, 100)]
    public int InvalidAfterRefusals { get; set; } = 3;

    /// <summary>How long a "no captcha required" answer of /api/c/check is reused for an account (0 asks before every generation).</summary>
    [Range(typeof(TimeSpan), "00:00:00", "1.00:00:00")]
    public TimeSpan CaptchaCheckCacheDuration { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>The backoff of account checks: <see cref="AccountRecheckDelay"/> doubling per refusal, capped at <see cref="CreditsRefreshInterval"/>.</summary>
    internal TimeSpan RecheckBackoff(int failures) =>
        Domain.Accounts.SunoAccount.Backoff(failures, AccountRecheckDelay, CreditsRefreshInterval > AccountRecheckDelay ? CreditsRefreshInterval : AccountRecheckDelay);

    /// <summary>The generate route: /api/generate/v2/ (GCUI, Go reference) or /api/generate/v2-web/ (the web app, 2026).</summary>
    [Required]
    [RegularExpression("^/.*", ErrorMessage = "Suno:Upstream:GeneratePath must start with '/'.")]
    public string GeneratePath { get; set; } = "/api/generate/v2/";

    /// <summary>
    /// Ids per GET /api/feed/v2 call. Suno pages that feed by 20, so a longer id list could be cut to one page;
    /// longer lists are split into batches of this size.
    /// </summary>
    [Range(1, 100)]
    public int FeedBatchSize { get; set; } = 20;

    /// <summary>Retries of an idempotent read after a 5xx, timeout, connection error or 429 (0 disables).</summary>
    [Range(0, 10)]
    public int ReadRetryCount { get; set; } = 3;

    /// <summary>First retry delay of a read; doubles per attempt, with jitter.</summary>
    [Range(typeof(TimeSpan), "00:00:00", "00:01:00")]
    public TimeSpan ReadRetryBaseDelay { get; set; } = TimeSpan.FromMilliseconds(500);

    /// <summary>A 429 on a read is retried after its Retry-After only when that is at most this long.</summary>
    [Range(typeof(TimeSpan), "00:00:00", "00:10:00")]
    public TimeSpan MaxRetryAfter { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Failure ratio (5xx, timeouts, connection errors) above which an account's circuit opens.</summary>
    [Range(0.01, 1.0)]
    public double CircuitBreakerFailureRatio { get; set; } = 0.5;

    /// <summary>Calls within the sampling window before the breaker may open.</summary>
    [Range(2, 10_000)]
    public int CircuitBreakerMinimumThroughput { get; set; } = 10;

    [Range(typeof(TimeSpan), "00:00:00.500", "01:00:00")]
    public TimeSpan CircuitBreakerSamplingDuration { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>How long an open circuit fails calls fast before letting one through.</summary>
    [Range(typeof(TimeSpan), "00:00:00.500", "01:00:00")]
    public TimeSpan CircuitBreakerBreakDuration { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>The browser User-Agent sent to Suno and Clerk.</summary>
    [Required]
    public string UserAgent { get; set; } =
        "Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/130.0.0.0 Safari/537.36";

    /// <summary>Clerk's __clerk_api_version query value.</summary>
    [Required]
    public string ClerkApiVersion { get; set; } = "2025-11-10";

    /// <summary>Clerk's _clerk_js_version query value.</summary>
    [Required]
    public string ClerkJsVersion { get; set; } = "5.117.0";
}
