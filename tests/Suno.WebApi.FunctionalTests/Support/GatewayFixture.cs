using Suno.Infrastructure.IntegrationTests.Support;
using Suno.Infrastructure.Persistence;

namespace Suno.WebApi.FunctionalTests.Support;

/// <summary>A running gateway on its own fresh database (SQLite file or a PostgreSQL database), for one fixture.</summary>
public sealed class Gateway : IAsyncDisposable
{
    private Gateway(TestDatabase database, GatewayFactory factory, HttpClient client)
    {
        Database = database;
        Factory = factory;
        Client = client;
    }

    public TestDatabase Database { get; }

    public GatewayFactory Factory { get; }

    public HttpClient Client { get; }

    public CapturedLogs Logs => Factory.Logs;

    public static async Task<Gateway> StartAsync(
        DatabaseProvider provider = DatabaseProvider.Sqlite,
        IReadOnlyDictionary<string, string?>? settings = null)
    {
        var database = await TestDatabase.CreateAsync(provider);
        var all = new Dictionary<string, string?>(database.ConfigurationValues, StringComparer.OrdinalIgnoreCase);
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            all[key] = value;
        }

        var factory = new GatewayFactory(all);
        try
        {
            var client = factory.StartClient();
            return new Gateway(database, factory, client);
        }
        catch
        {
            await factory.DisposeAsync();
            await database.DisposeAsync();
            throw;
        }
    }

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await Factory.DisposeAsync();
        await Database.DisposeAsync();
    }
}
