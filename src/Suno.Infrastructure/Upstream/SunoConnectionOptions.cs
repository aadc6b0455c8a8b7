using System.ComponentModel.DataAnnotations;
using Microsoft.Extensions.Configuration;
using Suno.Infrastructure.Configuration;

namespace Suno.Infrastructure.Upstream;

/// <summary>
/// The connection settings the upstream reads from the <c>Suno</c> section (flat aliases SUNO_COOKIE/COOKIE,
/// SESSION_ID, BASE_URL, CLERK_BASE_URL, EXCHANGE_TOKEN_URL, DEVICE_ID, PROXY, CAPTCHA_SOLVER_URL are mapped onto it
/// by the configuration layer).
/// </summary>
public sealed class SunoConnectionOptions : IValidatableObject
{
    public const string SectionName = "Suno";

    private static readonly string[] HttpSchemes = ["http", "https"];

    /// <summary>What SocketsHttpHandler can use as a proxy.</summary>
    private static readonly string[] ProxySchemes = ["http", "https", "socks4", "socks4a", "socks5"];

    /// <summary>The suno.com cookie string (must hold __client): the account named "default".</summary>
    public string? Cookie { get; set; }

    /// <summary>Clerk session id (sess_…) of <see cref="Cookie"/>; looked up from /v1/client when empty.</summary>
    public string? SessionId { get; set; }

    /// <summary>studio-api base URL.</summary>
    public string BaseUrl { get; set; } = "https://studio-api.prod.suno.com";

    /// <summary>Clerk frontend API base URL.</summary>
    public string ClerkBaseUrl { get; set; } = "https://auth.suno.com";

    /// <summary>
    /// Token-exchange URL template of the Go reference, with %s standing for the session id; when set it replaces
    /// {ClerkBaseUrl}/v1/client/sessions/{sid}/tokens?….
    /// </summary>
    public string? ExchangeTokenUrl { get; set; }

    /// <summary>Device-Id sent to Suno; else the cookie's ajs_anonymous_id, else a random UUID per account.</summary>
    public string? DeviceId { get; set; }

    /// <summary>HTTP proxy for every call to Suno and Clerk (http://[user:pass@]host:port).</summary>
    public string? Proxy { get; set; }

    /// <summary>Captcha solver: POSTed to when Suno requires a captcha, answers {"token": "…"}.</summary>
    public string? CaptchaSolverUrl { get; set; }

    /// <summary>More accounts: each with Name, Cookie and optionally SessionId.</summary>
    public IList<SunoAccountConfig> Accounts { get; } = [];

    /// <summary>Whether accounts built from a request's Cookie header are written to the database.</summary>
    public bool PersistRequestAccounts { get; set; }

    /// <summary>Takes the values the gateway's settings read (<see cref="SunoOptions"/>), plus the keys only the upstream uses.</summary>
    public void CopyFrom(SunoOptions suno, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(suno);
        ArgumentNullException.ThrowIfNull(configuration);
        Cookie = suno.Cookie;
        SessionId = suno.SessionId;
        BaseUrl = suno.BaseUrl.ToString().TrimEnd('/');
        ClerkBaseUrl = suno.ClerkBaseUrl.ToString().TrimEnd('/');
        ExchangeTokenUrl = suno.ExchangeTokenUrl;
        DeviceId = suno.DeviceId;
        Proxy = suno.Proxy?.ToString();
        CaptchaSolverUrl = suno.CaptchaSolverUrl?.ToString();
        Accounts.Clear();
        foreach (var account in suno.Accounts)
        {
            Accounts.Add(new SunoAccountConfig { Name = account.Name, Cookie = account.Cookie, SessionId = account.SessionId });
        }

        PersistRequestAccounts = configuration.GetValue<bool>($"{SectionName}:{nameof(PersistRequestAccounts)}");
    }

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        foreach (var (name, value, required, schemes) in new[]
                 {
                     ("Suno:BaseUrl", BaseUrl, true, HttpSchemes),
                     ("Suno:ClerkBaseUrl", ClerkBaseUrl, true, HttpSchemes),
                     ("Suno:Proxy", Proxy, false, ProxySchemes),
                     ("Suno:CaptchaSolverUrl", CaptchaSolverUrl, false, HttpSchemes),
                 })
        {
            if (string.IsNullOrWhiteSpace(value))
            {
                if (required)
                {
                    yield return new ValidationResult($"{name} is required.", [name]);
                }

                continue;
            }

            if (!Uri.TryCreate(value, UriKind.Absolute, out var uri) || !schemes.Contains(uri.Scheme, StringComparer.OrdinalIgnoreCase))
            {
                yield return new ValidationResult($"{name} must be an absolute URL ({string.Join(", ", schemes)}).", [name]);
            }
        }

        if (!string.IsNullOrWhiteSpace(ExchangeTokenUrl) && !ExchangeTokenUrl.Contains("%s", StringComparison.Ordinal))
        {
            yield return new ValidationResult("Suno:ExchangeTokenUrl must contain %s where the session id goes.", ["Suno:ExchangeTokenUrl"]);
        }

        var names = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i < Accounts.Count; i++)
        {
            var account = Accounts[i];
            if (string.IsNullOrWhiteSpace(account.Name))
            {
                yield return new ValidationResult($"Suno:Accounts:{i}:Name is required.", [$"Suno:Accounts:{i}:Name"]);
            }
            else if (!names.Add(account.Name))
            {
                yield return new ValidationResult($"Suno:Accounts:{i}:Name '{account.Name}' is used twice.", [$"Suno:Accounts:{i}:Name"]);
            }

            if (string.IsNullOrWhiteSpace(account.Cookie))
            {
                yield return new ValidationResult($"Suno:Accounts:{i}:Cookie is required.", [$"Suno:Accounts:{i}:Cookie"]);
            }
        }
    }
}

/// <summary>One entry of Suno:Accounts.</summary>
public sealed class SunoAccountConfig
{
    public string Name { get; set; } = string.Empty;

    public string Cookie { get; set; } = string.Empty;

    public string? SessionId { get; set; }
}
