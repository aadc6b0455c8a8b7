using System.Text;
using System.Text.Json;

namespace Suno.Infrastructure.Upstream.Clerk;

/// <summary>Reads claims from a JWT payload (base64url JSON). No signature check: the token is Clerk's, for Suno.</summary>
internal static class JwtClaims
{
    /// <summary>The exp claim as a UTC time, or null when the token has none or cannot be read.</summary>
    public static DateTime? ReadExpiry(string jwt)
    {
        var parts = jwt.Split('.');
        if (parts.Length < 2)
        {
            return null;
        }

        try
        {
            var payload = parts[1].Replace('-', '+').Replace('_', '/');
            payload = payload.PadRight(payload.Length + ((4 - (payload.Length % 4)) % 4), '=');
            using var document = JsonDocument.Parse(Encoding.UTF8.GetString(Convert.FromBase64String(payload)));
            if (document.RootElement.ValueKind == JsonValueKind.Object
                && document.RootElement.TryGetProperty("exp", out var exp)
                && exp.ValueKind == JsonValueKind.Number
                && exp.TryGetInt64(out var seconds))
            {
                return DateTimeOffset.FromUnixTimeSeconds(seconds).UtcDateTime;
            }
        }
        catch (FormatException)
        {
        }
        catch (JsonException)
        {
        }
        catch (ArgumentOutOfRangeException)
        {
        }

        return null;
    }
}
