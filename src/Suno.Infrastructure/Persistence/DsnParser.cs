using Npgsql;

namespace Suno.Infrastructure.Persistence;

/// <summary>
/// Reads the <c>SQL_DSN</c> setting: which server database it selects and its connection string.
/// SQL Server: a <c>sqlserver://</c> URL or a connection string whose first key is <c>Server=</c> or
/// <c>Data Source=</c> (see <see cref="SqlServerDsn"/>). PostgreSQL: <c>postgres://</c> and <c>postgresql://</c>
/// URLs (user and password may be percent-encoded; libpq query parameters such as <c>sslmode</c> are translated) and
/// Npgsql key=value connection strings (<c>Host=...</c>). Anything else, notably the MySQL DSNs the reference
/// gateways also accept, is refused with one line that names the setting.
/// </summary>
public static class DsnParser
{
    /// <summary>The setting as users know it: the environment alias and the configuration key.</summary>
    public const string SettingName = "SQL_DSN (Database:Dsn)";

    private const string Supported =
        "only SQLite (the default: leave SQL_DSN empty), PostgreSQL " +
        "(postgres://user:pass@host:5432/db or Host=...;Database=...) and " + SqlServerDsn.Forms + " are supported";

    /// <summary>The server database a non-empty DSN selects (SQL Server by its forms, else PostgreSQL); SQLite when empty.</summary>
    public static DatabaseProvider ProviderOf(string? dsn)
    {
        var value = dsn?.Trim() ?? string.Empty;
        return value.Length == 0 ? DatabaseProvider.Sqlite
            : SqlServerDsn.Matches(value) ? DatabaseProvider.SqlServer
            : DatabaseProvider.Postgres;
    }

    /// <summary>
    /// The provider and connection string of a non-empty DSN; on failure <paramref name="error"/> is one line naming
    /// SQL_DSN (and never the password).
    /// </summary>
    public static bool TryParse(string? dsn, out DatabaseProvider provider, out string connectionString, out string error)
    {
        provider = ProviderOf(dsn);
        if (provider == DatabaseProvider.SqlServer)
        {
            return SqlServerDsn.TryConvert(dsn!.Trim(), out connectionString, out error);
        }

        return TryConvert(dsn, out connectionString, out error);
    }

    /// <summary>The connection string of a valid non-empty DSN for the provider it selects, or throws <see cref="FormatException"/>.</summary>
    public static string ToConnectionString(string dsn) =>
        TryParse(dsn, out _, out var connectionString, out var error) ? connectionString : throw new FormatException(error);

    private static readonly Dictionary<string, string> UrlParameters = new(StringComparer.OrdinalIgnoreCase)
    {
        ["sslmode"] = "SSL Mode",
        ["connect_timeout"] = "Timeout",
        ["application_name"] = "Application Name",
        ["search_path"] = "Search Path",
        ["target_session_attrs"] = "Target Session Attributes",
        ["sslrootcert"] = "Root Certificate",
        ["sslcert"] = "SSL Certificate",
        ["sslkey"] = "SSL Key",
        ["sslpassword"] = "SSL Password",
        ["options"] = "Options",
        ["keepalives_idle"] = "Keepalive",
    };

    /// <summary>Converts a DSN to an Npgsql connection string, or throws <see cref="FormatException"/> saying why.</summary>
    public static string ToNpgsqlConnectionString(string dsn)
    {
        if (TryConvert(dsn, out var connectionString, out var error))
        {
            return connectionString;
        }

        throw new FormatException(error);
    }

    /// <summary>Converts a PostgreSQL DSN to an Npgsql connection string; on failure <paramref name="error"/> is one line naming SQL_DSN.</summary>
    public static bool TryConvert(string? dsn, out string connectionString, out string error)
    {
        connectionString = string.Empty;
        error = string.Empty;
        var value = dsn?.Trim() ?? string.Empty;
        if (value.Length == 0)
        {
            error = $"{SettingName} is empty; leave it unset to use SQLite.";
            return false;
        }

        if (LooksLikeMySql(value))
        {
            error = $"{SettingName} looks like a MySQL DSN; MySQL is not supported: {Supported}.";
            return false;
        }

        if (SqlServerDsn.Matches(value))
        {
            error = $"{SettingName} is a SQL Server DSN where a PostgreSQL one is expected.";
            return false;
        }

        var schemeEnd = value.IndexOf("://", StringComparison.Ordinal);
        if (schemeEnd > 0)
        {
            var scheme = value[..schemeEnd];
            if (!scheme.Equals("postgres", StringComparison.OrdinalIgnoreCase)
                && !scheme.Equals("postgresql", StringComparison.OrdinalIgnoreCase))
            {
                error = $"{SettingName} uses the unsupported scheme '{scheme}://'; {Supported}.";
                return false;
            }

            return TryConvertUrl(value, out connectionString, out error);
        }

        if (value.Contains('=', StringComparison.Ordinal))
        {
            return TryConvertKeyValue(value, out connectionString, out error);
        }

        error = $"{SettingName} is neither a PostgreSQL URL nor a key=value connection string; {Supported}.";
        return false;
    }

    private static bool LooksLikeMySql(string value) =>
        value.StartsWith("mysql://", StringComparison.OrdinalIgnoreCase)
        || value.StartsWith("mysql+", StringComparison.OrdinalIgnoreCase)
        || value.Contains("@tcp(", StringComparison.OrdinalIgnoreCase)
        || value.Contains("@unix(", StringComparison.OrdinalIgnoreCase);

    private static bool TryConvertUrl(string value, out string connectionString, out string error)
    {
        connectionString = string.Empty;
        if (!Uri.TryCreate(value, UriKind.Absolute, out var uri) || string.IsNullOrEmpty(uri.Host))
        {
            error = $"{SettingName} is not a valid PostgreSQL URL (expected postgres://user:pass@host:5432/db).";
            return false;
        }

        var builder = new NpgsqlConnectionStringBuilder
        {
            Host = uri.Host.Trim('[', ']'),
            Port = uri.IsDefaultPort || uri.Port < 0 ? 5432 : uri.Port,
        };

        var (user, password) = UserInfo(uri);
        if (user is not null)
        {
            builder.Username = user;
        }

        if (password is not null)
        {
            builder.Password = password;
        }

        var database = Uri.UnescapeDataString(uri.AbsolutePath.TrimStart('/'));
        if (database.Length > 0)
        {
            builder.Database = database;
        }

        foreach (var (name, raw) in QueryParameters(uri))
        {
            if (!TrySetParameter(builder, name, raw))
            {
                error = $"{SettingName} has the unsupported URL parameter '{name}={raw}'.";
                return false;
            }
        }

        connectionString = builder.ConnectionString;
        error = string.Empty;
        return true;
    }

    private static bool TrySetParameter(NpgsqlConnectionStringBuilder builder, string name, string value)
    {
        var key = UrlParameters.GetValueOrDefault(name, name);
        if (key == "SSL Mode")
        {
            value = value.ToLowerInvariant() switch
            {
                "verify-ca" => "VerifyCA",
                "verify-full" => "VerifyFull",
                var other => other,
            };
        }

        try
        {
            builder[key] = value;
            return true;
        }
        catch (ArgumentException)
        {
            return false;
        }
        catch (FormatException)
        {
            return false;
        }
    }

    private static bool TryConvertKeyValue(string value, out string connectionString, out string error)
    {
        connectionString = string.Empty;
        NpgsqlConnectionStringBuilder builder;
        try
        {
            builder = new NpgsqlConnectionStringBuilder(value);
        }
        catch (ArgumentException ex)
        {
            error = $"{SettingName} is not a valid PostgreSQL connection string ({FirstLine(ex.Message)}); {Supported}.";
            return false;
        }
        catch (FormatException ex)
        {
            error = $"{SettingName} is not a valid PostgreSQL connection string ({FirstLine(ex.Message)}); {Supported}.";
            return false;
        }

        if (string.IsNullOrWhiteSpace(builder.Host))
        {
            error = $"{SettingName} names no Host; {Supported}.";
            return false;
        }

        connectionString = builder.ConnectionString;
        error = string.Empty;
        return true;
    }

    /// <summary>The URL's user and password, percent-decoded (null when absent); a colon may sit inside the password.</summary>
    internal static (string? User, string? Password) UserInfo(Uri uri)
    {
        var userInfo = uri.UserInfo;
        if (userInfo.Length == 0)
        {
            return (null, null);
        }

        var colon = userInfo.IndexOf(':', StringComparison.Ordinal);
        var user = Uri.UnescapeDataString(colon < 0 ? userInfo : userInfo[..colon]);
        return (user, colon < 0 ? null : Uri.UnescapeDataString(userInfo[(colon + 1)..]));
    }

    /// <summary>The URL's query parameters, percent-decoded (a + stays a +, as libpq reads it).</summary>
    internal static IEnumerable<(string Name, string Value)> QueryParameters(Uri uri)
    {
        foreach (var pair in uri.Query.TrimStart('?').Split('&', StringSplitOptions.RemoveEmptyEntries))
        {
            var eq = pair.IndexOf('=', StringComparison.Ordinal);
            yield return (Uri.UnescapeDataString(eq < 0 ? pair : pair[..eq]), eq < 0 ? string.Empty : Uri.UnescapeDataString(pair[(eq + 1)..]));
        }
    }

    internal static string FirstLine(string message)
    {
        var end = message.IndexOfAny(['\r', '\n']);
        return (end < 0 ? message : message[..end]).Trim().TrimEnd('.');
    }
}
