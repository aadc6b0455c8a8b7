using System.Security.Cryptography;
using Microsoft.AspNetCore.DataProtection;

namespace Suno.Infrastructure.Persistence;

/// <summary>
/// Account cookies at rest: encrypted with ASP.NET Core Data Protection (the key ring lives in
/// <see cref="DatabaseOptions.KeyRingPath"/>). A stored value starts with <see cref="Prefix"/>; a row written before
/// encryption existed holds the plain cookie and is re-encrypted when the accounts are loaded.
/// </summary>
public sealed class CookieProtector(IDataProtectionProvider provider)
{
    /// <summary>Marks an encrypted value (a suno.com cookie never starts with it).</summary>
    public const string Prefix = "dp1:";

    private readonly IDataProtector _protector = provider.CreateProtector("Suno.Api.AccountCookie.v1");

    public string Protect(string cookie)
    {
        ArgumentNullException.ThrowIfNull(cookie);
        return Prefix + _protector.Protect(cookie);
    }

    /// <summary>
    /// The cookie of a stored value: decrypted, or as is when it was stored plain (<paramref name="wasPlain"/>); null
    /// when it cannot be decrypted (the key ring that encrypted it is not here).
    /// </summary>
    public string? Unprotect(string? stored, out bool wasPlain)
    {
        wasPlain = false;
        if (string.IsNullOrEmpty(stored))
        {
            return null;
        }

        if (!stored.StartsWith(Prefix, StringComparison.Ordinal))
        {
            wasPlain = true;
            return stored;
        }

        try
        {
            return _protector.Unprotect(stored[Prefix.Length..]);
        }
        catch (CryptographicException)
        {
            return null;
        }
    }
}
