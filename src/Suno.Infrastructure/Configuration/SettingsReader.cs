using System.Globalization;
using Microsoft.Extensions.Configuration;
using Suno.Application.Models;

namespace Suno.Infrastructure.Configuration;

/// <summary>
/// Reads typed settings from configuration and collects one readable message per bad value, naming the setting by
/// both names ("BASE_URL (Suno:BaseUrl) must be ..."). A bad value reads as its default, so binding never throws;
/// the options validators run the same reads and turn the messages into start-up failures.
/// (ConfigurationBinder.Bind would throw on the first bad number with only the hierarchical key in its message.)
/// </summary>
public sealed class SettingsReader(IConfiguration configuration)
{
    private static readonly string[] ProxySchemes = ["http", "https", "socks4", "socks4a", "socks5"];

    private readonly List<string> _errors = [];

    public IConfiguration Configuration { get; } = configuration ?? throw new ArgumentNullException(nameof(configuration));

    public IReadOnlyList<string> Errors => _errors;

    /// <summary>The trimmed value, or null when unset or blank.</summary>
    public string? Text(string key)
    {
        var value = Configuration[key];
        return string.IsNullOrWhiteSpace(value) ? null : value.Trim();
    }

    public string Text(string key, string defaultValue) => Text(key) ?? defaultValue;

    public int Number(string key, int defaultValue, int min, int max)
    {
        var raw = Text(key);
        if (raw is null)
        {
            return defaultValue;
        }

        if (int.TryParse(raw, NumberStyles.Integer, CultureInfo.InvariantCulture, out var value) && value >= min && value <= max)
        {
            return value;
        }

        Fail(key, $"must be a whole number from {min} to {max}, got '{raw}'");
        return defaultValue;
    }

    /// <summary>true/false, 1/0, yes/no, on/off, t/f (any case), as Go's strconv.ParseBool and more.</summary>
    /// <summary>A Suno model name or alias, as the upstream name (mv); the default when unset.</summary>
    public string Model(string key, string defaultValue)
    {
        var raw = Text(key);
        if (raw is null)
        {
            return defaultValue;
        }

        if (SunoModelCatalog.TryResolve(raw, out var model))
        {
            return model.Mv;
        }

        Fail(key, $"names an {SunoModelCatalog.UnknownModelMessage(Echo(raw))}");
        return defaultValue;
    }

    public bool Flag(string key, bool defaultValue)
    {
        var raw = Text(key);
        if (raw is null)
        {
            return defaultValue;
        }

        switch (raw.ToUpperInvariant())
        {
            case "TRUE" or "T" or "1" or "YES" or "Y" or "ON":
                return true;
            case "FALSE" or "F" or "0" or "NO" or "N" or "OFF":
                return false;
            default:
                Fail(key, $"must be true or false, got '{raw}'");
                return defaultValue;
        }
    }

    /// <summary>An absolute http(s) URL, or <paramref name="defaultValue"/> when unset.</summary>
    public Uri? HttpUrl(string key, Uri? defaultValue) => Url(key, defaultValue, ["http", "https"], "an absolute http(s) URL");

    /// <summary>An absolute proxy URL (http, https, socks4, socks4a, socks5).</summary>
    public Uri? ProxyUrl(string key) => Url(key, null, ProxySchemes, "an absolute proxy URL (http, https or socks5)");

    /// <summary>Records a failure of <paramref name="key"/> (worded after the setting's names).</summary>
    public void Fail(string key, string problem) => _errors.Add($"{LegacyEnvironmentAliases.Describe(key)} {problem}");

    /// <summary>A value safe to echo in a message: URLs with credentials are not echoed.</summary>
    public static string Echo(string raw) => raw.Contains('@', StringComparison.Ordinal) ? "<a value with credentials, not shown>" : raw;

    private Uri? Url(string key, Uri? defaultValue, string[] schemes, string what)
    {
        var raw = Text(key);
        if (raw is null)
        {
            return defaultValue;
        }

        if (Uri.TryCreate(raw, UriKind.Absolute, out var uri)
            && schemes.Contains(uri.Scheme, StringComparer.OrdinalIgnoreCase)
            && !string.IsNullOrEmpty(uri.Host))
        {
            return uri;
        }

        Fail(key, $"must be {what}, got '{Echo(raw)}'");
        return defaultValue;
    }
}
