using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.AspNetCore.DataProtection.Repositories;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Suno.Application.Common.Interfaces;

namespace Suno.Infrastructure.Persistence;

/// <summary>Registers the database: options, the context, its factory and a health check.</summary>
public static class PersistenceServiceCollectionExtensions
{
    /// <summary>Health check name; tagged <c>db</c>.</summary>
    public const string HealthCheckName = "database";

    /// <summary>
    /// Registers <see cref="DatabaseOptions"/> (section <c>Database</c>, validated at start), a scoped
    /// <see cref="SunoDbContext"/> and <see cref="ISunoDbContext"/>, a singleton
    /// <see cref="IDbContextFactory{TContext}"/> of <see cref="SunoDbContext"/> for short-lived contexts,
    /// <see cref="TimeProvider.System"/> unless a clock is registered, and an EF health check tagged <c>db</c>.
    /// The provider is chosen when the first context is created, from <c>Database:Dsn</c> / <c>Database:SqlitePath</c>.
    /// A second call changes nothing.
    /// </summary>
    public static IServiceCollection AddPersistence(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configuration);
        if (services.Any(d => d.ServiceType == typeof(IDbContextFactory<SunoDbContext>)))
        {
            return services;
        }

        services.AddOptions<DatabaseOptions>()
            .Bind(configuration.GetSection(DatabaseOptions.SectionName))
            .ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<DatabaseOptions>, DatabaseOptionsValidator>());

        services.TryAddSingleton<IDbContextFactory<SunoDbContext>, SunoDbContextFactory>();
        services.TryAddScoped(sp => sp.GetRequiredService<IDbContextFactory<SunoDbContext>>().CreateDbContext());
        services.TryAddScoped<ISunoDbContext>(sp => sp.GetRequiredService<SunoDbContext>());
        services.TryAddSingleton(TimeProvider.System);

        // Secrets at rest: the key ring that encrypts account cookies, owner-only, beside the data (ADR-014). The
        // folder is made when the key ring is first used, from the options the host ends with, not while registering.
        services.AddDataProtection().SetApplicationName("Suno.Api");
        services.AddOptions<KeyManagementOptions>()
            .Configure<IOptions<DatabaseOptions>, ILoggerFactory>((keys, database, logs) =>
                keys.XmlRepository = new FileSystemXmlRepository(OwnerOnlyFolder(database.Value.KeyRingFolder), logs));

        services.AddHealthChecks().AddDbContextCheck<SunoDbContext>(HealthCheckName, tags: ["db", "ready"]);
        return services;
    }

    /// <summary>
    /// Applies the provider's migrations (creating the database file or tables as needed). Call once at start,
    /// before the host begins serving. Upgrades only ever add; see ADR-004.
    /// </summary>
    /// <summary>Creates <paramref name="path"/> readable by its owner only (on Unix), or narrows an existing one.</summary>
    private static DirectoryInfo OwnerOnlyFolder(string path)
    {
        var folder = OperatingSystem.IsWindows()
            ? Directory.CreateDirectory(path)
            : Directory.CreateDirectory(path, OwnerOnlyDirectory);
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(path, OwnerOnlyDirectory);
        }

        return folder;
    }

    /// <summary>The SQLite file and its WAL companions, readable and writable by their owner only (on Unix).</summary>
    private static void OwnerOnlyFiles(string sqlitePath)
    {
        if (OperatingSystem.IsWindows())
        {
            return;
        }

        var full = Path.GetFullPath(sqlitePath);
        foreach (var file in new[] { full, full + "-wal", full + "-shm" }.Where(File.Exists))
        {
            File.SetUnixFileMode(file, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        }
    }

    private const UnixFileMode OwnerOnlyDirectory = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute;

    public static async Task MigrateDatabaseAsync(this IServiceProvider services, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(services);

        // Reading the options here surfaces a bad SQL_DSN as one validation message before any connection is tried.
        _ = services.GetRequiredService<IOptions<DatabaseOptions>>().Value;

        var factory = services.GetRequiredService<IDbContextFactory<SunoDbContext>>();
        var db = await factory.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        await using (db.ConfigureAwait(false))
        {
            if (db is not SqliteSunoDbContext)
            {
                var retry = TimeSpan.FromSeconds(services.GetRequiredService<IOptions<DatabaseOptions>>().Value.StartupRetrySeconds);
                await DatabaseStartup.WaitForServerAsync(db, retry, services.GetRequiredService<TimeProvider>(), services.GetRequiredService<ILoggerFactory>(), cancellationToken).ConfigureAwait(false);
            }

            await db.Database.MigrateAsync(cancellationToken).ConfigureAwait(false);
            if (db is SqliteSunoDbContext)
            {
                // WAL lets the polling worker write while API requests read; the mode is stored in the file.
                await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", cancellationToken).ConfigureAwait(false);
                OwnerOnlyFiles(services.GetRequiredService<IOptions<DatabaseOptions>>().Value.SqlitePath);
            }
        }
    }
}
