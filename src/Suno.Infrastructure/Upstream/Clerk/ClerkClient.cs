using Suno.Application.Common.Tenancy;
using System.Globalization;
using System.Net.Http;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Polly.Timeout;
using Suno.Application.Common.Exceptions;
using Suno.Infrastructure.Configuration;

namespace Suno.Infrastructure.Upstream.Clerk;

/// <summary>A Clerk answer and the cookies Clerk set with it.</summary>
internal sealed record ClerkResult(string Value, IReadOnlyList<string> SetCookies);

/// <summary>Clerk refused the cookie (signed out, revoked, expired, unknown session).</summary>
internal sealed class ClerkCredentialsRejectedException(string reason) : Exception(reason);

/// <summary>
/// Clerk's frontend API as suno.com's web app calls it (PROTOCOL §2): GET /v1/client for the last active session,
/// POST /v1/client/sessions/{sid}/tokens for a short-lived JWT. The raw __client value goes in Authorization and
/// the whole cookie in Cookie.
/// </summary>
public sealed partial class ClerkClient
{
    private readonly HttpClient _http;
    private readonly SunoOptions _connection;
    private readonly UpstreamOptions _options;
    private readonly UpstreamResilience _resilience;
    private readonly TimeProvider _time;
    private readonly ILogger<ClerkClient> _logger;

    public ClerkClient(HttpClient http, IOptions<SunoOptions> connection, IOptions<UpstreamOptions> options,
        UpstreamResilience resilience, TimeProvider time, ILogger<ClerkClient> logger)
    {
        ArgumentNullException.ThrowIfNull(connection);
        ArgumentNullException.ThrowIfNull(options);
        _http = http;
        _connection = connection.Value;
        _options = options.Value;
        _resilience = resilience;
        _time = time;
        _logger = logger;
    }

    private string Query => $"__clerk_api_version={Uri.EscapeDataString(_options.ClerkApiVersion)}&_clerk_js_version={Uri.EscapeDataString(_options.ClerkJsVersion)}";

    /// <summary>The session id of GET /v1/client's last_active_session_id.</summary>
    internal async Task<ClerkResult> GetLastActiveSessionIdAsync(string cookie, string accountId, CancellationToken cancellationToken)
    {
        var url = $"{_connection.ClerkBaseUrl.ToString().TrimEnd('/')}/v1/client?{Query}";
        var response = await SendAsync(HttpMethod.Get, url, cookie, accountId, "clerk.client", cancellationToken).ConfigureAwait(false);
        var root = UpstreamHttp.ParseJson(response.Body, "clerk.client");
        string? sessionId = null;
        if (root.ValueKind == JsonValueKind.Object && root.TryGetProperty("response", out var client) && client.ValueKind == JsonValueKind.Object)
        {
            if (client.TryGetProperty("last_active_session_id", out var sid) && sid.ValueKind == JsonValueKind.String)
            {
                sessionId = sid.GetString();
            }
        }

        if (string.IsNullOrWhiteSpace(sessionId))
        {
            throw new ClerkCredentialsRejectedException("Clerk knows no active session for this cookie (signed out?)");
        }

        return new ClerkResult(sessionId, response.SetCookies);
    }

    /// <summary>A fresh JWT for the session (POST …/tokens).</summary>
    internal async Task<ClerkResult> CreateSessionTokenAsync(string cookie, string sessionId, string accountId, CancellationToken cancellationToken)
    {
        var url = string.IsNullOrWhiteSpace(_connection.ExchangeTokenUrl)
            ? $"{_connection.ClerkBaseUrl.ToString().TrimEnd('/')}/v1/client/sessions/{Uri.EscapeDataString(sessionId)}/tokens?{Query}"
            : _connection.ExchangeTokenUrl.Replace("%s", Uri.EscapeDataString(sessionId), StringComparison.Ordinal);
        var response = await SendAsync(HttpMethod.Post, url, cookie, accountId, "clerk.tokens", cancellationToken).ConfigureAwait(false);
        var root = UpstreamHttp.ParseJson(response.Body, "clerk.tokens");
        var jwt = root.ValueKind == JsonValueKind.Object && root.TryGetProperty("jwt", out var value) && value.ValueKind == JsonValueKind.String
            ? value.GetString()
            : null;
        if (string.IsNullOrWhiteSpace(jwt))
        {
            throw new UpstreamUnavailableException("Clerk answered the token exchange without a jwt.");
        }

        return new ClerkResult(jwt, response.SetCookies);
    }

    private async Task<UpstreamResponse> SendAsync(HttpMethod method, string url, string cookie, string accountId, string endpoint, CancellationToken cancellationToken)
    {
        var clientToken = CookieHeader.Get(cookie, CookieHeader.ClientCookie);
        var started = _time.GetTimestamp();
        UpstreamResponse response;
        try
        {
            response = await _resilience.Clerk.ExecuteAsync(
                async ct =>
                {
                    using var request = new HttpRequestMessage(method, url);
                    if (clientToken is not null)
                    {
                        request.Headers.TryAddWithoutValidation("Authorization", clientToken);
                    }

                    request.Headers.TryAddWithoutValidation("Cookie", cookie);
                    request.Headers.TryAddWithoutValidation("User-Agent", _options.UserAgent);
                    request.Headers.TryAddWithoutValidation("Origin", "https://suno.com");
                    request.Headers.TryAddWithoutValidation("Referer", "https://suno.com/");
                    if (method == HttpMethod.Post)
                    {
                        request.Content = new StringContent("{}", Encoding.UTF8, "application/json");
                    }

                    return await UpstreamHttp.SendAsync(_http, request, endpoint, _time, ct).ConfigureAwait(false);
                },
                cancellationToken).ConfigureAwait(false);
        }
        catch (TimeoutRejectedException ex)
        {
            var elapsedMs = _time.GetElapsedTime(started).TotalMilliseconds;
            LogFailed(endpoint, accountId, "timeout", elapsedMs);
            throw new UpstreamUnavailableException($"Clerk did not answer within {_options.ClerkTimeout.TotalSeconds.ToString(CultureInfo.InvariantCulture)} s ({endpoint}).", ex);
        }
        catch (SunoApplicationException ex)
        {
            var elapsedMs = _time.GetElapsedTime(started).TotalMilliseconds;
            LogFailed(endpoint, accountId, ex.ErrorCode, elapsedMs);
            throw;
        }

        var callMs = _time.GetElapsedTime(started).TotalMilliseconds;
        LogCall(endpoint, response.StatusCode, accountId, callMs);
        if (response.IsSuccess)
        {
            return response;
        }

        var (code, message) = ReadClerkError(response.Body);
        if (string.Equals(code, "requires_captcha", StringComparison.OrdinalIgnoreCase))
        {
            throw new CaptchaRequiredException(
                "Clerk (Suno's sign-in service) wants a captcha before it renews this account's session. Open suno.com in a browser "
                + "with this account, pass the check, then copy the fresh cookie into Suno:Cookie (SUNO_COOKIE).");
        }

        if (response.StatusCode is 401 or 403 or 404 or 422)
        {
            var reason = code is null ? $"Clerk answered {response.StatusCode}" : $"Clerk answered {response.StatusCode} {code}";
            throw new ClerkCredentialsRejectedException(message is null ? reason : $"{reason}: {message}");
        }

        throw new UpstreamRejectedException($"Clerk answered {response.StatusCode} ({endpoint}){(message is null ? string.Empty : ": " + message)}.");
    }

    private static (string? Code, string? Message) ReadClerkError(string body)
    {
        try
        {
            using var document = JsonDocument.Parse(body);
            if (document.RootElement.ValueKind == JsonValueKind.Object
                && document.RootElement.TryGetProperty("errors", out var errors)
                && errors.ValueKind == JsonValueKind.Array
                && errors.GetArrayLength() > 0
                && errors[0].ValueKind == JsonValueKind.Object)
            {
                var first = errors[0];
                var code = first.TryGetProperty("code", out var c) && c.ValueKind == JsonValueKind.String ? c.GetString() : null;
                var message = first.TryGetProperty("long_message", out var lm) && lm.ValueKind == JsonValueKind.String ? lm.GetString()
                    : first.TryGetProperty("message", out var m) && m.ValueKind == JsonValueKind.String ? m.GetString() : null;
                return (code, message);
            }
        }
        catch (JsonException)
        {
        }

        return (null, null);
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "Clerk {Endpoint} answered {Status} for account {AccountId} in {ElapsedMs:F0} ms")]
    private partial void LogCall(string endpoint, int status, string accountId, double elapsedMs);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Clerk {Endpoint} failed ({Reason}) for account {AccountId} after {ElapsedMs:F0} ms")]
    private partial void LogFailed(string endpoint, string accountId, string reason, double elapsedMs);
}
