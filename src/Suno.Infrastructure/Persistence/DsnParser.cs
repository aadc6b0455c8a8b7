using Npgsql;

namespace Suno.Infrastructure.Persistence;

/// <summary>
/// Turns the <c>SQL_DSN</c> setting into an Npgsql connection string. Accepts <c>postgres://</c> and
/// <c>postgresql://</c> URLs (user and password may be percent-encoded; libpq query parameters such as
/// <c>sslmode</c> are translated) and Npgsql key=value connection strings. Anything else, notably the MySQL DSNs
/// the reference gateways also accept, is refused with one line that names the setting.
/// </summary>
public static class DsnParser
{
    /// <summary>The setting as users know it: the environment alias and the configuration key.</summary>
    public const string SettingName = "SQL_DSN (Database:Dsn)";

    private const string Supported =
        "only SQLite (the default: leave SQL_DSN empty) and PostgreSQL " +
        "(postgres://user:pass@host:5432/db or Host=...;Database=...) are supported";

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

    /// <summary>Converts a DSN to an Npgsql connection string; on failure <paramref name="error"/> is one line naming SQL_DSN.</summary>
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

        var userInfo = uri.UserInfo;
        if (userInfo.Length > 0)
        {
            var colon = userInfo.IndexOf(':', StringComparison.Ordinal);
            var user = colon < 0 ? userInfo : userInfo[..colon];
            builder.Username = Uri.UnescapeDataString(user);
            if (colon >= 0)
            {
                builder.Password = Uri.UnescapeDataString(userInfo[(colon + 1)..]);
            }
        }

        var database = Uri.UnescapeDataString(uri.AbsolutePath.TrimStart('/'));
        if (database.Length > 0)
        {
            builder.Database = database;
        }

        foreach (var pair in uri.Query.TrimStart('?').Split('&', StringSplitOptions.RemoveEmptyEntries))
        {
            var eq = pair.IndexOf('=', StringComparison.Ordinal);
            var name = Uri.UnescapeDataString(eq < 0 ? pair : pair[..eq]);
            var raw = eq < 0 ? string.Empty : Uri.UnescapeDataString(pair[(eq + 1)..]);
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

    private static string FirstLine(string message)
    {
        var end = message.IndexOfAny(['\r', '\n']);
        return (end < 0 ? message : message[..end]).Trim().TrimEnd('.');
    }
}
