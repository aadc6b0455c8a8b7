using System.Net;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Options;

namespace Suno.WebApi.Security;

/// <summary>
/// Open by default, as the peer gateways are, but not silently: when SECRET_TOKEN is empty and the gateway listens on
/// an address other than loopback, one warning at start says that anyone who can reach the port can spend the
/// accounts' credits, and how to set the token.
/// </summary>
internal static partial class OpenAccessWarning
{
    public static void WarnWhenOpen(WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.Lifetime.ApplicationStarted.Register(() =>
        {
            if (!string.IsNullOrEmpty(app.Services.GetRequiredService<IOptions<AuthOptions>>().Value.SecretToken))
            {
                return;
            }

            var addresses = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses ?? [];
            var open = addresses.Where(a => !IsLoopback(a)).ToList();
            if (open.Count > 0)
            {
                LogOpen(app.Services.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(OpenAccessWarning).FullName!), string.Join(", ", open));
            }
        });
    }

    /// <summary>Whether a listening address (http://host:port) is reachable only from this machine.</summary>
    internal static bool IsLoopback(string address)
    {
        if (!Uri.TryCreate(address.Replace("://+", "://0.0.0.0", StringComparison.Ordinal).Replace("://*", "://0.0.0.0", StringComparison.Ordinal), UriKind.Absolute, out var uri))
        {
            return false;
        }

        return string.Equals(uri.Host, "localhost", StringComparison.OrdinalIgnoreCase)
            || (IPAddress.TryParse(uri.Host.Trim('[', ']'), out var ip) && IPAddress.IsLoopback(ip));
    }

    [LoggerMessage(
        Level = LogLevel.Warning,
        Message = "SECRET_TOKEN is not set and the gateway listens on {Addresses}: anyone who can reach this port can use the API "
            + "and spend the Suno accounts' credits. Set SECRET_TOKEN (Auth:SecretToken) to require Authorization: Bearer <token>, "
            + "or listen on 127.0.0.1 only")]
    private static partial void LogOpen(ILogger logger, string addresses);
}
