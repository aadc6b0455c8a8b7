using System.Net;
using System.Net.Sockets;

namespace Suno.Application.Callbacks;

/// <summary>
/// The SSRF guard of every URL a caller gives the gateway to call: http(s) only, at most 2,048 characters, and never
/// an address inside the gateway's network: loopback (unless allowed), private (10/8, 172.16/12, 192.168/16,
/// fc00::/7), shared (100.64/10), link-local (169.254/16 with cloud metadata, fe80::/10), unspecified, multicast,
/// broadcast, and the IPv4-mapped/compatible forms of all of them. Hosts written as numbers in any form (decimal,
/// octal, hex) are parsed as the address they denote. Checked at submission for literal addresses and again, on the
/// resolved addresses, when the connection is made.
/// </summary>
public static class TargetAddressGuard
{
    public const int MaxUrlLength = 2048;

    /// <summary>Why <paramref name="url"/> may not be called as written, or null when it may (its name is checked again when resolved).</summary>
    public static string? ProblemOf(string? url, bool allowLoopback)
    {
        if (string.IsNullOrWhiteSpace(url))
        {
            return "is empty";
        }

        if (url.Length > MaxUrlLength)
        {
            return $"is longer than {MaxUrlLength} characters";
        }

        if (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps))
        {
            return "must be an absolute http(s) URL";
        }

        if (!string.IsNullOrEmpty(uri.UserInfo))
        {
            return "must not carry credentials";
        }

        var host = uri.IdnHost.Trim('[', ']');
        if (uri.HostNameType is UriHostNameType.IPv4 or UriHostNameType.IPv6 && IPAddress.TryParse(host, out var address))
        {
            return IsRefused(address, allowLoopback) ? $"points at a refused address ({address})" : null;
        }

        if (host.Equals("localhost", StringComparison.OrdinalIgnoreCase) || host.EndsWith(".localhost", StringComparison.OrdinalIgnoreCase))
        {
            return allowLoopback ? null : "points at loopback (localhost)";
        }

        // A name made only of numbers (0x7f.1, 017700000001) is an address some resolvers accept: refuse it.
        return host.Split('.').All(IsNumericLabel) ? "is a numeric host in an unusual form" : null;
    }

    private static bool IsNumericLabel(string label) =>
        label.Length > 0 && (label.All(char.IsAsciiDigit)
                             || (label.StartsWith("0x", StringComparison.OrdinalIgnoreCase) && label[2..].All(char.IsAsciiHexDigit)));

    /// <summary>Whether the gateway must not connect to <paramref name="address"/>.</summary>
    public static bool IsRefused(IPAddress address, bool allowLoopback)
    {
        ArgumentNullException.ThrowIfNull(address);
        if (address.IsIPv4MappedToIPv6)
        {
            address = address.MapToIPv4();
        }

        if (address.AddressFamily == AddressFamily.InterNetworkV6)
        {
            var bytes = address.GetAddressBytes();
            if (bytes.Take(12).All(b => b == 0) && !IPAddress.IPv6Loopback.Equals(address) && !IPAddress.IPv6None.Equals(address))
            {
                // IPv4-compatible (::a.b.c.d): judge the IPv4 address inside.
                return IsRefused(new IPAddress(bytes[12..]), allowLoopback);
            }

            if (IPAddress.IPv6Loopback.Equals(address))
            {
                return !allowLoopback;
            }

            return address.Equals(IPAddress.IPv6None) || address.IsIPv6LinkLocal || address.IsIPv6SiteLocal || address.IsIPv6Multicast
                   || (bytes[0] & 0xFE) == 0xFC   // fc00::/7 unique local
                   || (bytes[0] == 0x20 && bytes[1] == 0x02)   // 6to4 can wrap any IPv4 address
                   || (bytes[0] == 0x00 && bytes[1] == 0x64 && bytes[2] == 0xFF && bytes[3] == 0x9B);   // 64:ff9b::/96 NAT64
        }

        var b4 = address.GetAddressBytes();
        if (b4[0] == 127)
        {
            return !allowLoopback;
        }

        return b4[0] == 0                                   // 0/8 "this network", unspecified
               || b4[0] == 10                               // private
               || (b4[0] == 100 && (b4[1] & 0xC0) == 64)    // 100.64/10 shared
               || (b4[0] == 169 && b4[1] == 254)            // link-local, cloud metadata
               || (b4[0] == 172 && (b4[1] & 0xF0) == 16)    // private
               || (b4[0] == 192 && b4[1] == 168)            // private
               || (b4[0] == 192 && b4[1] == 0 && b4[2] == 0) // IETF protocol assignments
               || (b4[0] == 198 && (b4[1] & 0xFE) == 18)    // benchmarking
               || b4[0] >= 224;                             // multicast, reserved, broadcast
    }
}
