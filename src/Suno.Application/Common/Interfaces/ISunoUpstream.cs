using Suno.Application.Common.Upstream;
using Suno.Domain.Clips;

namespace Suno.Application.Common.Interfaces;

/// <summary>
/// Suno's studio API as the use cases see it. Every call runs as one account (its JWT comes from the account's
/// Clerk session, refreshed when needed). Failures are application exceptions:
/// <see cref="Exceptions.AccountInvalidException"/> (cookie refused even after one re-authentication),
/// <see cref="Exceptions.OutOfCreditsException"/> (402), <see cref="Exceptions.CaptchaRequiredException"/>,
/// <see cref="Exceptions.UpstreamRejectedException"/> (other 422), <see cref="Exceptions.RateLimitedException"/> (429),
/// <see cref="Exceptions.UpstreamUnavailableException"/> (5xx, timeouts, connection errors, open circuit),
/// <see cref="Exceptions.NoAccountException"/> (unknown account id).
/// Reads are retried with backoff; calls that create work (generate, lyrics, concat, stems) are not.
/// </summary>
public interface ISunoUpstream
{
    /// <summary>POST /api/c/check {ctype:"generation"}.</summary>
    Task<CaptchaCheck> CheckCaptchaRequiredAsync(UpstreamAccount account, CancellationToken cancellationToken);

    /// <summary>
    /// POST the generate route (a new song, or an extension when <see cref="GenerateRequest.Task"/> is "extend").
    /// Checks /api/c/check first unless a token is given, asks the captcha provider when one is required, and
    /// refreshes the account's credits from billing afterwards. Never retried once it may have reached Suno.
    /// </summary>
    Task<GenerateResult> GenerateAsync(UpstreamAccount account, GenerateRequest request, CancellationToken cancellationToken);

    /// <summary>GET /api/feed/v2?ids=…, in batches (Suno:Upstream:FeedBatchSize ids per call). Clips Suno does not return are absent.</summary>
    Task<IReadOnlyList<ClipSnapshot>> GetFeedAsync(UpstreamAccount account, IReadOnlyCollection<string> clipIds, CancellationToken cancellationToken);

    /// <summary>GET /api/feed/v2?page=N: the account's recent clips.</summary>
    Task<FeedPage> GetFeedPageAsync(UpstreamAccount account, int page, CancellationToken cancellationToken);

    /// <summary>GET /api/clip/{id}. Throws NotFoundException when Suno answers 404.</summary>
    Task<ClipSnapshot> GetClipAsync(UpstreamAccount account, string clipId, CancellationToken cancellationToken);

    /// <summary>POST /api/generate/lyrics/ {prompt}: returns the lyrics job id.</summary>
    Task<string> GenerateLyricsAsync(UpstreamAccount account, string prompt, CancellationToken cancellationToken);

    /// <summary>GET /api/generate/lyrics/{id}.</summary>
    Task<LyricsJob> GetLyricsAsync(UpstreamAccount account, string lyricsId, CancellationToken cancellationToken);

    /// <summary>POST /api/generate/concat/v2/ {clip_id}: the new full-song clip.</summary>
    Task<ClipSnapshot> ConcatAsync(UpstreamAccount account, string clipId, CancellationToken cancellationToken);

    /// <summary>POST /api/edit/stems/{clip_id}: the stem clips.</summary>
    Task<IReadOnlyList<ClipSnapshot>> StemsAsync(UpstreamAccount account, string clipId, CancellationToken cancellationToken);

    /// <summary>GET /api/gen/{id}/aligned_lyrics/v2/, passed through.</summary>
    Task<UpstreamJson> GetAlignedLyricsAsync(UpstreamAccount account, string clipId, CancellationToken cancellationToken);

    /// <summary>GET /api/billing/info/; also records the credits on the account (exhausted below one generation).</summary>
    Task<BillingInfo> GetBillingInfoAsync(UpstreamAccount account, CancellationToken cancellationToken);

    /// <summary>GET /api/persona/get-persona-paginated/{id}/?page=N, passed through.</summary>
    Task<UpstreamJson> GetPersonaPageAsync(UpstreamAccount account, string personaId, int page, CancellationToken cancellationToken);
}
