using Suno.WebApi.Errors;

namespace Suno.WebApi.Families.OpenAi;

/// <summary>Errors of the OpenAI-compatible routes (/v1/*) in OpenAI's envelope, which its SDKs read.</summary>
public sealed class OpenAiErrorEnvelope : IErrorEnvelope
{
    public PathString PathPrefix { get; } = new("/v1");

    public static OpenAiErrorResponse From(ApiError error)
    {
        ArgumentNullException.ThrowIfNull(error);
        return new OpenAiErrorResponse
        {
            Error = new OpenAiError
            {
                Message = error.Message,
                Type = TypeOf(error.Status),
                Param = error.Errors?.Keys.FirstOrDefault(k => k != "body"),
                Code = error.Code,
            },
        };
    }

    public Task WriteAsync(HttpContext context, ApiError apiError)
    {
        ArgumentNullException.ThrowIfNull(context);
        return context.Response.WriteAsJsonAsync(From(apiError), options: null, contentType: "application/json; charset=utf-8", context.RequestAborted);
    }

    private static string TypeOf(int status) => status switch
    {
        StatusCodes.Status401Unauthorized or StatusCodes.Status403Forbidden => "authentication_error",
        StatusCodes.Status402PaymentRequired => "insufficient_quota",
        StatusCodes.Status429TooManyRequests => "rate_limit_error",
        StatusCodes.Status504GatewayTimeout => "timeout_error",
        >= 500 => "server_error",
        _ => "invalid_request_error",
    };
}
