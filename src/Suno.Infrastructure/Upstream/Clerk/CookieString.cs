using System.Globalization;

namespace Suno.Infrastructure.Upstream.Clerk;

/// <summary>
/// A browser cookie string ("a=1; b=2") read and updated the way a browser's jar would be for one site:
/// Set-Cookie from Clerk replaces or adds a cookie, or removes it when it is expired.
/// </summary>
internal static class CookieString
{
    public const string ClientCookie = "__client";
    public const string AnonymousIdCookie = "ajs_anonymous_id";

    public static List<KeyValuePair<string, string>> Parse(string? cookie)
    {
        var result = new List<KeyValuePair<string, string>>();
        if (string.IsNullOrWhiteSpace(cookie))
        {
            return result;
        }

        foreach (var part in cookie.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var eq = part.IndexOf('=', StringComparison.Ordinal);
            if (eq <= 0)
            {
                continue;
            }

            var name = part[..eq].Trim();
            var value = part[(eq + 1)..].Trim();
            var existing = result.FindIndex(p => p.Key == name);
            if (existing >= 0)
            {
                result[existing] = new(name, value);
            }
            else
            {
                result.Add(new(name, value));
            }
        }

        return result;
    }

    public static string? Get(string? cookie, string name)
    {
        foreach (var pair in Parse(cookie))
        {
            if (pair.Key == name)
            {
                return string.IsNullOrEmpty(pair.Value) ? null : Unquote(pair.Value);
            }
        }

        return null;
    }

    public static string Format(IEnumerable<KeyValuePair<string, string>> cookies) =>
        string.Join("; ", cookies.Select(c => $"{c.Key}={c.Value}"));

    /// <summary>Applies Set-Cookie header values to <paramref name="cookie"/>; returns the new cookie string.</summary>
    public static string Merge(string cookie, IEnumerable<string> setCookieHeaders, DateTimeOffset now)
    {
        var jar = Parse(cookie);
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

    private static string Unquote(string value) =>
        value.Length >= 2 && value[0] == '"' && value[^1] == '"' ? value[1..^1] : value;
}
