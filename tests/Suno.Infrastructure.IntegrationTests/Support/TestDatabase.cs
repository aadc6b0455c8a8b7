using Microsoft.EntityFrameworkCore;
using Npgsql;
using Suno.Infrastructure.Persistence;

namespace Suno.Infrastructure.IntegrationTests.Support;

/// <summary>
/// A fresh, empty database of one provider for one test fixture: a temp SQLite file, a new database on the
/// shared throwaway PostgreSQL cluster (<see cref="PostgresServer"/>), or a new database on the SQL Server named by
/// TEST_SQLSERVER (<see cref="SqlServerServer"/>; without it the test or fixture is skipped). Dispose it to delete it.
/// </summary>
public sealed class TestDatabase : IAsyncDisposable
{
    private readonly string? _sqliteFile;

    private TestDatabase(DatabaseProvider provider, string connectionString, string? sqliteFile)
    {
        Provider = provider;
        ConnectionString = connectionString;
        _sqliteFile = sqliteFile;
    }

    public DatabaseProvider Provider { get; }

    /// <summary>SQLite: the connection string of the file; PostgreSQL and SQL Server: the provider's connection string.</summary>
    public string ConnectionString { get; }

    /// <summary>The path of the SQLite file (null for PostgreSQL).</summary>
    public string? SqlitePath => _sqliteFile;

    /// <summary>What to put in <c>Database:*</c> configuration so the application uses this database.</summary>
    public IReadOnlyDictionary<string, string?> ConfigurationValues => Provider == DatabaseProvider.Sqlite
        ? new Dictionary<string, string?> { ["Database:Dsn"] = string.Empty, ["Database:SqlitePath"] = _sqliteFile }
        : new Dictionary<string, string?> { ["Database:Dsn"] = ConnectionString };

    public static async Task<TestDatabase> CreateAsync(DatabaseProvider provider, CancellationToken cancellationToken = default)
    {
        if (provider == DatabaseProvider.Sqlite)
        {
            var file = Path.Combine(Path.GetTempPath(), "suno-tests", $"{Guid.NewGuid():N}", "suno.db");
            return new TestDatabase(provider, SunoDbContextOptions.SqliteConnectionString(file), file);
        }

        if (provider == DatabaseProvider.SqlServer)
        {
            return new TestDatabase(provider, await SqlServerServer.CreateDatabaseAsync(cancellationToken), null);
        }

        var server = await PostgresServer.GetSharedAsync(cancellationToken);
        var connectionString = await server.CreateDatabaseAsync(cancellationToken);
        return new TestDatabase(provider, connectionString, null);
    }

    /// <summary>A new context on this database (the caller disposes it).</summary>
    public SunoDbContext CreateContext()
    {
        if (Provider == DatabaseProvider.Sqlite)
        {
            var sqlite = new DbContextOptionsBuilder<SqliteSunoDbContext>();
            SunoDbContextOptions.UseSqlite(sqlite, ConnectionString);
            return new SqliteSunoDbContext(sqlite.Options);
        }

        if (Provider == DatabaseProvider.SqlServer)
        {
            var sqlServer = new DbContextOptionsBuilder<SqlServerSunoDbContext>();
            SunoDbContextOptions.UseSqlServer(sqlServer, ConnectionString);
            return new SqlServerSunoDbContext(sqlServer.Options);
        }

        var postgres = new DbContextOptionsBuilder<PostgresSunoDbContext>();
        SunoDbContextOptions.UsePostgres(postgres, ConnectionString);
        return new PostgresSunoDbContext(postgres.Options);
    }

    public async ValueTask DisposeAsync()
    {
        if (_sqliteFile is not null)
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            var folder = Path.GetDirectoryName(_sqliteFile)!;

            // The gateway's Data Protection key ring lives beside the file (keys/); a host that is still stopping
            // may write a key into it while the folder goes, so the delete is tried again a few times.
            for (var attempt = 1; Directory.Exists(folder); attempt++)
            {
                try
                {
                    Directory.Delete(folder, recursive: true);
                }
                catch (IOException) when (attempt < 5)
                {
                    await Task.Delay(TimeSpan.FromMilliseconds(200 * attempt));
                }
            }

            return;
        }

        if (Provider == DatabaseProvider.SqlServer)
        {
            await SqlServerServer.DropDatabaseAsync(ConnectionString);
            return;
        }

        if (PostgresServer.Shared is { } server)
        {
            NpgsqlConnection.ClearAllPools();
            await server.DropDatabaseAsync(ConnectionString);
        }
    }
}
