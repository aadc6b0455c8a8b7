using System.Collections;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Configuration.CommandLine;
using Microsoft.Extensions.Configuration.EnvironmentVariables;

namespace Suno.Infrastructure.Configuration;

/// <summary>
/// The flat environment variables of the reference gateways (PORT, SQL_DSN, SUNO_COOKIE, ...) as aliases of the
/// hierarchical keys (Server:Port, Database:Dsn, Suno:Cookie, ...), so users of those gateways switch without
/// renaming anything. The table is docs/architecture.md's. Precedence: the alias source is inserted just before the
/// ordinary environment-variable and command-line sources, so an explicitly set hierarchical key
/// (<c>Suno__BaseUrl</c>, <c>--Suno:BaseUrl</c>) wins over its alias (<c>BASE_URL</c>), and an alias wins over
/// appsettings.json.
/// </summary>
public static class LegacyEnvironmentAliases
{
    /// <summary>Hierarchical key to its aliases, most preferred first (SUNO_COOKIE before COOKIE).</summary>
    public static IReadOnlyList<KeyValuePair<string, string[]>> Table { get; } =
    [
        new(SettingKeys.ServerPort, ["PORT"]),
        new(SettingKeys.DatabaseDsn, ["SQL_DSN"]),
        new(SettingKeys.DatabaseSqlitePath, ["SQLITE_PATH"]),
        new(SettingKeys.AuthSecretToken, ["SECRET_TOKEN"]),
        new(SettingKeys.SunoCookie, ["SUNO_COOKIE", "COOKIE"]),
        new(SettingKeys.SunoSessionId, ["SESSION_ID"]),
        new(SettingKeys.SunoBaseUrl, ["BASE_URL"]),
        new(SettingKeys.SunoClerkBaseUrl, ["CLERK_BASE_URL"]),
        new(SettingKeys.SunoExchangeTokenUrl, ["EXCHANGE_TOKEN_URL"]),
        new(SettingKeys.SunoDeviceId, ["DEVICE_ID"]),
        new(SettingKeys.SunoProxy, ["PROXY"]),
        new(SettingKeys.SunoCaptchaSolverUrl, ["CAPTCHA_SOLVER_URL"]),
        new(SettingKeys.SunoSandbox, ["SUNO_SANDBOX"]),
        new(SettingKeys.ChatOpenAiBase, ["CHAT_OPENAI_BASE"]),
        new(SettingKeys.ChatOpenAiKey, ["CHAT_OPENAI_KEY"]),
        new(SettingKeys.ChatOpenAiModel, ["CHAT_OPENAI_MODEL"]),
        new(SettingKeys.ChatTimeoutSeconds, ["CHAT_TIME_OUT"]),
        new(SettingKeys.ChatTemplateDir, ["CHAT_TEMPLATE_DIR"]),
        new(SettingKeys.TasksPollIntervalSeconds, ["POLL_INTERVAL"]),
        new(SettingKeys.LoggingDebug, ["DEBUG"]),
        new(SettingKeys.LoggingRotateLogs, ["ROTATE_LOGS"]),
        new(SettingKeys.LoggingDirectory, ["LOG_DIR"]),
    ];

    /// <summary>The preferred alias of a key, or null when it has none.</summary>
    public static string? AliasOf(string key) =>
        Table.FirstOrDefault(e => string.Equals(e.Key, key, StringComparison.OrdinalIgnoreCase)).Value?[0];

    /// <summary>How a setting is named in messages: "BASE_URL (Suno:BaseUrl)", or the key alone when it has no alias.</summary>
    public static string Describe(string key) => AliasOf(key) is { } alias ? $"{alias} ({key})" : key;

    /// <summary>
    /// Adds the alias source just before the first un-prefixed environment-variable source (else before the
    /// command line, else last). <paramref name="environment"/> replaces the process environment (tests).
    /// </summary>
    public static IConfigurationBuilder AddLegacyEnvironmentAliases(
        this IConfigurationBuilder builder,
        IDictionary? environment = null)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var source = new LegacyEnvironmentAliasesSource(environment);
        var sources = builder.Sources;
        var index = IndexOf(sources, s => s is EnvironmentVariablesConfigurationSource { Prefix: null or "" });
        if (index < 0)
        {
            index = IndexOf(sources, s => s is CommandLineConfigurationSource);
        }

        if (index < 0)
        {
            builder.Add(source);
        }
        else
        {
            sources.Insert(index, source);
        }

        return builder;
    }

    /// <summary>Maps an environment (variable name to value) to hierarchical keys; empty values count as unset.</summary>
    public static Dictionary<string, string?> Map(IDictionary environment)
    {
        ArgumentNullException.ThrowIfNull(environment);
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (DictionaryEntry entry in environment)
        {
            if (entry.Key is string name && entry.Value is string value && !string.IsNullOrWhiteSpace(value))
            {
                values[name] = value;
            }
        }

        var data = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase);
        foreach (var (key, aliases) in Table)
        {
            foreach (var alias in aliases)
            {
                if (values.TryGetValue(alias, out var value))
                {
                    data[key] = value;
                    break;
                }
            }
        }

        return data;
    }

    private static int IndexOf(IList<IConfigurationSource> sources, Func<IConfigurationSource, bool> match)
    {
        for (var i = 0; i < sources.Count; i++)
        {
            if (match(sources[i]))
            {
                return i;
            }
        }

        return -1;
    }
}

/// <summary>Configuration source of <see cref="LegacyEnvironmentAliases"/>.</summary>
public sealed class LegacyEnvironmentAliasesSource(IDictionary? environment = null) : IConfigurationSource
{
    public IConfigurationProvider Build(IConfigurationBuilder builder) => new LegacyEnvironmentAliasesProvider(environment);
}

/// <summary>Reads the aliases from the environment once, at load.</summary>
public sealed class LegacyEnvironmentAliasesProvider(IDictionary? environment) : ConfigurationProvider
{
    public override void Load() =>
        Data = LegacyEnvironmentAliases.Map(environment ?? Environment.GetEnvironmentVariables());
}
