using Microsoft.Data.SqlClient;

namespace Suno.Infrastructure.Persistence;

/// <summary>
/// The SQL Server forms of <c>SQL_DSN</c>: a URL <c>sqlserver://user:pass@host:1433/db?encrypt=true</c> (user and
/// password may be percent-encoded; the database comes from the path or a <c>database=</c> parameter; other query
/// parameters are SqlClient connection string keywords, e.g. <c>trustservercertificate=true</c>) or an ADO.NET
/// connection string whose first key is <c>Server=</c> or <c>Data Source=</c> and which names the database
/// (<c>Initial Catalog=</c> or <c>Database=</c>).
/// </summary>
internal static class SqlServerDsn
{
    public const string Scheme = "sqlserver";

    public const string Forms =
        "SQL Server (sqlserver://user:pass@host:1433/db or Server=host,1433;Database=db;User Id=...;Password=...)";

    /// <summary>Whether <paramref name="value"/> (trimmed, not empty) is meant for SQL Server.</summary>
    public static bool Matches(string value) =>
        value.StartsWith(Scheme + "://", StringComparison.OrdinalIgnoreCase)
        || FirstKeyIs(value, "Server")
        || FirstKeyIs(value, "Data Source");

    public static bool TryConvert(string value, out string connectionString, out string error)
    {
        connectionString = string.Empty;
        error = string.Empty;
        SqlConnectionStringBuilder builder;
        if (value.StartsWith(Scheme + "://", StringComparison.OrdinalIgnoreCase))
        {
            if (!TryFromUrl(value, out builder, out error))
            {
                return false;
            }
        }
        else
        {
            try
            {
                builder = new SqlConnectionStringBuilder(value);
            }
            catch (Exception ex) when (ex is ArgumentException or FormatException or KeyNotFoundException)
            {
                error = $"{DsnParser.SettingName} is not a valid SQL Server connection string ({DsnParser.FirstLine(ex.Message)}).";
                return false;
            }
        }

        if (string.IsNullOrWhiteSpace(builder.DataSource))
        {
            error = $"{DsnParser.SettingName} names no SQL Server host (Server=... or sqlserver://host).";
            return false;
        }

        if (string.IsNullOrWhiteSpace(builder.InitialCatalog))
        {
            error = $"{DsnParser.SettingName} names no SQL Server database (Initial Catalog=... or Database=..., or sqlserver://host/db).";
            return false;
        }

        connectionString = builder.ConnectionString;
        return true;
    }

    /// <summary>host:port (or host\instance) of a SqlClient connection string; "?" when it has none.</summary>
    public static string HostOf(string? connectionString)
    {
        try
        {
            var source = new SqlConnectionStringBuilder(connectionString).DataSource;
            return string.IsNullOrEmpty(source) ? "?" : source.Replace(',', ':');
        }
        catch (Exception ex) when (ex is ArgumentException or FormatException or KeyNotFoundException)
        {
            return "?";
        }
    }

    private static bool TryFromUrl(string value, out SqlConnectionStringBuilder builder, out string error)
    {
        builder = new SqlConnectionStringBuilder();
        error = string.Empty;
        if (!Uri.TryCreate(value, UriKind.Absolute, out var uri) || string.IsNullOrEmpty(uri.Host))
        {
            error = $"{DsnParser.SettingName} is not a valid SQL Server URL (expected sqlserver://user:pass@host:1433/db).";
            return false;
        }

        var host = uri.Host.Trim('[', ']');
        builder.DataSource = uri.IsDefaultPort || uri.Port < 0 ? host : $"{host},{uri.Port}";
        var (user, password) = DsnParser.UserInfo(uri);
        if (user is not null)
        {
            builder.UserID = user;
        }

        if (password is not null)
        {
            builder.Password = password;
        }

        var database = Uri.UnescapeDataString(uri.AbsolutePath.Trim('/'));
        if (database.Contains('/', StringComparison.Ordinal))
        {
            error = $"{DsnParser.SettingName} has more than one path segment; the SQL Server URL's path is the database name only.";
            return false;
        }

        builder.InitialCatalog = database;
        foreach (var (name, raw) in DsnParser.QueryParameters(uri))
        {
            if (name.Equals("database", StringComparison.OrdinalIgnoreCase) && database.Length > 0 && raw != database)
            {
                error = $"{DsnParser.SettingName} names two databases: '{database}' in the path and '{raw}' in database=.";
                return false;
            }

            if (name.Equals("password", StringComparison.OrdinalIgnoreCase) || name.Equals("pwd", StringComparison.OrdinalIgnoreCase))
            {
                error = $"{DsnParser.SettingName}: put the password in the URL's user part (sqlserver://user:pass@host), not in a parameter.";
                return false;
            }

            try
            {
                builder[name] = raw;
            }
            catch (Exception ex) when (ex is ArgumentException or FormatException or KeyNotFoundException or InvalidOperationException)
            {
                error = $"{DsnParser.SettingName} has the unsupported SQL Server URL parameter '{name}={raw}'.";
                return false;
            }
        }

        return true;
    }

    private static bool FirstKeyIs(string value, string key)
    {
        var eq = value.IndexOf('=', StringComparison.Ordinal);
        return eq > 0 && value[..eq].Trim().Equals(key, StringComparison.OrdinalIgnoreCase);
    }
}
