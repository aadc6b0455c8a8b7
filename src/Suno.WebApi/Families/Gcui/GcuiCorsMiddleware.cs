namespace Suno.WebApi.Families.Gcui;

/// <summary>
/// gcui-art's CORS on every /api/* response (errors, 401 and 404 included: the headers are added as the response
/// starts, so clearing a response for an error keeps them), and OPTIONS answered 200 with an empty body before
/// anything else runs (a browser's preflight carries no token, so it never meets the SECRET_TOKEN check).
/// </summary>
public sealed class GcuiCorsMiddleware(RequestDelegate next)
{
    public const string AllowOrigin = "*";
    public const string AllowMethods = "GET, POST, PUT, DELETE, OPTIONS";
    public const string AllowHeaders = "Content-Type, Authorization";

    private static readonly PathString Prefix = new("/api");

    public Task InvokeAsync(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (!context.Request.Path.StartsWithSegments(Prefix, StringComparison.OrdinalIgnoreCase))
        {
            return next(context);
        }

        context.Response.OnStarting(
            static state =>
            {
                var headers = ((HttpResponse)state).Headers;
                headers.AccessControlAllowOrigin = AllowOrigin;
                headers.AccessControlAllowMethods = AllowMethods;
                headers.AccessControlAllowHeaders = AllowHeaders;
                return Task.CompletedTask;
            },
            context.Response);

        if (HttpMethods.IsOptions(context.Request.Method))
        {
            context.Response.StatusCode = StatusCodes.Status200OK;
            context.Response.ContentLength = 0;
            return Task.CompletedTask;
        }

        return next(context);
    }
}
