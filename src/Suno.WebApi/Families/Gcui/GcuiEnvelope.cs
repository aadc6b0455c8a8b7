using Suno.WebApi.Errors;

namespace Suno.WebApi.Families.Gcui;

/// <summary>gcui-art's error body on every /api/* route: {"error": "..."} with the HTTP status.</summary>
public sealed class GcuiEnvelope : IErrorEnvelope
{
    public PathString PathPrefix { get; } = new("/api");

    public Task WriteAsync(HttpContext context, ApiError apiError)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(apiError);
        var body = new GcuiError { Error = apiError.Message };
        return context.Response.WriteAsJsonAsync(body, options: null, contentType: "application/json; charset=utf-8", context.RequestAborted);
    }
}
