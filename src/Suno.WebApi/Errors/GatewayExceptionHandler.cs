using System.Text.Json;
using Microsoft.AspNetCore.Diagnostics;
using Suno.Application.Common.Exceptions;

namespace Suno.WebApi.Errors;

/// <summary>
/// The one exception handler: turns what a request threw into an <see cref="ApiError"/> (validation 400 with field
/// errors, not found 404, any application error its own status, bad input 400/413/415, anything else 500 with a
/// generic message and the exception logged) and lets <see cref="ErrorResponder"/> write it.
/// </summary>
public sealed partial class GatewayExceptionHandler(ErrorResponder responder, ILogger<GatewayExceptionHandler> logger) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(httpContext);
        if (exception is OperationCanceledException && httpContext.RequestAborted.IsCancellationRequested)
        {
            // The client went away; there is nobody to answer.
            return true;
        }

        var error = Map(exception);
        if (error.Status >= StatusCodes.Status500InternalServerError && exception is not SunoApplicationException)
        {
            LogUnexpected(logger, exception, httpContext.Request.Method, httpContext.Request.Path);
        }

        await responder.WriteAsync(httpContext, error).ConfigureAwait(false);
        return true;
    }

    public static ApiError Map(Exception exception) => exception switch
    {
        ValidationException validation => new(validation.StatusCode, validation.ErrorCode, validation.Message, validation.Errors),
        RateLimitedException limited => new(limited.StatusCode, limited.ErrorCode, limited.Message, RetryAfter: limited.RetryAfter),
        SunoApplicationException app => new(app.StatusCode, app.ErrorCode, app.Message),
        BadHttpRequestException { StatusCode: StatusCodes.Status413PayloadTooLarge } => ApiError.TooLarge(),
        BadHttpRequestException { StatusCode: StatusCodes.Status415UnsupportedMediaType } => ApiError.UnsupportedMediaType(),
        BadHttpRequestException bad when bad.InnerException is JsonException => ModelStateErrors.MalformedJson(null),
        BadHttpRequestException bad => new(bad.StatusCode, ApiError.InvalidRequest, "the request could not be read"),
        JsonException => ModelStateErrors.MalformedJson(null),
        _ => new(StatusCodes.Status500InternalServerError, ApiError.InternalError, "an unexpected error occurred"),
    };

    [LoggerMessage(Level = LogLevel.Error, Message = "Unhandled exception on {Method} {Path}")]
    private static partial void LogUnexpected(ILogger logger, Exception exception, string method, string path);
}
