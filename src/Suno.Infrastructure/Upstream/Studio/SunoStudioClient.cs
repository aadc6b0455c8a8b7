using System.Globalization;
using System.Net.Http;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Polly.CircuitBreaker;
using Polly.Timeout;
using Suno.Application.Common.Exceptions;
using Suno.Application.Common.Interfaces;
using Suno.Application.Common.Upstream;
using Suno.Domain.Accounts;
using Suno.Domain.Clips;
using Suno.Infrastructure.Configuration;
using Suno.Infrastructure.Upstream.Accounts;
using Suno.Infrastructure.Upstream.Clerk;

namespace Suno.Infrastructure.Upstream.Studio;

/// <summary>
/// Suno's studio-api over a typed <see cref="HttpClient"/> (PROTOCOL §1). Each call: the account's JWT from
/// <see cref="SunoSessionManager"/>, the browser headers of §1.1, the account's resilience pipeline, then one
/// re-authentication when Suno answers 401/403, and the error mapping of <see cref="ISunoUpstream"/>. It only speaks
/// to Suno: what the answers tell about the account (credits, out of credits) is recorded by
/// <see cref="AccountRecordingUpstream"/>, the <see cref="ISunoUpstream"/> the gateway uses.
/// </summary>
public sealed partial class SunoStudioClient : ISunoUpstream
{
    /// <summary>Suno's detail when the captcha token is missing or stale.</summary>
    public const string CaptchaRejectedDetail = "Token validation failed.";

    private readonly HttpClient _http;
    private readonly SunoOptions _connection;
    private readonly UpstreamOptions _options;
    private readonly AccountRegistry _registry;
    private readonly SunoSessionManager _sessions;
    private readonly UpstreamResilience _resilience;
    private readonly ICaptchaTokenProvider _captcha;
    private readonly TimeProvider _time;
    private readonly ILogger<SunoStudioClient> _logger;

    public SunoStudioClient(HttpClient http, IOptions<SunoOptions> connection, IOptions<UpstreamOptions> options,
        AccountRegistry registry, SunoSessionManager sessions, UpstreamResilience resilience,
        ICaptchaTokenProvider captcha, TimeProvider time, ILogger<SunoStudioClient> logger)
    {
        ArgumentNullException.ThrowIfNull(connection);
        ArgumentNullException.ThrowIfNull(options);
        _http = http;
        _connection = connection.Value;
        _options = options.Value;
        _registry = registry;
        _sessions = sessions;
        _resilience = resilience;
        _captcha = captcha;
        _time = time;
        _logger = logger;
    }

    public async Task<CaptchaCheck> CheckCaptchaRequiredAsync(UpstreamAccount account, CancellationToken cancellationToken)
    {
        // A probe that creates nothing: treated as a read (retried).
        var root = await SendAsync(account, new Call("captcha.check", HttpMethod.Post, "/api/c/check", """{"ctype":"generation"}""", IsRead: true), cancellationToken).ConfigureAwait(false);
        return new CaptchaCheck(ClipJson.Boolean(root, "required") ?? false, ClipJson.Integer(root, "captcha_version"));
    }

    public async Task<GenerateResult> GenerateAsync(UpstreamAccount account, GenerateRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(account);
        ArgumentNullException.ThrowIfNull(request);
        var session = _registry.Require(account);
        var token = request.CaptchaToken;
        if (string.IsNullOrWhiteSpace(token) && !CaptchaKnownNotRequired(session))
        {
            token = await CheckAndSolveCaptchaAsync(account, session, solveEvenIfNotRequired: false, cancellationToken).ConfigureAwait(false);
        }

        var call = new Call("generate", HttpMethod.Post, _options.GeneratePath, BuildGenerateBody(request, token), IsRead: false);
        JsonElement root;
        try
        {
            root = await SendAsync(account, call, cancellationToken).ConfigureAwait(false);
        }
        catch (CaptchaRequiredException) when (string.IsNullOrWhiteSpace(token))
        {
            // "Token validation failed." without a token: Suno made nothing, so asking again with a token is safe.
            session.CaptchaNotRequiredUntil = null;
            token = await CheckAndSolveCaptchaAsync(account, session, solveEvenIfNotRequired: true, cancellationToken).ConfigureAwait(false);
            root = await SendAsync(account, call with { JsonBody = BuildGenerateBody(request, token) }, cancellationToken).ConfigureAwait(false);
        }

        var clips = ClipJson.ParseList(root);
        if (clips.Count == 0)
        {
            throw new UpstreamRejectedException("Suno accepted the generation but returned no clips.");
        }

        return new GenerateResult(ClipJson.String(root, "id"), ClipJson.String(root, "status"), clips, root);
    }

    public async Task<IReadOnlyList<ClipSnapshot>> GetFeedAsync(UpstreamAccount account, IReadOnlyCollection<string> clipIds, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(clipIds);
        var ids = clipIds.Where(id => !string.IsNullOrWhiteSpace(id)).Distinct(StringComparer.Ordinal).ToList();
        var result = new List<ClipSnapshot>(ids.Count);
        foreach (var batch in ids.Chunk(_options.FeedBatchSize))
        {
            var query = string.Join(',', batch.Select(Uri.EscapeDataString));
            var root = await SendAsync(account, new Call("feed", HttpMethod.Get, $"/api/feed/v2?ids={query}", null, IsRead: true), cancellationToken).ConfigureAwait(false);
            result.AddRange(ClipJson.ParseList(root));
        }

        return result;
    }

    public async Task<FeedPage> GetFeedPageAsync(UpstreamAccount account, int page, CancellationToken cancellationToken)
    {
        var root = await SendAsync(account, new Call("feed", HttpMethod.Get, $"/api/feed/v2?page={Math.Max(0, page).ToString(CultureInfo.InvariantCulture)}", null, IsRead: true), cancellationToken).ConfigureAwait(false);
        return new FeedPage(ClipJson.ParseList(root), ClipJson.Integer(root, "num_total_results"), ClipJson.Integer(root, "current_page"), ClipJson.Boolean(root, "has_more"), root);
    }

    public async Task<ClipSnapshot> GetClipAsync(UpstreamAccount account, string clipId, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(clipId);
        var root = await SendAsync(account, new Call("clip", HttpMethod.Get, $"/api/clip/{Uri.EscapeDataString(clipId)}", null, IsRead: true, NotFoundId: clipId), cancellationToken).ConfigureAwait(false);
        return ParseClip(root, "clip");
    }

    public async Task<string> GenerateLyricsAsync(UpstreamAccount account, string prompt, CancellationToken cancellationToken)
    {
        var body = new JsonObject { ["prompt"] = prompt ?? string.Empty }.ToJsonString();
        var root = await SendAsync(account, new Call("lyrics", HttpMethod.Post, "/api/generate/lyrics/", body, IsRead: false), cancellationToken).ConfigureAwait(false);
        return ClipJson.String(root, "id") ?? throw new UpstreamUnavailableException("Suno answered the lyrics request without an id.");
    }

    public async Task<LyricsJob> GetLyricsAsync(UpstreamAccount account, string lyricsId, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(lyricsId);
        var root = await SendAsync(account, new Call("lyrics.poll", HttpMethod.Get, $"/api/generate/lyrics/{Uri.EscapeDataString(lyricsId)}", null, IsRead: true, NotFoundId: lyricsId, NotFoundKind: "lyrics"), cancellationToken).ConfigureAwait(false);
        var text = ClipJson.String(root, "text");
        var status = ClipJson.String(root, "status") ?? (string.IsNullOrEmpty(text) ? "running" : "complete");
        return new LyricsJob(ClipJson.String(root, "id") ?? lyricsId, status, ClipJson.String(root, "title"), text, root);
    }

    public async Task<ClipSnapshot> ConcatAsync(UpstreamAccount account, string clipId, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(clipId);
        var body = new JsonObject { ["clip_id"] = clipId }.ToJsonString();
        var root = await SendAsync(account, new Call("concat", HttpMethod.Post, "/api/generate/concat/v2/", body, IsRead: false), cancellationToken).ConfigureAwait(false);
        return ParseClip(root, "concat");
    }

    public async Task<IReadOnlyList<ClipSnapshot>> StemsAsync(UpstreamAccount account, string clipId, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(clipId);
        var root = await SendAsync(account, new Call("stems", HttpMethod.Post, $"/api/edit/stems/{Uri.EscapeDataString(clipId)}", "{}", IsRead: false), cancellationToken).ConfigureAwait(false);
        return ClipJson.ParseList(root);
    }

    public async Task<UpstreamJson> GetAlignedLyricsAsync(UpstreamAccount account, string clipId, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(clipId);
        var root = await SendAsync(account, new Call("aligned_lyrics", HttpMethod.Get, $"/api/gen/{Uri.EscapeDataString(clipId)}/aligned_lyrics/v2/", null, IsRead: true, NotFoundId: clipId), cancellationToken).ConfigureAwait(false);
        return new UpstreamJson(root);
    }

    public async Task<BillingInfo> GetBillingInfoAsync(UpstreamAccount account, CancellationToken cancellationToken)
    {
        var root = await SendAsync(account, new Call("billing", HttpMethod.Get, "/api/billing/info/", null, IsRead: true), cancellationToken).ConfigureAwait(false);
        var credits = ClipJson.Integer(root, "total_credits_left") ?? ClipJson.Integer(root, "credits_left")
            ?? throw new UpstreamUnavailableException("Suno's billing info has neither total_credits_left nor credits_left.");
        return new BillingInfo(
            credits,
            ClipJson.Integer(root, "monthly_limit"),
            ClipJson.Integer(root, "monthly_usage"),
            ClipJson.String(root, "period"),
            ClipJson.Boolean(root, "is_active"),
            ClipJson.String(root, "subscription_type"),
            root);
    }

    public async Task<UpstreamJson> GetPersonaPageAsync(UpstreamAccount account, string personaId, int page, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(personaId);
        var path = $"/api/persona/get-persona-paginated/{Uri.EscapeDataString(personaId)}/?page={Math.Max(0, page).ToString(CultureInfo.InvariantCulture)}";
        var root = await SendAsync(account, new Call("persona", HttpMethod.Get, path, null, IsRead: true, NotFoundId: personaId, NotFoundKind: "persona"), cancellationToken).ConfigureAwait(false);
        return new UpstreamJson(root);
    }

    private bool CaptchaKnownNotRequired(AccountSession session) =>
        session.CaptchaNotRequiredUntil is { } until && until > _time.GetUtcNow().UtcDateTime;

    /// <summary>
    /// Asks /api/c/check; remembers "not required" for Suno:Upstream:CaptchaCheckCacheDuration; when a captcha is
    /// required (or Suno just refused a generation for the lack of one) asks the solver for a token.
    /// </summary>
    private async Task<string?> CheckAndSolveCaptchaAsync(UpstreamAccount account, AccountSession session, bool solveEvenIfNotRequired, CancellationToken cancellationToken)
    {
        // One check at a time per account: concurrent first generations share its "not required". The solver runs
        // outside the gate (each generation needs a token of its own).
        CaptchaCheck check;
        await session.CaptchaGate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (!solveEvenIfNotRequired && CaptchaKnownNotRequired(session))
            {
                return null;
            }

            check = await CheckCaptchaRequiredAsync(account, cancellationToken).ConfigureAwait(false);
            if (!check.Required)
            {
                session.CaptchaNotRequiredUntil = _time.GetUtcNow().UtcDateTime + _options.CaptchaCheckCacheDuration;
            }
        }
        finally
        {
            session.CaptchaGate.Release();
        }

        if (!check.Required && !solveEvenIfNotRequired)
        {
            return null;
        }

        return await _captcha.GetTokenAsync(account.Id, check.CaptchaVersion, cancellationToken).ConfigureAwait(false);
    }

    internal static string BuildGenerateBody(GenerateRequest request, string? captchaToken)
    {
        var body = new JsonObject
        {
            ["prompt"] = request.Prompt ?? string.Empty,
        };
        if (request.GptDescriptionPrompt is not null)
        {
            body["gpt_description_prompt"] = request.GptDescriptionPrompt;
        }

        if (request.Tags is not null)
        {
            body["tags"] = request.Tags;
        }

        if (request.NegativeTags is not null)
        {
            body["negative_tags"] = request.NegativeTags;
        }

        if (request.Title is not null || request.Task is not null)
        {
            // Suno rejects a null title on extend ("params.title should be a valid string").
            body["title"] = request.Title ?? string.Empty;
        }

        body["mv"] = request.Model;
        body["make_instrumental"] = request.MakeInstrumental;
        body["generation_type"] = "TEXT";
        body["task"] = request.Task;
        body["continue_clip_id"] = request.ContinueClipId;
        body["continue_at"] = request.ContinueAt;
        body["token"] = captchaToken;
        return body.ToJsonString();
    }

    private static ClipSnapshot ParseClip(JsonElement root, string endpoint)
    {
        var clip = root.ValueKind == JsonValueKind.Object && root.TryGetProperty("clips", out var clips) && clips.ValueKind == JsonValueKind.Array && clips.GetArrayLength() > 0
            ? clips[0]
            : root;
        try
        {
            return ClipJson.Parse(clip);
        }
        catch (FormatException ex)
        {
            throw new UpstreamUnavailableException($"Suno answered {endpoint} without a clip object.", ex);
        }
    }

    private async Task<JsonElement> SendAsync(UpstreamAccount account, Call call, CancellationToken cancellationToken)
    {
        var session = _registry.Require(account);
        var jwt = await _sessions.GetTokenAsync(session, cancellationToken).ConfigureAwait(false);
        var response = await ExecuteAsync(session, call, jwt, cancellationToken).ConfigureAwait(false);
        if (response.StatusCode is 401 or 403)
        {
            // A 401/403 means Suno did not accept the work, so one retry with a renewed JWT is safe even for a POST.
            jwt = await _sessions.RefreshAfterRejectionAsync(session, jwt, cancellationToken).ConfigureAwait(false);
            response = await ExecuteAsync(session, call, jwt, cancellationToken).ConfigureAwait(false);
            if (response.StatusCode is 401 or 403)
            {
                throw await _sessions.RefusedAsync(session, $"studio-api answered {response.StatusCode} to a freshly renewed token", cancellationToken).ConfigureAwait(false);
            }
        }

        if (response.IsSuccess)
        {
            return string.IsNullOrWhiteSpace(response.Body) ? default : UpstreamHttp.ParseJson(response.Body, call.Endpoint);
        }

        throw MapFailure(call, response);
    }

    private async Task<UpstreamResponse> ExecuteAsync(AccountSession session, Call call, string jwt, CancellationToken cancellationToken)
    {
        var pipelines = _resilience.For(session.Id);
        var pipeline = call.IsRead ? pipelines.Reads : pipelines.Writes;
        var started = _time.GetTimestamp();
        var url = _connection.BaseUrl.ToString().TrimEnd('/') + call.PathAndQuery;
        try
        {
            var response = await pipeline.ExecuteAsync(
                async ct =>
                {
                    using var request = new HttpRequestMessage(call.Method, url);
                    request.Headers.TryAddWithoutValidation("Authorization", "Bearer " + jwt);
                    request.Headers.TryAddWithoutValidation("Device-Id", $"\"{session.DeviceId}\"");
                    request.Headers.TryAddWithoutValidation("User-Agent", _options.UserAgent);
                    request.Headers.TryAddWithoutValidation("Origin", "https://suno.com");
                    request.Headers.TryAddWithoutValidation("Referer", "https://suno.com/");
                    request.Headers.TryAddWithoutValidation("Affiliate-Id", "undefined");
                    request.Headers.TryAddWithoutValidation("Cookie", session.Read(a => a.Cookie));
                    if (call.JsonBody is not null)
                    {
                        request.Content = new StringContent(call.JsonBody, Encoding.UTF8, "application/json");
                    }

                    return await UpstreamHttp.SendAsync(_http, request, call.Endpoint, _time, ct).ConfigureAwait(false);
                },
                cancellationToken).ConfigureAwait(false);
            return response;
        }
        catch (TimeoutRejectedException ex)
        {
            var elapsedMs = _time.GetElapsedTime(started).TotalMilliseconds;
            LogFailed(call.Endpoint, session.Id, "timeout", elapsedMs);
            var note = call.IsRead ? string.Empty : " It was not retried because Suno may already have started (and charged for) the work; check the feed before submitting again.";
            throw new UpstreamUnavailableException(
                $"Suno did not answer {call.Endpoint} within {_options.RequestTimeout.TotalSeconds.ToString(CultureInfo.InvariantCulture)} s.{note}", ex);
        }
        catch (BrokenCircuitException ex)
        {
            var elapsedMs = _time.GetElapsedTime(started).TotalMilliseconds;
            LogFailed(call.Endpoint, session.Id, "circuit open", elapsedMs);
            throw new UpstreamUnavailableException(
                $"Suno failed repeatedly for account '{session.Name}'; calls are paused for up to {_options.CircuitBreakerBreakDuration.TotalSeconds.ToString(CultureInfo.InvariantCulture)} s.", ex);
        }
        catch (SunoApplicationException ex)
        {
            var elapsedMs = _time.GetElapsedTime(started).TotalMilliseconds;
            LogFailed(call.Endpoint, session.Id, ex.ErrorCode, elapsedMs);
            throw;
        }
    }

    private static SunoApplicationException MapFailure(Call call, UpstreamResponse response)
    {
        var detail = UpstreamHttp.ReadDetail(response.Body);
        switch (response.StatusCode)
        {
            case 402:
                // Marking the account exhausted is AccountRecordingUpstream's part.
                return new OutOfCreditsException(string.IsNullOrWhiteSpace(detail) ? "Payment required: the Suno account is out of credits." : detail);
            case 422 when string.Equals(detail?.Trim(), CaptchaRejectedDetail, StringComparison.OrdinalIgnoreCase):
                return new CaptchaRequiredException(
                    $"Suno asks for a captcha for this generation ({CaptchaRejectedDetail}). Set Suno:CaptchaSolverUrl (CAPTCHA_SOLVER_URL) "
                    + "to a solver that answers {\"token\": ...}, or generate once on suno.com with this account to clear the check.");
            case 422:
                return new UpstreamRejectedException(string.IsNullOrWhiteSpace(detail) ? "Suno rejected the request (422)." : detail);
            case 404 when call.NotFoundId is not null:
                return new NotFoundException($"{call.NotFoundKind}_not_exist", $"{call.NotFoundKind} {call.NotFoundId} does not exist");
            default:
                return new UpstreamRejectedException(string.IsNullOrWhiteSpace(detail)
                    ? $"Suno answered {response.StatusCode} to {call.Endpoint}."
                    : $"Suno answered {response.StatusCode} to {call.Endpoint}: {detail}");
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Suno {Endpoint} failed ({Reason}) for account {AccountId} after {ElapsedMs:F0} ms")]
    private partial void LogFailed(string endpoint, string accountId, string reason, double elapsedMs);

    private sealed record Call(string Endpoint, HttpMethod Method, string PathAndQuery, string? JsonBody, bool IsRead, string? NotFoundId = null, string NotFoundKind = "clip");
}
