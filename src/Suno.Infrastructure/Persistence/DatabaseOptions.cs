namespace Suno.Infrastructure.Persistence;

/// <summary>
/// Where the data lives (section <c>Database</c>). One switch: SQLite at <see cref="SqlitePath"/> when
/// <see cref="Dsn"/> is empty, otherwise SQL Server or PostgreSQL as the DSN's form says (<see cref="DsnParser"/>).
/// </summary>
public sealed class DatabaseOptions
{
    public const string SectionName = "Database";

    /// <summary>Default SQLite file, relative to the working directory (as in the reference gateways).</summary>
    public const string DefaultSqlitePath = "data/suno.db";

    /// <summary>
    /// Server database DSN (alias <c>SQL_DSN</c>). PostgreSQL: a URL (<c>postgres://user:pass@host:5432/db?sslmode=disable</c>)
    /// or an Npgsql connection string (<c>Host=...;Database=...</c>). SQL Server: a URL
    /// (<c>sqlserver://user:pass@host:1433/db?encrypt=true</c>) or a SqlClient connection string starting with
    /// <c>Server=</c> or <c>Data Source=</c> that names the database. Empty means SQLite.
    /// </summary>
    public string? Dsn { get; set; }

    /// <summary>SQLite database file used when <see cref="Dsn"/> is empty (alias <c>SQLITE_PATH</c>).</summary>
    public string SqlitePath { get; set; } = DefaultSqlitePath;

    /// <summary>
    /// Folder of the Data Protection key ring that encrypts the account cookies in the database (created owner-only).
    /// Empty: <c>keys/</c> beside the SQLite file, or <c>data/keys</c> with a server database. Back it up with the database;
    /// several processes sharing one database must share it too.
    /// </summary>
    public string? KeyRingPath { get; set; }

    /// <summary>
    /// How long the first connection to a server database (SQL_DSN) is retried at start, with backoff, before the
    /// gateway gives up (key Database:StartupRetrySeconds; 0 tries once). In compose the database often starts later.
    /// </summary>
    public int StartupRetrySeconds { get; set; } = DefaultStartupRetrySeconds;

    public const int DefaultStartupRetrySeconds = 60;

    /// <summary>The key ring folder in effect.</summary>
    public string KeyRingFolder =>
        !string.IsNullOrWhiteSpace(KeyRingPath) ? Path.GetFullPath(KeyRingPath)
        : Provider == DatabaseProvider.Sqlite ? Path.Combine(Path.GetDirectoryName(Path.GetFullPath(SqlitePath)) ?? ".", "keys")
        : Path.GetFullPath(Path.Combine("data", "keys"));

    /// <summary>The provider this configuration selects.</summary>
    public DatabaseProvider Provider => DsnParser.ProviderOf(Dsn);
}

/// <summary>The database engines the gateway can run on.</summary>
public enum DatabaseProvider
{
    /// <summary>Embedded file database, the default.</summary>
    Sqlite = 0,

    /// <summary>PostgreSQL server, selected by a DSN.</summary>
    Postgres = 1,

    /// <summary>Microsoft SQL Server, selected by a <c>sqlserver://</c> or <c>Server=</c> DSN.</summary>
    SqlServer = 2,
}
