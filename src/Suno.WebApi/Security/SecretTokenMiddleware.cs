using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;
using Suno.WebApi.Errors;

namespace Suno.WebApi.Security;

/// <summary>
/// When SECRET_TOKEN (Auth:SecretToken) is set, every route except /ping, /health and the API docs needs
/// <c>Authorization: Bearer &lt;token&gt;</c>, else 401 in the family's envelope. Both sides are hashed with SHA-256
/// and compared with <see cref="CryptographicOperations.FixedTimeEquals"/>, so neither the content nor the length of
/// the token leaks through timing. The header is never logged. <c>/metrics</c> is open only with Metrics:Public.
/// </summary>
public sealed class SecretTokenMiddleware(RequestDelegate next, IOptionsMonitor<AuthOptions> options, ErrorResponder responder)
{
    private const string BearerPrefix = "Bearer ";
    public const string MetricsPath = "/metrics";
    private static readonly PathString[] OpenPaths = ["/ping", "/health", "/openapi", "/swagger"];

    public async Task InvokeAsync(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var secret = options.CurrentValue.SecretToken;
        if (string.IsNullOrEmpty(secret) || IsOpen(context.Request.Path)
            || (options.CurrentValue.PublicMetrics && context.Request.Path.StartsWithSegments(MetricsPath, StringComparison.OrdinalIgnoreCase)) || HttpMethods.IsOptions(context.Request.Method)
            || IsAuthorized(context.Request.Headers.Authorization.ToString(), secret))
        {
            await next(context).ConfigureAwait(false);
            return;
        }

        await responder.WriteAsync(context, ApiError.Unauthorized()).ConfigureAwait(false);
    }

    public static bool IsAuthorized(string? authorization, string secret)
    {
        ArgumentNullException.ThrowIfNull(secret);
        var presented = authorization is not null && authorization.StartsWith(BearerPrefix, StringComparison.OrdinalIgnoreCase)
            ? authorization[BearerPrefix.Length..].Trim()
            : string.Empty;
        var expected = SHA256.HashData(Encoding.UTF8.GetBytes(secret));
        var actual = SHA256.HashData(Encoding.UTF8.GetBytes(presented));
        return CryptographicOperations.FixedTimeEquals(expected, actual) && presented.Length > 0;
    }

    private static bool IsOpen(PathString path) =>
        Array.Exists(OpenPaths, open => path.StartsWithSegments(open, StringComparison.OrdinalIgnoreCase));
}
