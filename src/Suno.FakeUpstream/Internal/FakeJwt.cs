using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Suno.FakeUpstream.Internal;

/// <summary>HS256 JWTs: real three-part base64url tokens, signed and verified with the fake's key.</summary>
internal sealed class FakeJwt(string signingKey)
{
    private readonly byte[] _key = Encoding.UTF8.GetBytes(signingKey);

    public string Sign(JsonObject payload)
    {
        var header = new JsonObject { ["alg"] = "HS256", ["kid"] = "ins_fake_suno", ["typ"] = "JWT" };
        var signingInput = Base64Url(Encoding.UTF8.GetBytes(header.ToJsonString())) + "." +
                           Base64Url(Encoding.UTF8.GetBytes(payload.ToJsonString()));
        var signature = HMACSHA256.HashData(_key, Encoding.ASCII.GetBytes(signingInput));
        return signingInput + "." + Base64Url(signature);
    }

    /// <summary>Returns the payload when the signature is valid (expiry is the caller's business), else null.</summary>
    public JsonObject? ReadVerified(string token)
    {
        var parts = token.Split('.');
        if (parts.Length != 3)
        {
            return null;
        }

        var expected = HMACSHA256.HashData(_key, Encoding.ASCII.GetBytes(parts[0] + "." + parts[1]));
        var actual = FromBase64Url(parts[2]);
        if (actual is null || !CryptographicOperations.FixedTimeEquals(expected, actual))
        {
            return null;
        }

        var payloadBytes = FromBase64Url(parts[1]);
        if (payloadBytes is null)
        {
            return null;
        }

        try
        {
            return JsonNode.Parse(payloadBytes) as JsonObject;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    public static string Base64Url(byte[] bytes) =>
        Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    private static byte[]? FromBase64Url(string text)
    {
        var padded = text.Replace('-', '+').Replace('_', '/');
        padded += (padded.Length % 4) switch
        {
            2 => "==",
            3 => "=",
            _ => string.Empty,
        };

        try
        {
            return Convert.FromBase64String(padded);
        }
        catch (FormatException)
        {
            return null;
        }
    }
}
