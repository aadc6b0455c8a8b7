using System.Security.Cryptography;
using System.Text;

namespace Suno.Domain.Common;

/// <summary>
/// Who a task, a clip or an account belongs to. Requests without a Suno cookie of their own run on the operator's
/// configured accounts: the pool, one tenant. A request whose Cookie header holds __client runs on that person's own
/// Suno account: a tenant of its own, named by a hash of the __client value (the rotating __session and analytics
/// cookies do not change who it is).
/// </summary>
public static class Tenants
{
    /// <summary>The operator's configured accounts.</summary>
    public const string Pool = "pool";

    /// <summary>Prefix of a cookie tenant (also the id of its account).</summary>
    public const string CookiePrefix = "req-";

    /// <summary>The tenant (and account id) of a Suno __client cookie value.</summary>
    public static string ForClientCookie(string clientValue)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(clientValue);
        var hash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(clientValue.Trim())));
        return CookiePrefix + hash[..32];
    }
}
