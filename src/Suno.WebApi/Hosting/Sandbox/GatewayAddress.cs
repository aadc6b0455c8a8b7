using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;

namespace Suno.WebApi.Hosting.Sandbox;

/// <summary>
/// The address this gateway's own Kestrel listens on, as a loopback URL the gateway can call itself at. Known only
/// once the server has bound (a port of 0, a wildcard host), so the first caller waits for the host to have started.
/// </summary>
internal sealed class GatewayAddress(IServer server, IHostApplicationLifetime lifetime)
{
    /// <summary>How long an upstream call made during start-up may wait for the server to bind.</summary>
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(60);

    private Uri? _address;

    public async Task<Uri> GetAsync(CancellationToken cancellationToken)
    {
        if (_address is { } known)
        {
            return known;
        }

        if (!lifetime.ApplicationStarted.IsCancellationRequested)
        {
            var started = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            await using (lifetime.ApplicationStarted.Register(() => started.TrySetResult()).ConfigureAwait(false))
            {
                try
                {
                    await started.Task.WaitAsync(StartTimeout, cancellationToken).ConfigureAwait(false);
                }
                catch (TimeoutException ex)
                {
                    throw new HttpRequestException("Sandbox mode: the gateway has not started listening yet, so its built-in fake Suno cannot be reached.", ex);
                }
            }
        }

        var addresses = server.Features.Get<IServerAddressesFeature>()?.Addresses ?? [];
        _address = Pick(addresses)
            ?? throw new HttpRequestException("Sandbox mode needs the gateway to listen on an http(s) TCP address; it listens on: " + string.Join(", ", addresses));
        return _address;
    }

    /// <summary>
    /// The loopback URL to reach one of <paramref name="addresses"/> (as Kestrel reports them): http before https,
    /// and a wildcard host (0.0.0.0, [::], +, *) replaced by the loopback address of its family. Null when none fits.
    /// </summary>
    internal static Uri? Pick(IEnumerable<string> addresses)
    {
        var candidates = new List<Uri>();
        foreach (var raw in addresses)
        {
            var text = raw.Replace("://+:", "://0.0.0.0:", StringComparison.Ordinal).Replace("://*:", "://0.0.0.0:", StringComparison.Ordinal);
            if (!Uri.TryCreate(text, UriKind.Absolute, out var uri)
                || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps)
                || uri.HostNameType is not (UriHostNameType.IPv4 or UriHostNameType.IPv6 or UriHostNameType.Dns)
                || string.Equals(uri.Host, "unix", StringComparison.OrdinalIgnoreCase))
            {
                continue;
            }

            var host = uri.Host switch
            {
                "0.0.0.0" => "127.0.0.1",
                "[::]" => "[::1]",
                _ => uri.Host,
            };
            candidates.Add(new UriBuilder(uri.Scheme, host, uri.Port).Uri);
        }

        return candidates.OrderBy(u => u.Scheme == Uri.UriSchemeHttp ? 0 : 1).FirstOrDefault();
    }
}
