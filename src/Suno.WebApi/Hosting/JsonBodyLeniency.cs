using Microsoft.Net.Http.Headers;

namespace Suno.WebApi.Hosting;

/// <summary>
/// Reads a JSON route's body as JSON when the client did not say so, as both reference gateways do: a request with
/// no Content-Type, or with application/x-www-form-urlencoded (what <c>curl -d</c> sends), is given
/// <c>application/json</c> before routing picks the action (ConsumesAttribute would answer 415). Any other declared
/// type (text/xml, multipart/form-data, ...) is left alone and stays a 415; a body that is not JSON stays a 400 in
/// the family's envelope. Only the JSON families' routes are touched: /suno/*, /api/* and /v1/*.
/// </summary>
public sealed class JsonBodyLeniency : IStartupFilter
{
    private const string FormUrlEncoded = "application/x-www-form-urlencoded";

    private static readonly PathString[] JsonRoutePrefixes = ["/suno", "/api", "/v1"];

    public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next)
    {
        ArgumentNullException.ThrowIfNull(next);
        return app =>
        {
            // A startup filter runs before WebApplication's own UseRouting, so the endpoint is chosen with the new type.
            app.Use((context, following) =>
            {
                Apply(context.Request);
                return following(context);
            });
            next(app);
        };
    }

    /// <summary>Sets application/json on a body-carrying request to a JSON route that declares no type or form-urlencoded.</summary>
    public static void Apply(HttpRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (!(HttpMethods.IsPost(request.Method) || HttpMethods.IsPut(request.Method) || HttpMethods.IsPatch(request.Method))
            || !Array.Exists(JsonRoutePrefixes, p => request.Path.StartsWithSegments(p, StringComparison.OrdinalIgnoreCase)))
        {
            return;
        }

        var declared = request.ContentType;
        if (string.IsNullOrWhiteSpace(declared))
        {
            request.ContentType = "application/json";
            return;
        }

        if (MediaTypeHeaderValue.TryParse(declared, out var media)
            && media.MediaType.Equals(FormUrlEncoded, StringComparison.OrdinalIgnoreCase))
        {
            // Keep a declared charset: the JSON reader honours it.
            request.ContentType = media.Charset.HasValue ? $"application/json; charset={media.Charset}" : "application/json";
        }
    }
}
