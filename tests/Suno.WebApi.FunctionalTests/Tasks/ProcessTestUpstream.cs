using Suno.FakeUpstream;
using Suno.Infrastructure.IntegrationTests.Support;
using Suno.Infrastructure.Persistence;

namespace Suno.WebApi.FunctionalTests.Tasks;

/// <summary>
/// A fake Suno with one well-funded account, for tests that run the gateway as child processes, and the settings
/// (environment variables, as a user sets them) that point a gateway at it and at a database.
/// </summary>
public sealed class ProcessTestUpstream : IAsyncDisposable
{
    private ProcessTestUpstream(FakeSunoServer fake, FakeAccount account)
    {
        Fake = fake;
        Account = account;
    }

    public FakeSunoServer Fake { get; }

    public FakeAccount Account { get; }

    /// <summary>
    /// Clips queue after <paramref name="queuedAfter"/>, stream after twice that, complete after <paramref name="completeAfter"/>;
    /// the account has credits for <paramref name="generations"/> generations.
    /// </summary>
    public static async Task<ProcessTestUpstream> StartAsync(TimeSpan queuedAfter, TimeSpan completeAfter, int generations = 1_000)
    {
        var fake = await FakeSunoServer.StartAsync(new FakeSunoOptions
        {
            QueuedAfter = queuedAfter,
            StreamingAfter = queuedAfter * 2,
            CompleteAfter = completeAfter,
            JwtLifetime = TimeSpan.FromHours(1),
        });
        return new ProcessTestUpstream(fake, fake.State.AddAccount(new FakeAccountSpec { Credits = generations * fake.State.Options.CreditsPerGeneration }));
    }

    /// <summary>A gateway on <paramref name="database"/>, using this fake's account, polling every second.</summary>
    public Dictionary<string, string?> GatewaySettings(TestDatabase database, TimeSpan lease)
    {
        ArgumentNullException.ThrowIfNull(database);
        var settings = new Dictionary<string, string?>
        {
            ["SUNO_COOKIE"] = Account.Cookie,
            ["BASE_URL"] = Fake.BaseUrl.ToString(),
            ["CLERK_BASE_URL"] = Fake.ClerkBaseUrl.ToString(),
            ["POLL_INTERVAL"] = "1",
            ["Tasks__LeaseSeconds"] = ((int)lease.TotalSeconds).ToString(System.Globalization.CultureInfo.InvariantCulture),
        };
        if (database.Provider == DatabaseProvider.Sqlite)
        {
            settings["SQLITE_PATH"] = database.SqlitePath;
        }
        else
        {
            settings["SQL_DSN"] = database.ConnectionString;
        }

        return settings;
    }

    public ValueTask DisposeAsync() => Fake.DisposeAsync();
}
