using System.Net;
using System.Net.Sockets;
using Suno.Application.Callbacks;

namespace Suno.Infrastructure.Callbacks;

/// <summary>A target the address guard refused; the delivery is given up, not retried.</summary>
public sealed class RefusedTargetException(string message) : Exception(message);

/// <summary>
/// The connect step of the callback client (SocketsHttpHandler.ConnectCallback): resolves the host once, refuses it
/// when any of its addresses is refused by <see cref="TargetAddressGuard"/>, and connects to the address it checked,
/// so a DNS answer that changes between check and connect (rebinding) cannot move the connection.
/// </summary>
public static class GuardedConnector
{
    public static async ValueTask<Stream> ConnectAsync(DnsEndPoint endPoint, bool allowLoopback, Func<string, CancellationToken, Task<IPAddress[]>> resolve, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(endPoint);
        ArgumentNullException.ThrowIfNull(resolve);
        var addresses = IPAddress.TryParse(endPoint.Host.Trim('[', ']'), out var literal)
            ? [literal]
            : await resolve(endPoint.Host, cancellationToken).ConfigureAwait(false);
        if (addresses.Length == 0)
        {
            throw new RefusedTargetException($"{endPoint.Host} does not resolve");
        }

        var refused = Array.Find(addresses, a => TargetAddressGuard.IsRefused(a, allowLoopback));
        if (refused is not null)
        {
            throw new RefusedTargetException($"{endPoint.Host} resolves to a refused address ({refused})");
        }

        var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        try
        {
            await socket.ConnectAsync(addresses, endPoint.Port, cancellationToken).ConfigureAwait(false);
            return new NetworkStream(socket, ownsSocket: true);
        }
        catch
        {
            socket.Dispose();
            throw;
        }
    }
}
