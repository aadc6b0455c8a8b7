using Microsoft.AspNetCore.Mvc;

namespace Suno.WebApi.Errors;

/// <summary>
/// Writes an <see cref="ApiError"/> in the envelope of the family the request belongs to. The one place that chooses
/// the envelope: exception handler, model-binding failures, auth and empty status codes all come through here.
/// </summary>
public sealed class ErrorResponder(IEnumerable<IErrorEnvelope> envelopes, IProblemDetailsService problemDetails)
{
    private readonly IErrorEnvelope[] _envelopes = envelopes.OrderByDescending(e => e.PathPrefix.Value?.Length ?? 0).ToArray();

    public async Task WriteAsync(HttpContext context, ApiError error)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(error);
        if (context.Response.HasStarted)
        {
            return;
        }

        context.Response.Clear();
        context.Response.StatusCode = error.Status;
        if (error.RetryAfter is { } retryAfter)
        {
            context.Response.Headers.RetryAfter = Math.Max(1, (long)Math.Ceiling(retryAfter.TotalSeconds)).ToString(System.Globalization.CultureInfo.InvariantCulture);
        }

        var envelope = Array.Find(_envelopes, e => context.Request.Path.StartsWithSegments(e.PathPrefix, StringComparison.OrdinalIgnoreCase));
        if (envelope is not null)
        {
            await envelope.WriteAsync(context, error).ConfigureAwait(false);
            return;
        }

        var details = new ProblemDetails
        {
            Status = error.Status,
            Title = error.Message,
            Type = $"https://httpstatuses.io/{error.Status}",
        };
        details.Extensions["code"] = error.Code;
        if (error.Errors is { Count: > 0 })
        {
            details.Extensions["errors"] = error.Errors;
        }

        await problemDetails.WriteAsync(new ProblemDetailsContext { HttpContext = context, ProblemDetails = details }).ConfigureAwait(false);
    }
}
