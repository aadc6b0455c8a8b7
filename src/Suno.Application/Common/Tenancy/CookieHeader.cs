namespace Suno.Application.Common.Tenancy;

/// <summary>
/// Reads a browser Cookie header ("a=1; b=2"): the one reader of cookie values, so the tenant of a request and the
/// Suno account it spends are keyed by the same __client value. A later cookie of a name replaces an earlier one; a
/// quoted value is unquoted.
/// </summary>
public static class CookieHeader
{
    /// <summary>Clerk's client cookie: the one that makes a cookie a Suno account.</summary>
    public const string ClientCookie = "__client";

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
                var value = Unquote(pair.Value);
                return string.IsNullOrWhiteSpace(value) ? null : value;
            }
        }

        return null;
    }

    private static string Unquote(string value) =>
        value.Length >= 2 && value[0] == '"' && value[^1] == '"' ? value[1..^1] : value;
}
