using System.Net;
using Microsoft.Data.Sqlite;
using Suno.Infrastructure.IntegrationTests.Support;
using Suno.Infrastructure.Persistence;
using Suno.WebApi.FunctionalTests.Support;

namespace Suno.WebApi.FunctionalTests.Api;

/// <summary>/health answers 503 once the database stops answering.</summary>
public sealed class HealthUnavailableTests
{
    [Test]
    public async Task Sqlite_FileGone_Is503()
    {
        await using var gateway = await Gateway.StartAsync(DatabaseProvider.Sqlite);
        using (var before = await gateway.Client.GetAsync("/health"))
        {
            Assert.That(before.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        }

        // Pull the database away: the file becomes a directory, so it can neither be opened nor recreated.
        var file = gateway.Database.SqlitePath!;
        SqliteConnection.ClearAllPools();
        foreach (var path in new[] { file, file + "-wal", file + "-shm" })
        {
            File.Delete(path);
        }

        Directory.CreateDirectory(file);

        await Eventually.AssertAsync(
            async () =>
            {
                using var response = await gateway.Client.GetAsync("/health");
                return response.StatusCode == HttpStatusCode.ServiceUnavailable
                    && (await response.Content.ReadAsStringAsync()).Contains("\"status\":\"unhealthy\"", StringComparison.Ordinal);
            },
            "/health answers 503 unhealthy");
    }

    [Test]
    public async Task Postgres_DatabaseGone_Is503()
    {
        await using var gateway = await Gateway.StartAsync(DatabaseProvider.Postgres);
        using (var before = await gateway.Client.GetAsync("/health"))
        {
            Assert.That(before.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        }

        var server = await PostgresServer.GetSharedAsync();
        await server.DropDatabaseAsync(gateway.Database.ConnectionString);

        await Eventually.AssertAsync(
            async () =>
            {
                using var response = await gateway.Client.GetAsync("/health");
                return response.StatusCode == HttpStatusCode.ServiceUnavailable;
            },
            "/health answers 503 once the PostgreSQL database is dropped");
    }
}
