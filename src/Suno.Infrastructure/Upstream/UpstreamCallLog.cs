using System.Diagnostics;
using System.Net.Http;
using Microsoft.Extensions.Logging;
using Suno.Infrastructure.Observability;

namespace Suno.Infrastructure.Upstream;

/// <summary>
/// One Debug line per call to Suno, Clerk or the captcha solver: method, path, status and duration. It replaces the
/// HttpClient factory's four lines (whose scope holds the full URL): no query string (ids of other tenants), no
/// headers (cookie, JWT), and Clerk session ids in the path are shown as <c>sess_*</c>. Each call is also counted
/// and timed in <see cref="GatewayMetrics"/>, by endpoint (the path with ids as <c>{id}</c>).
/// </summary>
internal sealed partial class UpstreamCallLog(ILogger<UpstreamCallLog> logger, GatewayMetrics metrics) : DelegatingHandler
{
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var method = request.Method.Method;
        var path = PathOf(request.RequestUri);
        var started = Stopwatch.GetTimestamp();
        try
        {
            var response = await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
            var elapsed = Stopwatch.GetElapsedTime(started);
            metrics.UpstreamCall(method, EndpointOf(path), (int)response.StatusCode, elapsed);
            LogAnswered(method, path, (int)response.StatusCode, elapsed.TotalMilliseconds);
            return response;
        }
        catch (Exception ex) when (ex is HttpRequestException or OperationCanceledException)
        {
            var elapsed = Stopwatch.GetElapsedTime(started);
            metrics.UpstreamCall(method, EndpointOf(path), null, elapsed);
            var error = ex.GetType().Name;
            LogFailed(method, path, error, elapsed.TotalMilliseconds);
            throw;
        }
    }

    /// <summary>The path alone (no query, no user info), with every segment that is a Clerk session id shortened.</summary>
    internal static string PathOf(Uri? uri)
    {
        if (uri is null || !uri.IsAbsoluteUri)
        {
            return "?";
        }

        var segments = uri.AbsolutePath.Split('/');
        for (var i = 0; i < segments.Length; i++)
        {
            if (segments[i].StartsWith("sess_", StringComparison.Ordinal))
            {
                segments[i] = "sess_*";
            }
        }

        return string.Join('/', segments);
    }

    /// <summary>A metrics label: the logged path with every segment that holds a digit and is 16+ characters (clip, lyrics and persona ids) as <c>{id}</c>.</summary>
    internal static string EndpointOf(string path) =>
        string.Join('/', path.Split('/').Select(s => s.Length >= 16 && s.Any(char.IsAsciiDigit) ? "{id}" : s));

    [LoggerMessage(Level = LogLevel.Debug, Message = "Upstream {Method} {Path} answered {Status} in {ElapsedMs:F0} ms")]
    private partial void LogAnswered(string method, string path, int status, double elapsedMs);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Upstream {Method} {Path} failed ({Error}) after {ElapsedMs:F0} ms")]
    private partial void LogFailed(string method, string path, string error, double elapsedMs);
}
