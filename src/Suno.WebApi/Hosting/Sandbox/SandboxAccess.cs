using System.Security.Cryptography;
using System.Text;

namespace Suno.WebApi.Hosting.Sandbox;

/// <summary>
/// The key of this process's own calls to the sandbox fake (random, never logged or stored): with SECRET_TOKEN set,
/// /sandbox-suno/* answers only the gateway itself and callers that present the token, like every other route.
/// </summary>
internal sealed class SandboxAccess
{
    public const string HeaderName = "X-Sandbox-Access";

    public string Key { get; } = Convert.ToHexString(RandomNumberGenerator.GetBytes(32));

    public bool IsOwnCall(HttpRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var presented = request.Headers[HeaderName].ToString();
        return presented.Length > 0
            && CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(presented), Encoding.ASCII.GetBytes(Key));
    }
}
