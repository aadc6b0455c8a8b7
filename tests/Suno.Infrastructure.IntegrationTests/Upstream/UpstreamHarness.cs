using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Suno.Application.Common.Interfaces;
using Suno.Application.Common.Upstream;
using Suno.FakeUpstream;
using Suno.Infrastructure.Persistence;
using Suno.Infrastructure.Upstream;
using Suno.Infrastructure.Upstream.Accounts;

namespace Suno.Infrastructure.IntegrationTests.Upstream;

/// <summary>
/// The fake Suno on real Kestrel (127.0.0.1) plus a service provider built with <c>AddUpstream</c> pointing at it.
/// Fake and client share one <see cref="ManualTimeProvider"/> unless the test gives the client its own clock.
/// </summary>
internal sealed class UpstreamHarness : IAsyncDisposable
{
    private readonly string? _databasePath;

    private UpstreamHarness(FakeSunoServer fake, ServiceProvider services, ManualTimeProvider clock, string? databasePath)
    {
        Fake = fake;
        Services = services;
        Clock = clock;
        _databasePath = databasePath;
    }

    public FakeSunoServer Fake { get; }

    public FakeSunoState State => Fake.State;

    public ServiceProvider Services { get; }

    /// <summary>The fake's clock (also the client's unless a separate client clock was given).</summary>
    public ManualTimeProvider Clock { get; }

    public ISunoUpstream Upstream => Services.GetRequiredService<ISunoUpstream>();

    public AccountPool Pool => Services.GetRequiredService<AccountPool>();

    public AccountRegistry Registry => Services.GetRequiredService<AccountRegistry>();

    public int Count(string endpoint) => State.Counters.Get(endpoint);

    /// <summary>
    /// Starts the fake and builds the client. <paramref name="settings"/> adds or overrides configuration keys;
    /// <paramref name="accounts"/> configures the fake's accounts before the client reads its configuration.
    /// </summary>
    public static async Task<UpstreamHarness> StartAsync(
        Func<FakeSunoState, IDictionary<string, string?>>? accounts = null,
        IDictionary<string, string?>? settings = null,
        Action<FakeSunoOptions>? fakeOptions = null,
        TimeProvider? clientClock = null,
        bool withDatabase = false,
        string? databasePath = null,
        Action<IServiceCollection>? services = null,
        Func<TimeProvider, TimeProvider>? wrapClientClock = null)
    {
        var callerOwnsDatabase = databasePath is not null;
        var clock = new ManualTimeProvider(new DateTimeOffset(2026, 11, 22, 12, 0, 0, TimeSpan.Zero));
        var options = new FakeSunoOptions
        {
            TimeProvider = clock,
            QueuedAfter = TimeSpan.FromSeconds(1),
            StreamingAfter = TimeSpan.FromSeconds(20),
            CompleteAfter = TimeSpan.FromSeconds(60),
        };
        fakeOptions?.Invoke(options);
        var fake = await FakeSunoServer.StartAsync(options);
        try
        {
            var config = new Dictionary<string, string?>
            {
                ["Suno:BaseUrl"] = fake.BaseUrl.ToString().TrimEnd('/'),
                ["Suno:ClerkBaseUrl"] = fake.ClerkBaseUrl.ToString().TrimEnd('/'),
                ["Suno:Upstream:ReadRetryBaseDelay"] = "00:00:00.010",
                ["Suno:Upstream:RequestTimeout"] = "00:00:05",
                ["Suno:Upstream:ClerkTimeout"] = "00:00:05",
            };
            foreach (var pair in accounts?.Invoke(fake.State) ?? new Dictionary<string, string?>())
            {
                config[pair.Key] = pair.Value;
            }

            foreach (var pair in settings ?? new Dictionary<string, string?>())
            {
                config[pair.Key] = pair.Value;
            }

            if (withDatabase)
            {
                databasePath ??= Path.Combine(Path.GetTempPath(), $"suno-upstream-{Guid.NewGuid():N}.db");
                config["Database:SqlitePath"] = databasePath;
            }

            var configuration = new ConfigurationBuilder().AddInMemoryCollection(config).Build();
            var collection = new ServiceCollection();
            collection.AddLogging(b => b.SetMinimumLevel(LogLevel.Warning));
            TimeProvider effectiveClock = clientClock ?? clock;
            collection.AddSingleton(wrapClientClock?.Invoke(effectiveClock) ?? effectiveClock);
            if (withDatabase)
            {
                collection.AddPersistence(configuration);
            }

            collection.AddUpstream(configuration);
            services?.Invoke(collection);
            var provider = collection.BuildServiceProvider(new ServiceProviderOptions { ValidateScopes = true, ValidateOnBuild = true });
            if (withDatabase)
            {
                await provider.MigrateDatabaseAsync();
            }

            // A database file the caller named outlives this harness (a "restart" test reopens it); ours does not.
            return new UpstreamHarness(fake, provider, clock, withDatabase && !callerOwnsDatabase ? databasePath : null);
        }
        catch
        {
            await fake.DisposeAsync();
            throw;
        }
    }

    /// <summary>Configuration for one fake account as the "default" account (Suno:Cookie).</summary>
    public static Func<FakeSunoState, IDictionary<string, string?>> DefaultAccount(out Func<FakeAccount> account, int? credits = null)
    {
        FakeAccount? created = null;
        account = () => created ?? throw new InvalidOperationException("The harness has not started.");
        return state =>
        {
            created = state.AddAccount(new FakeAccountSpec { Credits = credits });
            return new Dictionary<string, string?> { ["Suno:Cookie"] = created.Cookie };
        };
    }

    /// <summary>The configured account named <paramref name="name"/>.</summary>
    public async Task<UpstreamAccount> AccountAsync(string name = AccountPool.DefaultAccountName)
    {
        await Pool.InitializeAsync(CancellationToken.None);
        return Registry.FindByName(name)?.ToUpstreamAccount() ?? throw new InvalidOperationException($"No account {name}.");
    }

    public AccountSession Session(UpstreamAccount account) => Registry.Find(account.Id)!;

    public async ValueTask DisposeAsync()
    {
        await Services.DisposeAsync();
        await Fake.DisposeAsync();
        if (_databasePath is not null)
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            foreach (var file in new[] { _databasePath, _databasePath + "-wal", _databasePath + "-shm" })
            {
                File.Delete(file);
            }
        }
    }
}
