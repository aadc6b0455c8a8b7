using System.Text.Json.Serialization;
using Suno.WebApi.Errors;

namespace Suno.WebApi.Families.Hosted;

/// <summary>The hosted API's envelope (sunoapi.org's /api/v1/*): {code, msg, data}; code 200 and msg "success" on success.</summary>
public sealed record HostedResponse<T>
{
    /// <summary>200, or the error: 400, 401, 404, 409, 413, 429 (out of credits), 430 (Suno's rate limit), 500.</summary>
    [JsonPropertyName("code")]
    public required int Code { get; init; }

    [JsonPropertyName("msg")]
    public required string Msg { get; init; }

    /// <summary>The answer; null on errors.</summary>
    [JsonPropertyName("data")]
    public required T Data { get; init; }
}

/// <summary>Builds the success envelope.</summary>
public static class HostedResponse
{
    public static HostedResponse<T> Ok<T>(T data) => new() { Code = StatusCodes.Status200OK, Msg = "success", Data = data };
}

/// <summary>An error in the hosted envelope: the code in the body, HTTP 200 (as the hosted API's documents model it).</summary>
public sealed record HostedError
{
    [JsonPropertyName("code")]
    public required int Code { get; init; }

    [JsonPropertyName("msg")]
    public required string Msg { get; init; }

    /// <summary>Always null.</summary>
    [JsonPropertyName("data")]
    public object? Data { get; init; }
}

/// <summary>
/// Errors of /api/v1/* (registered for a longer prefix than gcui's /api, so it wins there): HTTP 200 with the code in
/// the body. The gateway's statuses map to the hosted codes: 402 (Suno out of credits) → 429, 429 (Suno's rate
/// limit) → 430, 405 → 404, 415 and 422 → 400, 503 and every 5xx → 500.
/// </summary>
public sealed class HostedEnvelope : IErrorEnvelope
{
    public PathString PathPrefix { get; } = new("/api/v1");

    public static int CodeOf(int status) => status switch
    {
        StatusCodes.Status402PaymentRequired => 429,
        StatusCodes.Status429TooManyRequests => 430,
        StatusCodes.Status405MethodNotAllowed => 404,
        StatusCodes.Status415UnsupportedMediaType or StatusCodes.Status422UnprocessableEntity => 400,
        >= 500 => 500,
        _ => status,
    };

    public Task WriteAsync(HttpContext context, ApiError apiError)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(apiError);
        context.Response.StatusCode = StatusCodes.Status200OK;
        var body = new HostedError { Code = CodeOf(apiError.Status), Msg = apiError.Message };
        return context.Response.WriteAsJsonAsync(body, options: null, contentType: "application/json; charset=utf-8", context.RequestAborted);
    }
}
