using Suno.Application.Common.Tenancy;

namespace Suno.WebApi.Hosting;

/// <summary>
/// Resolves the request's tenant once, before anything else reads it: a Cookie header holding __client (the gcui-art
/// way of bringing one's own Suno account) makes the request that account's tenant; otherwise it is the pool.
/// </summary>
public sealed class CallerMiddleware(RequestDelegate next)
{
    public Task InvokeAsync(HttpContext context, CallerContext caller)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(caller);
        caller.UseCookieHeader(context.Request.Headers.Cookie.ToString());
        return next(context);
    }
}
