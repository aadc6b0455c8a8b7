using System.Globalization;
using Suno.Application.Common.Tenancy;

namespace Suno.Infrastructure.Upstream.Clerk;

/// <summary>
/// A browser cookie string ("a=1; b=2") read and updated the way a browser's jar would be for one site:
/// Set-Cookie from Clerk replaces or adds a cookie, or removes it when it is expired.
/// </summary>
internal static class CookieString
{
    public const string AnonymousIdCookie = "ajs_anonymous_id";

    public static string Format(IEnumerable<KeyValuePair<string, string>> cookies) =>
        string.Join("; ", cookies.Select(c => $"{c.Key}={c.Value}"));

    /// <summary>Applies Set-Cookie header values to <paramref name="cookie"/>; returns the new cookie string.</summary>
    public static string Merge(string cookie, IEnumerable<string> setCookieHeaders, DateTimeOffset now)
    {
        var jar = CookieHeader.Parse(cookie);
        foreach (var header in setCookieHeaders)
        {
            var parts = header.Split(';', StringSplitOptions.TrimEntries);
            var eq = parts[0].IndexOf('=', StringComparison.Ordinal);
            if (eq <= 0)
            {
                continue;
            }

            var name = parts[0][..eq].Trim();
            var value = parts[0][(eq + 1)..].Trim();
            var expired = value.Length == 0;
            foreach (var attribute in parts.Skip(1))
            {
                var aeq = attribute.IndexOf('=', StringComparison.Ordinal);
                var key = aeq < 0 ? attribute : attribute[..aeq];
                var attributeValue = aeq < 0 ? string.Empty : attribute[(aeq + 1)..];
                if (key.Equals("Max-Age", StringComparison.OrdinalIgnoreCase)
                    && long.TryParse(attributeValue, NumberStyles.Integer, CultureInfo.InvariantCulture, out var maxAge)
                    && maxAge <= 0)
                {
                    expired = true;
                }
                else if (key.Equals("Expires", StringComparison.OrdinalIgnoreCase)
                         && DateTimeOffset.TryParse(attributeValue, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var expires)
                         && expires <= now)
                {
                    expired = true;
                }
            }

            var index = jar.FindIndex(p => p.Key == name);
            if (expired)
            {
                if (index >= 0)
                {
                    jar.RemoveAt(index);
                }
            }
            else if (index >= 0)
            {
                jar[index] = new(name, value);
            }
            else
            {
                jar.Add(new(name, value));
            }
        }

        return Format(jar);
    }
}
