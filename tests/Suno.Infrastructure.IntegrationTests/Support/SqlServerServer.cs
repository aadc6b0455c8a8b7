using Microsoft.Data.SqlClient;

namespace Suno.Infrastructure.IntegrationTests.Support;

/// <summary>
/// The SQL Server the SQL Server tests use: the one named by <c>TEST_SQLSERVER</c> (a SqlClient connection string
/// whose login may CREATE DATABASE; its database, if any, is only used to connect). None runs on these machines and
/// none is started, so without <c>TEST_SQLSERVER</c> every SQL Server test is reported as skipped (NUnit Ignore,
/// counted as skipped by build/test.sh, never as passed) with the reason. The offline SQL Server checks
/// (MigrationsInSyncTests) need no server and always run.
/// </summary>
public static class SqlServerServer
{
    /// <summary>Environment variable holding the connection string of an existing server.</summary>
    public const string EnvironmentVariable = "TEST_SQLSERVER";

    public const string SkipReason =
        "SQL Server tests need a server: set TEST_SQLSERVER to a SqlClient connection string " +
        "(e.g. Server=localhost,1433;User Id=sa;Password=...;TrustServerCertificate=true) whose login may CREATE DATABASE";

    /// <summary>The connection string in TEST_SQLSERVER; ignores (skips) the calling test or fixture when unset.</summary>
    public static string RequireConfigured()
    {
        var value = Environment.GetEnvironmentVariable(EnvironmentVariable);
        if (string.IsNullOrWhiteSpace(value))
        {
            Assert.Ignore(SkipReason);
        }

        return value!;
    }

    /// <summary>Creates a new empty database on the TEST_SQLSERVER server and returns its connection string.</summary>
    public static async Task<string> CreateDatabaseAsync(CancellationToken cancellationToken = default)
    {
        var admin = new SqlConnectionStringBuilder(RequireConfigured()) { InitialCatalog = "master" };
        var name = $"suno_test_{Guid.NewGuid():N}";
        await using (var connection = new SqlConnection(admin.ConnectionString))
        {
            await connection.OpenAsync(cancellationToken);
            await using var command = connection.CreateCommand();
            command.CommandText = $"CREATE DATABASE [{name}]";
            await command.ExecuteNonQueryAsync(cancellationToken);
        }

        return new SqlConnectionStringBuilder(admin.ConnectionString) { InitialCatalog = name }.ConnectionString;
    }

    /// <summary>Drops a database made by <see cref="CreateDatabaseAsync"/>, closing its connections first.</summary>
    public static async Task DropDatabaseAsync(string connectionString)
    {
        var builder = new SqlConnectionStringBuilder(connectionString);
        var name = builder.InitialCatalog;
        SqlConnection.ClearAllPools();
        builder.InitialCatalog = "master";
        await using var connection = new SqlConnection(builder.ConnectionString);
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText =
            $"IF DB_ID(N'{name}') IS NOT NULL BEGIN ALTER DATABASE [{name}] SET SINGLE_USER WITH ROLLBACK IMMEDIATE; DROP DATABASE [{name}]; END";
        await command.ExecuteNonQueryAsync();
    }
}
