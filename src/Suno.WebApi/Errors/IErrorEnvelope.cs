namespace Suno.WebApi.Errors;

/// <summary>
/// How one API family writes errors (the /suno/* family writes {code, message, data:null}). Register an
/// implementation as <c>IErrorEnvelope</c>; <see cref="ErrorResponder"/> picks the one whose
/// <see cref="PathPrefix"/> is the longest match of the request path, else ProblemDetails.
/// </summary>
public interface IErrorEnvelope
{
    /// <summary>The routes this envelope answers for, e.g. "/suno".</summary>
    PathString PathPrefix { get; }

    Task WriteAsync(HttpContext context, ApiError apiError);
}
