using System.Globalization;
using System.Net.Http;
using System.Text.Json;
using Suno.Application.Common.Exceptions;

namespace Suno.Infrastructure.Upstream;

/// <summary>An upstream answer read in full (bodies are small JSON documents).</summary>
internal sealed record UpstreamResponse(int StatusCode, string Body, IReadOnlyList<string> SetCookies, TimeSpan? RetryAfter)
{
    public bool IsSuccess => StatusCode is >= 200 and < 300;
}

/// <summary>One attempt of an upstream call, with the failures every caller treats alike turned into exceptions.</summary>
internal static class UpstreamHttp
{
    /// <summary>
    /// Sends one request. Transport failures and 5xx throw <see cref="UpstreamUnavailableException"/>; 429 throws
    /// <see cref="RateLimitedException"/>; every other answer is returned. Messages never carry headers (secrets).
    /// </summary>
    public static async ValueTask<UpstreamResponse> SendAsync(HttpClient http, HttpRequestMessage request, string endpoint, TimeProvider time, CancellationToken cancellationToken)
    {
        HttpResponseMessage response;
        try
        {
            response = await http.SendAsync(request, HttpCompletionOption.ResponseContentRead, cancellationToken).ConfigureAwait(false);
        }
        catch (HttpRequestException ex)
        {
            throw new UpstreamUnavailableException($"Suno could not be reached ({endpoint}): {Describe(ex)}.", ex);
        }

        using (response)
        {
            string body;
            try
            {
                body = await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
            }
            catch (HttpRequestException ex)
            {
                throw new UpstreamUnavailableException($"Suno's answer was cut off ({endpoint}): {Describe(ex)}.", ex);
            }

            var status = (int)response.StatusCode;
            var setCookies = response.Headers.TryGetValues("Set-Cookie", out var values) ? values.ToList() : [];
            var retryAfter = ReadRetryAfter(response, time);
            if (status == 429)
            {
                var wait = retryAfter is { } ra ? $" Retry after {Math.Ceiling(ra.TotalSeconds).ToString(CultureInfo.InvariantCulture)} s." : string.Empty;
                throw new RateLimitedException($"Suno is rate limiting this account ({endpoint}).{wait}", retryAfter);
            }

            if (status >= 500)
            {
                throw new UpstreamUnavailableException($"Suno answered {status} ({endpoint}){DetailSuffix(body)}.");
            }

            return new UpstreamResponse(status, body, setCookies, retryAfter);
        }
    }

    /// <summary>Suno's detail: a string, or a pydantic error list flattened to "loc: msg; …".</summary>
    public static string? ReadDetail(string body)
    {
        if (string.IsNullOrWhiteSpace(body))
        {
            return null;
        }

        try
        {
            using var document = JsonDocument.Parse(body);
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object || !root.TryGetProperty("detail", out var detail))
            {
                return null;
            }

            return detail.ValueKind switch
            {
                JsonValueKind.String => detail.GetString(),
                JsonValueKind.Array => string.Join("; ", detail.EnumerateArray().Select(FlattenPydanticError)),
                JsonValueKind.Object => FlattenPydanticError(detail),
                _ => detail.GetRawText(),
            };
        }
        catch (JsonException)
        {
            return null;
        }
    }

    public static JsonElement ParseJson(string body, string endpoint)
    {
        try
        {
            using var document = JsonDocument.Parse(body);
            return document.RootElement.Clone();
        }
        catch (JsonException ex)
        {
            throw new UpstreamUnavailableException($"Suno answered {endpoint} with something that is not JSON.", ex);
        }
    }

    private static string FlattenPydanticError(JsonElement error)
    {
        if (error.ValueKind != JsonValueKind.Object)
        {
            return error.ValueKind == JsonValueKind.String ? error.GetString() ?? string.Empty : error.GetRawText();
        }

        var message = error.TryGetProperty("msg", out var msg) && msg.ValueKind == JsonValueKind.String ? msg.GetString() : error.GetRawText();
        if (error.TryGetProperty("loc", out var loc) && loc.ValueKind == JsonValueKind.Array)
        {
            var path = string.Join('.', loc.EnumerateArray().Select(p => p.ValueKind == JsonValueKind.String ? p.GetString() : p.GetRawText()));
            return path.Length == 0 ? message ?? string.Empty : $"{path}: {message}";
        }

        return message ?? string.Empty;
    }

    private static string DetailSuffix(string body) => ReadDetail(body) is { Length: > 0 } detail
        ? $": {(detail.Length > 300 ? detail[..300] : detail)}"
        : string.Empty;

    private static TimeSpan? ReadRetryAfter(HttpResponseMessage response, TimeProvider time)
    {
        var header = response.Headers.RetryAfter;
        if (header?.Delta is { } delta)
        {
            return delta < TimeSpan.Zero ? TimeSpan.Zero : delta;
        }

        if (header?.Date is { } date)
        {
            var wait = date - time.GetUtcNow();
            return wait < TimeSpan.Zero ? TimeSpan.Zero : wait;
        }

        return null;
    }

    private static string Describe(HttpRequestException ex) => ex.HttpRequestError switch
    {
        HttpRequestError.ConnectionError => "the connection could not be established",
        HttpRequestError.NameResolutionError => "the host name could not be resolved",
        HttpRequestError.ResponseEnded => "the connection closed before the answer was complete",
        HttpRequestError.ProxyTunnelError => "the proxy refused the connection",
        HttpRequestError.SecureConnectionError => "the TLS handshake failed",
        _ => ex.HttpRequestError.ToString(),
    };
}
