using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Suno.Infrastructure.Persistence;

/// <summary>
/// Creates the <see cref="SunoDbContext"/> subclass the configuration selects. The choice is made when the first
/// context is needed (not while services are registered), so a test host may change <c>Database:*</c> late.
/// Registered as <see cref="IDbContextFactory{TContext}"/> of <see cref="SunoDbContext"/> for short-lived contexts
/// (the polling worker); each call returns a new context the caller disposes.
/// </summary>
internal sealed class SunoDbContextFactory : IDbContextFactory<SunoDbContext>
{
    private readonly Lazy<Func<SunoDbContext>> _create;

    public SunoDbContextFactory(IOptions<DatabaseOptions> options, IServiceProvider applicationServices)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(applicationServices);
        _create = new Lazy<Func<SunoDbContext>>(() => Build(options.Value, applicationServices));
    }

    public SunoDbContext CreateDbContext() => _create.Value();

    /// <summary>Builds the options once and returns how to make a context with them.</summary>
    private static Func<SunoDbContext> Build(DatabaseOptions options, IServiceProvider applicationServices)
    {
        if (options.Provider == DatabaseProvider.Postgres)
        {
            var builder = new DbContextOptionsBuilder<PostgresSunoDbContext>()
                .UseApplicationServiceProvider(applicationServices);
            SunoDbContextOptions.UsePostgres(builder, DsnParser.ToNpgsqlConnectionString(options.Dsn!));
            var postgres = builder.Options;
            return () => new PostgresSunoDbContext(postgres);
        }

        if (options.Provider == DatabaseProvider.SqlServer)
        {
            var builder = new DbContextOptionsBuilder<SqlServerSunoDbContext>()
                .UseApplicationServiceProvider(applicationServices);
            SunoDbContextOptions.UseSqlServer(builder, DsnParser.ToConnectionString(options.Dsn!));
            var sqlServer = builder.Options;
            return () => new SqlServerSunoDbContext(sqlServer);
        }

        var sqliteBuilder = new DbContextOptionsBuilder<SqliteSunoDbContext>()
            .UseApplicationServiceProvider(applicationServices);
        SunoDbContextOptions.UseSqlite(sqliteBuilder, SunoDbContextOptions.SqliteConnectionString(options.SqlitePath));
        var sqlite = sqliteBuilder.Options;
        return () => new SqliteSunoDbContext(sqlite);
    }
}

/// <summary>Provider settings shared by the application and the tests, so both run the same configuration.</summary>
public static class SunoDbContextOptions
{
    /// <summary>Configures SQLite for a <see cref="SqliteSunoDbContext"/>.</summary>
    public static DbContextOptionsBuilder<SqliteSunoDbContext> UseSqlite(
        DbContextOptionsBuilder<SqliteSunoDbContext> builder, string connectionString)
    {
        ArgumentNullException.ThrowIfNull(builder);
        return builder.UseSqlite(connectionString).AddInterceptors(SqliteBusyTimeoutInterceptor.Instance);
    }

    /// <summary>Configures PostgreSQL for a <see cref="PostgresSunoDbContext"/>.</summary>
    public static DbContextOptionsBuilder<PostgresSunoDbContext> UsePostgres(
        DbContextOptionsBuilder<PostgresSunoDbContext> builder, string connectionString)
    {
        ArgumentNullException.ThrowIfNull(builder);
        return builder.UseNpgsql(connectionString);
    }

    /// <summary>Configures SQL Server for a <see cref="SqlServerSunoDbContext"/>.</summary>
    public static DbContextOptionsBuilder<SqlServerSunoDbContext> UseSqlServer(
        DbContextOptionsBuilder<SqlServerSunoDbContext> builder, string connectionString)
    {
        ArgumentNullException.ThrowIfNull(builder);
        return builder.UseSqlServer(connectionString);
    }

    /// <summary>The SQLite connection string for a file; creates the file's folder when it is missing.</summary>
    public static string SqliteConnectionString(string path)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        var fullPath = Path.GetFullPath(path);
        var folder = Path.GetDirectoryName(fullPath);
        if (!string.IsNullOrEmpty(folder))
        {
            Directory.CreateDirectory(folder);
        }

        return new Microsoft.Data.Sqlite.SqliteConnectionStringBuilder
        {
            DataSource = fullPath,
            ForeignKeys = true,
        }.ToString();
    }
}
