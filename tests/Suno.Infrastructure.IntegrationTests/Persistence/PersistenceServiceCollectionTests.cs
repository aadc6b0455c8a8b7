using Microsoft.AspNetCore.DataProtection;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using Suno.Application.Common.Interfaces;
using Suno.Domain.Tasks;
using Suno.Infrastructure.IntegrationTests.Support;
using Suno.Infrastructure.Persistence;

namespace Suno.Infrastructure.IntegrationTests.Persistence;

/// <summary>AddPersistence and MigrateDatabaseAsync as the application uses them.</summary>
[TestFixture(DatabaseProvider.Sqlite)]
[TestFixture(DatabaseProvider.Postgres)]
[TestFixture(DatabaseProvider.SqlServer)]
public sealed class PersistenceServiceCollectionTests(DatabaseProvider provider)
{
    private TestDatabase _database = null!;

    [OneTimeSetUp]
    public async Task CreateDatabaseAsync() => _database = await TestDatabase.CreateAsync(provider);

    [OneTimeTearDown]
    public async Task DropDatabaseAsync()
    {
        // Null when the fixture was skipped (SQL Server without TEST_SQLSERVER).
        if (_database is not null)
        {
            await _database.DisposeAsync();
        }
    }

    [Test]
    public async Task AddPersistence_ResolvesTheConfiguredProvider_AndMigratesIdempotently()
    {
        await using var services = BuildServices(_database.ConfigurationValues);

        await services.MigrateDatabaseAsync();
        await services.MigrateDatabaseAsync();

        var expectedType = provider switch
        {
            DatabaseProvider.Sqlite => typeof(SqliteSunoDbContext),
            DatabaseProvider.SqlServer => typeof(SqlServerSunoDbContext),
            _ => typeof(PostgresSunoDbContext),
        };
        await using (var scope = services.CreateAsyncScope())
        {
            var port = scope.ServiceProvider.GetRequiredService<ISunoDbContext>();
            var context = scope.ServiceProvider.GetRequiredService<SunoDbContext>();
            using (Assert.EnterMultipleScope())
            {
                Assert.That(port, Is.InstanceOf(expectedType));
                Assert.That(port, Is.SameAs(context), "one context per scope");
                Assert.That(await context.Database.GetPendingMigrationsAsync(), Is.Empty);
            }

            var now = services.GetRequiredService<TimeProvider>().GetUtcNow().UtcDateTime;
            port.Tasks.Add(SunoTask.Create(Guid.NewGuid().ToString(), TaskAction.Music, "{}", now));
            Assert.That(await port.SaveChangesAsync(), Is.EqualTo(1));
        }

        var factory = services.GetRequiredService<IDbContextFactory<SunoDbContext>>();
        await using var first = await factory.CreateDbContextAsync();
        await using var second = await factory.CreateDbContextAsync();
        using (Assert.EnterMultipleScope())
        {
            Assert.That(first, Is.InstanceOf(expectedType));
            Assert.That(first, Is.Not.SameAs(second), "the factory makes a new context per call");
            Assert.That(await first.Tasks.CountAsync(), Is.GreaterThanOrEqualTo(1));
        }
    }

    [Test]
    public async Task HealthCheck_TaggedDb_IsHealthy()
    {
        await using var services = BuildServices(_database.ConfigurationValues);
        await services.MigrateDatabaseAsync();

        var report = await services.GetRequiredService<HealthCheckService>()
            .CheckHealthAsync(r => r.Tags.Contains("db"));

        using (Assert.EnterMultipleScope())
        {
            Assert.That(report.Entries.Keys, Is.EqualTo(new[] { PersistenceServiceCollectionExtensions.HealthCheckName }));
            Assert.That(report.Status, Is.EqualTo(HealthStatus.Healthy));
        }
    }

    [Test]
    public async Task AddPersistence_CalledTwice_RegistersOneHealthCheck()
    {
        await using var services = BuildServices(_database.ConfigurationValues, calls: 2);
        await services.MigrateDatabaseAsync();

        var report = await services.GetRequiredService<HealthCheckService>().CheckHealthAsync();

        Assert.That(report.Entries, Has.Count.EqualTo(1));
    }

    [Test]
    public void The_key_ring_is_made_when_first_used_owner_only_beside_the_database_and_outlives_the_process()
    {
        var work = Path.Combine(Path.GetTempPath(), "suno-keyring-" + Guid.NewGuid().ToString("N"));
        var keys = Path.Combine(work, "keys");
        var values = new Dictionary<string, string?> { ["Database:SqlitePath"] = Path.Combine(work, "suno.db") };
        try
        {
            string secret;
            using (var first = BuildServices(values))
            {
                Assert.That(Directory.Exists(keys), Is.False, "registering services makes no folder");
                secret = first.GetRequiredService<IDataProtectionProvider>().CreateProtector("test").Protect("cookie");
            }

            Assert.That(Directory.GetFiles(keys, "*.xml"), Is.Not.Empty, "the key is on disk, not in memory");
            if (!OperatingSystem.IsWindows())
            {
                Assert.That(File.GetUnixFileMode(keys), Is.EqualTo(UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute));
            }

            using var second = BuildServices(values);
            Assert.That(second.GetRequiredService<IDataProtectionProvider>().CreateProtector("test").Unprotect(secret), Is.EqualTo("cookie"), "a restarted gateway reads what the last one wrote");
        }
        finally
        {
            if (Directory.Exists(work))
            {
                Directory.Delete(work, recursive: true);
            }
        }
    }

    private static ServiceProvider BuildServices(IReadOnlyDictionary<string, string?> values, int calls = 1)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(values).Build();
        var services = new ServiceCollection();
        services.AddLogging();
        for (var i = 0; i < calls; i++)
        {
            services.AddPersistence(configuration);
        }

        return services.BuildServiceProvider(new ServiceProviderOptions { ValidateScopes = true, ValidateOnBuild = true });
    }
}

/// <summary>Settings that cannot work stop the process at start, with a message naming the setting.</summary>
public sealed class DatabaseOptionsValidationTests
{
    [TestCase("root:pw@tcp(127.0.0.1:3306)/suno", "SQL_DSN")]
    [TestCase("mysql://root:pw@127.0.0.1/suno", "SQL_DSN")]
    [TestCase("nonsense", "SQL_DSN")]
    public void HostStart_FailsOnABadDsn(string dsn, string setting)
    {
        using var host = BuildHost(new Dictionary<string, string?> { ["Database:Dsn"] = dsn });

        Assert.That(
            async () => await host.StartAsync(),
            Throws.TypeOf<OptionsValidationException>().With.Message.Contains(setting));
    }

    [Test]
    public void HostStart_FailsOnAnEmptySqlitePath()
    {
        using var host = BuildHost(new Dictionary<string, string?> { ["Database:SqlitePath"] = " " });

        Assert.That(
            async () => await host.StartAsync(),
            Throws.TypeOf<OptionsValidationException>().With.Message.Contains("SQLITE_PATH"));
    }

    [Test]
    public void MigrateDatabaseAsync_FailsOnABadDsn_BeforeConnecting()
    {
        using var host = BuildHost(new Dictionary<string, string?> { ["Database:Dsn"] = "root:pw@tcp(127.0.0.1:3306)/suno" });

        Assert.That(
            async () => await host.Services.MigrateDatabaseAsync(),
            Throws.TypeOf<OptionsValidationException>().With.Message.Contains("SQL_DSN"));
    }

    [Test]
    public void Defaults_AreSqliteAtDataSunoDb()
    {
        using var host = BuildHost([]);

        var options = host.Services.GetRequiredService<IOptions<DatabaseOptions>>().Value;

        using (Assert.EnterMultipleScope())
        {
            Assert.That(options.Provider, Is.EqualTo(DatabaseProvider.Sqlite));
            Assert.That(options.SqlitePath, Is.EqualTo("data/suno.db"));
        }
    }

    [Test]
    public async Task Sqlite_CreatesTheFileFolder_AndUsesWal()
    {
        var root = Path.Combine(Path.GetTempPath(), "suno-tests", Guid.NewGuid().ToString("N"));
        var file = Path.Combine(root, "nested", "deeper", "suno.db");
        try
        {
            using var host = BuildHost(new Dictionary<string, string?> { ["Database:SqlitePath"] = file });

            await host.Services.MigrateDatabaseAsync();

            Assert.That(File.Exists(file), Is.True, $"{file} should have been created");
            await using var connection = new SqliteConnection($"Data Source={file}");
            await connection.OpenAsync();
            await using var command = connection.CreateCommand();
            command.CommandText = "PRAGMA journal_mode;";
            Assert.That(await command.ExecuteScalarAsync(), Is.EqualTo("wal"));
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            if (Directory.Exists(root))
            {
                Directory.Delete(root, recursive: true);
            }
        }
    }

    private static IHost BuildHost(Dictionary<string, string?> values)
    {
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
        builder.Configuration.AddInMemoryCollection(values);
        builder.Services.AddPersistence(builder.Configuration);
        return builder.Build();
    }
}
