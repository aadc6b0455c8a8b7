using Suno.Infrastructure.IntegrationTests.Support;

namespace Suno.Infrastructure.IntegrationTests.Persistence;

/// <summary>The fixture fails loudly rather than skipping when PostgreSQL is not installed.</summary>
public sealed class PostgresServerTests
{
    [Test]
    public void FindBinaries_WithoutPostgres_FailsSayingWhatToInstall()
    {
        var empty = Directory.CreateTempSubdirectory("suno-nopg-").FullName;
        try
        {
            Assert.That(
                () => PostgresServer.FindBinaries(empty),
                Throws.InvalidOperationException
                    .With.Message.Contains("apt-get install -y postgresql")
                    .And.Message.Contains(PostgresServer.EnvironmentVariable));
        }
        finally
        {
            Directory.Delete(empty, recursive: true);
        }
    }

    [Test]
    public void FindBinaries_PicksTheNewestVersion()
    {
        var root = Directory.CreateTempSubdirectory("suno-fakepg-").FullName;
        try
        {
            foreach (var version in new[] { "9.6", "15", "13" })
            {
                var bin = Directory.CreateDirectory(Path.Combine(root, version, "bin")).FullName;
                File.WriteAllText(Path.Combine(bin, "initdb"), string.Empty);
                File.WriteAllText(Path.Combine(bin, "pg_ctl"), string.Empty);
            }

            Directory.CreateDirectory(Path.Combine(root, "16", "bin")); // no binaries: ignored

            Assert.That(PostgresServer.FindBinaries(root), Is.EqualTo(Path.Combine(root, "15", "bin")));
        }
        finally
        {
            Directory.Delete(root, recursive: true);
        }
    }

    [Test]
    public async Task SharedServer_CreatesIsolatedDatabases()
    {
        var server = await PostgresServer.GetSharedAsync();
        var first = await server.CreateDatabaseAsync();
        var second = await server.CreateDatabaseAsync();
        try
        {
            Assert.That(
                new Npgsql.NpgsqlConnectionStringBuilder(first).Database,
                Is.Not.EqualTo(new Npgsql.NpgsqlConnectionStringBuilder(second).Database));
            Assert.That(await PostgresServer.GetSharedAsync(), Is.SameAs(server), "one server per test run");
        }
        finally
        {
            await server.DropDatabaseAsync(first);
            await server.DropDatabaseAsync(second);
        }
    }
}
