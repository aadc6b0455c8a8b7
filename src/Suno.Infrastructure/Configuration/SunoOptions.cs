namespace Suno.Infrastructure.Configuration;

/// <summary>
/// The Suno accounts and how to reach Suno (section Suno), read by <see cref="Read"/> (flat aliases SUNO_COOKIE/COOKIE,
/// SESSION_ID, BASE_URL, ... included). Cookie, session id and JWTs are secrets. The client tuning is
/// <c>Suno:Upstream</c> (UpstreamOptions).
/// </summary>
public sealed class SunoOptions
{
    public const string SectionName = "Suno";
    public static readonly Uri DefaultBaseUrl = new("https://studio-api.prod.suno.com");
    public static readonly Uri DefaultClerkBaseUrl = new("https://auth.suno.com");

    /// <summary>The suno.com cookie (must hold __client; aliases SUNO_COOKIE, then COOKIE): the account named "default".</summary>
    public string? Cookie { get; set; }

    /// <summary>The Clerk session id, sess_... (alias SESSION_ID); found from the cookie when empty.</summary>
    public string? SessionId { get; set; }

    /// <summary>studio-api base URL (alias BASE_URL).</summary>
    public Uri BaseUrl { get; set; } = DefaultBaseUrl;

    /// <summary>Clerk base URL (alias CLERK_BASE_URL).</summary>
    public Uri ClerkBaseUrl { get; set; } = DefaultClerkBaseUrl;

    /// <summary>
    /// Token-exchange URL template of the Go reference, with %s standing for the session id (alias EXCHANGE_TOKEN_URL);
    /// when set it replaces {ClerkBaseUrl}/v1/client/sessions/{sid}/tokens?….
    /// </summary>
    public string? ExchangeTokenUrl { get; set; }

    /// <summary>Device-Id sent to Suno (alias DEVICE_ID); else the cookie's ajs_anonymous_id, else a random UUID per account.</summary>
    public string? DeviceId { get; set; }

    /// <summary>Proxy for calls to Suno and Clerk (alias PROXY).</summary>
    public Uri? Proxy { get; set; }

    /// <summary>Captcha solver (alias CAPTCHA_SOLVER_URL): POSTed to when Suno requires a captcha, answers {"token": "…"}.</summary>
    public Uri? CaptchaSolverUrl { get; set; }

    /// <summary>Answer from the in-repo fake upstream instead of Suno (alias SUNO_SANDBOX).</summary>
    public bool Sandbox { get; set; }

    /// <summary>More accounts (Suno:Accounts:0:Name, :Cookie, :SessionId).</summary>
    public IList<SunoAccountOptions> Accounts { get; } = [];

    /// <summary>Whether accounts built from a request's Cookie header are written to the database.</summary>
    public bool PersistRequestAccounts { get; set; }

    /// <summary>At most this many cookie accounts are served at once; past it a new cookie gets a 503.</summary>
    public int MaxRequestAccounts { get; set; } = 1_000;

    /// <summary>A cookie account unused this long is forgotten (its tenant's rows stay; it comes back with its cookie).</summary>
    public TimeSpan RequestAccountIdle { get; set; } = TimeSpan.FromMinutes(60);

    public static void Read(SettingsReader reader, SunoOptions options)
    {
        ArgumentNullException.ThrowIfNull(reader);
        ArgumentNullException.ThrowIfNull(options);
        options.Cookie = reader.Text(SettingKeys.SunoCookie);
        options.SessionId = reader.Text(SettingKeys.SunoSessionId);
        options.BaseUrl = reader.HttpUrl(SettingKeys.SunoBaseUrl, DefaultBaseUrl)!;
        options.ClerkBaseUrl = reader.HttpUrl(SettingKeys.SunoClerkBaseUrl, DefaultClerkBaseUrl)!;
        options.ExchangeTokenUrl = ReadExchangeTokenUrl(reader);
        options.DeviceId = reader.Text(SettingKeys.SunoDeviceId);
        options.Proxy = reader.ProxyUrl(SettingKeys.SunoProxy);
        options.CaptchaSolverUrl = reader.HttpUrl(SettingKeys.SunoCaptchaSolverUrl, null);
        options.Sandbox = reader.Flag(SettingKeys.SunoSandbox, false);
        options.PersistRequestAccounts = reader.Flag(SettingKeys.SunoPersistRequestAccounts, false);
        options.MaxRequestAccounts = reader.Number(SettingKeys.SunoMaxRequestAccounts, 1_000, 1, 1_000_000);
        options.RequestAccountIdle = TimeSpan.FromMinutes(reader.Number(SettingKeys.SunoRequestAccountIdleMinutes, 60, 1, 10_080));

        options.Accounts.Clear();
        var names = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var section in reader.Configuration.GetSection(SettingKeys.SunoAccounts).GetChildren())
        {
            var prefix = $"{SettingKeys.SunoAccounts}:{section.Key}";
            var account = new SunoAccountOptions
            {
                Name = reader.Text($"{prefix}:Name") ?? string.Empty,
                Cookie = reader.Text($"{prefix}:Cookie") ?? string.Empty,
                SessionId = reader.Text($"{prefix}:SessionId"),
            };
            if (account.Name.Length == 0)
            {
                reader.Fail($"{prefix}:Name", "is required");
            }
            else if (!names.Add(account.Name))
            {
                reader.Fail($"{prefix}:Name", $"'{account.Name}' is used twice");
            }

            if (account.Cookie.Length == 0)
            {
                reader.Fail($"{prefix}:Cookie", "is required");
            }

            options.Accounts.Add(account);
        }
    }

    private static string? ReadExchangeTokenUrl(SettingsReader reader)
    {
        var raw = reader.Text(SettingKeys.SunoExchangeTokenUrl);
        if (raw is null)
        {
            return null;
        }

        var sample = raw.Replace("%s", "sess_x", StringComparison.Ordinal);
        if (!raw.Contains("%s", StringComparison.Ordinal)
            || !Uri.TryCreate(sample, UriKind.Absolute, out var uri)
            || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps))
        {
            reader.Fail(
                SettingKeys.SunoExchangeTokenUrl,
                $"must be an absolute http(s) URL containing %s where the session id goes, got '{SettingsReader.Echo(raw)}'");
            return null;
        }

        return raw;
    }
}

/// <summary>One entry of Suno:Accounts.</summary>
public sealed class SunoAccountOptions
{
    public string Name { get; set; } = string.Empty;

    /// <summary>Secret.</summary>
    public string Cookie { get; set; } = string.Empty;

    public string? SessionId { get; set; }
}
