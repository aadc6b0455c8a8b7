namespace Suno.WebApi.Errors;

/// <summary>An error on its way to the client, before a family puts it in its envelope.</summary>
/// <param name="Status">HTTP status.</param>
/// <param name="Code">Stable snake_case code (invalid_request, task_not_exist, internal_error, ...).</param>
/// <param name="Message">What went wrong, for people; never a stack trace or a secret.</param>
/// <param name="Errors">Field (as the client spells it) to messages, for validation failures.</param>
/// <param name="RetryAfter">When the client may try again (sent as a Retry-After header in whole seconds), for 429.</param>
public sealed record ApiError(int Status, string Code, string Message, IReadOnlyDictionary<string, string[]>? Errors = null, TimeSpan? RetryAfter = null)
{
    public const string InvalidRequest = "invalid_request";
    public const string InternalError = "internal_error";

    public static ApiError Unauthorized() => new(StatusCodes.Status401Unauthorized, InvalidRequest, "unauthorized secret token");

    /// <summary>An empty error response of the framework (unknown route, wrong method) given a body.</summary>
    public static ApiError ForStatus(int status) => status switch
    {
        StatusCodes.Status404NotFound => new(status, "not_found", "no route matches this path"),
        StatusCodes.Status405MethodNotAllowed => new(status, InvalidRequest, "this route does not accept this HTTP method"),
        StatusCodes.Status413PayloadTooLarge => TooLarge(),
        StatusCodes.Status415UnsupportedMediaType => UnsupportedMediaType(),
        >= 500 => new(status, InternalError, "an unexpected error occurred"),
        _ => new(status, InvalidRequest, "the request was rejected"),
    };

    public static ApiError TooLarge() => new(
        StatusCodes.Status413PayloadTooLarge,
        InvalidRequest,
        $"the request body is larger than the limit of {Hosting.RequestLimits.MaxRequestBodyBytes / 1024} KiB");

    public static ApiError UnsupportedMediaType() => new(
        StatusCodes.Status415UnsupportedMediaType,
        InvalidRequest,
        "the request body must be JSON: send Content-Type: application/json");
}
