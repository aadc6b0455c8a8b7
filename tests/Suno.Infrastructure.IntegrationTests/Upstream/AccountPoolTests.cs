using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Suno.Application.Common.Exceptions;
using Suno.Application.Common.Interfaces;
using Suno.Domain.Accounts;
using Suno.FakeUpstream;
using Suno.Infrastructure.Persistence;
using Suno.Infrastructure.Upstream.Accounts;

namespace Suno.Infrastructure.IntegrationTests.Upstream;

/// <summary>Account selection, per-request accounts and persistence of account state (SQLite temp file).</summary>
[TestFixture]
public sealed class AccountPoolTests
{
    /// <summary>These tests are about what an invalid account does, not how many refusals make one (see AccountLifecycleTests).</summary>
    private static readonly Dictionary<string, string?> OneRefusalIsInvalid = new() { ["Suno:Upstream:InvalidAfterRefusals"] = "1" };

    private static Func<FakeSunoState, IDictionary<string, string?>> Accounts(Dictionary<string, FakeAccount> created, params (string Name, int Credits, bool Revoked)[] accounts) =>
        state =>
        {
            var config = new Dictionary<string, string?>();
            for (var i = 0; i < accounts.Length; i++)
            {
                var fake = state.AddAccount(new FakeAccountSpec { Credits = accounts[i].Credits });
                if (accounts[i].Revoked)
                {
                    state.RevokeAccount(fake);
                }

                created[accounts[i].Name] = fake;
                config[$"Suno:Accounts:{i}:Name"] = accounts[i].Name;
                config[$"Suno:Accounts:{i}:Cookie"] = fake.Cookie;
            }

            return config;
        };

    [Test]
    public async Task The_account_with_most_credits_is_chosen_skipping_exhausted_and_invalid_ones()
    {
        var fakes = new Dictionary<string, FakeAccount>();
        await using var h = await UpstreamHarness.StartAsync(Accounts(fakes, ("mid", 60, false), ("poor", 5, false), ("revoked", 500, true), ("rich", 120, false)), settings: OneRefusalIsInvalid);

        var chosen = await h.Pool.AcquireForGenerationAsync(CancellationToken.None);

        var states = (await h.Pool.ListAsync(CancellationToken.None)).ToDictionary(s => s.Name);
        Assert.Multiple(() =>
        {
            Assert.That(chosen.Name, Is.EqualTo("rich"));
            Assert.That(states["rich"].CreditsLeft, Is.EqualTo(120));
            Assert.That(states["mid"].Status, Is.EqualTo("active"));
            Assert.That(states["poor"].Status, Is.EqualTo("exhausted"));
            Assert.That(states["revoked"].Status, Is.EqualTo("invalid"));
        });

        // Credits move: the choice follows billing (read once per refresh interval).
        fakes["rich"].Credits = 20;
        h.Clock.Advance(TimeSpan.FromMinutes(10));
        await h.Pool.RefreshAllCreditsAsync(CancellationToken.None);
        Assert.That((await h.Pool.AcquireForGenerationAsync(CancellationToken.None)).Name, Is.EqualTo("mid"));
    }

    [Test]
    public async Task Credits_are_read_once_then_the_known_numbers_decide()
    {
        var fakes = new Dictionary<string, FakeAccount>();
        await using var h = await UpstreamHarness.StartAsync(Accounts(fakes, ("a", 60, false), ("b", 70, false)));

        await h.Pool.AcquireForGenerationAsync(CancellationToken.None);
        await h.Pool.AcquireForGenerationAsync(CancellationToken.None);

        Assert.That(h.Count(FakeSunoEndpoints.Billing), Is.EqualTo(2), "one billing read per account, not per submission");
    }

    [Test]
    public async Task A_generation_that_exhausts_an_account_moves_the_next_submission_elsewhere()
    {
        var fakes = new Dictionary<string, FakeAccount>();
        await using var h = await UpstreamHarness.StartAsync(Accounts(fakes, ("a", 15, false), ("b", 12, false)));
        var song = new Application.Common.Upstream.GenerateRequest { Prompt = "x", Title = "t", Tags = "pop", Model = "chirp-v3-5" };

        var first = await h.Pool.AcquireForGenerationAsync(CancellationToken.None);
        await h.Upstream.GenerateAsync(first, song, CancellationToken.None);
        var second = await h.Pool.AcquireForGenerationAsync(CancellationToken.None);
        await h.Upstream.GenerateAsync(second, song, CancellationToken.None);

        Assert.Multiple(() =>
        {
            Assert.That(first.Name, Is.EqualTo("a"));
            Assert.That(second.Name, Is.EqualTo("b"), "a has 5 credits left after its generation");
            Assert.ThrowsAsync<OutOfCreditsException>(() => h.Pool.AcquireForGenerationAsync(CancellationToken.None), "both are out of credits: 402");
        });
    }

    [Test]
    public async Task An_exhausted_account_returns_on_the_next_acquisition_once_its_credits_do_at_one_billing_read_a_second()
    {
        var fakes = new Dictionary<string, FakeAccount>();
        await using var h = await UpstreamHarness.StartAsync(Accounts(fakes, ("only", 0, false)));

        var none = Assert.ThrowsAsync<OutOfCreditsException>(() => h.Pool.AcquireForGenerationAsync(CancellationToken.None));
        var reads = h.Count(FakeSunoEndpoints.Billing);
        fakes["only"].Credits = 50;

        // Within the same second the last read answers for every submission: still 402, no call to Suno.
        Assert.ThrowsAsync<OutOfCreditsException>(() => h.Pool.AcquireForGenerationAsync(CancellationToken.None));
        Assert.That(h.Count(FakeSunoEndpoints.Billing), Is.EqualTo(reads));

        h.Clock.Advance(TimeSpan.FromSeconds(1));
        var chosen = await Task.WhenAll(Enumerable.Range(0, 5).Select(_ => h.Pool.AcquireForGenerationAsync(CancellationToken.None)));

        Assert.Multiple(() =>
        {
            Assert.That(none!.Message, Does.Contain("'only' is exhausted"));
            Assert.That(chosen.Select(c => c.Name), Is.All.EqualTo("only"));
            Assert.That(h.Count(FakeSunoEndpoints.Billing), Is.EqualTo(reads + 1), "five concurrent acquisitions share one billing read");
        });
    }

    [Test]
    public async Task Without_accounts_the_error_says_how_to_configure_one()
    {
        await using var h = await UpstreamHarness.StartAsync();

        var error = Assert.ThrowsAsync<NoAccountException>(() => h.Pool.AcquireForGenerationAsync(CancellationToken.None));

        Assert.Multiple(() =>
        {
            Assert.That(error!.Message, Does.Contain("SUNO_COOKIE").And.Contain("--sandbox"));
            Assert.That(error.StatusCode, Is.EqualTo(503));
        });
    }

    [Test]
    public async Task A_request_cookie_is_an_account_of_its_own_cached_per_cookie()
    {
        FakeAccount? other = null;
        await using var h = await UpstreamHarness.StartAsync(state =>
        {
            other = state.AddAccount(new FakeAccountSpec { Credits = 30 });
            return new Dictionary<string, string?> { ["Suno:Cookie"] = state.AddAccount().Cookie };
        });

        var first = await h.Pool.ForRequestCookieAsync(other!.Cookie, CancellationToken.None);
        var again = await h.Pool.ForRequestCookieAsync(other.Cookie, CancellationToken.None);
        var billing = await h.Upstream.GetBillingInfoAsync(first, CancellationToken.None);
        var chosen = await h.Pool.AcquireForGenerationAsync(CancellationToken.None);

        Assert.Multiple(() =>
        {
            Assert.That(again, Is.EqualTo(first));
            Assert.That(first.IsRequestAccount, Is.True);
            Assert.That(first.Id, Does.StartWith(AccountPool.RequestAccountPrefix));
            Assert.That(billing.CreditsLeft, Is.EqualTo(30), "calls run as the request's account");
            Assert.That(chosen.Name, Is.EqualTo(AccountPool.DefaultAccountName), "request accounts are never picked for others");
            Assert.That(h.Pool.Find(first.Id), Is.EqualTo(first));
            Assert.That(h.Count(FakeSunoEndpoints.ClerkClient), Is.EqualTo(2), "one session lookup per account");
        });
        Assert.ThrowsAsync<ValidationException>(() => h.Pool.ForRequestCookieAsync("sessionid=abc", CancellationToken.None));
    }

    [Test]
    public async Task Configured_accounts_and_their_state_are_persisted_but_request_accounts_are_not()
    {
        FakeAccount? requestAccount = null;
        await using var h = await UpstreamHarness.StartAsync(state =>
        {
            requestAccount = state.AddAccount();
            return new Dictionary<string, string?> { ["Suno:Cookie"] = state.AddAccount(new FakeAccountSpec { Credits = 80 }).Cookie };
        }, withDatabase: true);

        var account = await h.AccountAsync();
        await h.Upstream.GetBillingInfoAsync(account, CancellationToken.None);
        var fromRequest = await h.Pool.ForRequestCookieAsync(requestAccount!.Cookie, CancellationToken.None);
        await h.Upstream.GetBillingInfoAsync(fromRequest, CancellationToken.None);

        await using var scope = h.Services.CreateAsyncScope();
        var rows = await scope.ServiceProvider.GetRequiredService<ISunoDbContext>().Accounts.AsNoTracking().ToListAsync();
        var stored = await scope.ServiceProvider.GetRequiredService<ISunoDbContext>().Accounts
            .Select(a => EF.Property<string>(a, "StoredCookie")).ToListAsync();
        var cookie = h.Services.GetRequiredService<CookieProtector>().Unprotect(stored.Single(), out var wasPlain);
        Assert.Multiple(() =>
        {
            Assert.That(rows.Select(r => r.Name), Is.EqualTo(new[] { AccountPool.DefaultAccountName }));
            Assert.That(rows[0].Id, Is.EqualTo(account.Id));
            Assert.That(rows[0].CreditsLeft, Is.EqualTo(80));
            Assert.That(rows[0].SessionId, Does.StartWith("sess_"));
            Assert.That(stored.Single(), Does.StartWith(CookieProtector.Prefix).And.Not.Contain("__client"), "stored encrypted");
            Assert.That(wasPlain, Is.False);
            Assert.That(cookie, Does.Contain("__client_uat="), "the merged cookie is stored");
        });
    }

    [Test]
    public async Task Request_accounts_are_persisted_when_configuration_says_so()
    {
        FakeAccount? requestAccount = null;
        await using var h = await UpstreamHarness.StartAsync(
            state =>
            {
                requestAccount = state.AddAccount();
                return new Dictionary<string, string?>();
            },
            settings: new Dictionary<string, string?> { ["Suno:PersistRequestAccounts"] = "true" },
            withDatabase: true);

        var fromRequest = await h.Pool.ForRequestCookieAsync(requestAccount!.Cookie, CancellationToken.None);

        await using var scope = h.Services.CreateAsyncScope();
        var rows = await scope.ServiceProvider.GetRequiredService<ISunoDbContext>().Accounts.AsNoTracking().ToListAsync();
        Assert.That(rows.Select(r => r.Id), Is.EqualTo(new[] { fromRequest.Id }));
    }

    [Test]
    public async Task A_restart_with_a_renewed_cookie_replaces_the_credentials_of_the_same_account()
    {
        var path = Path.Combine(Path.GetTempPath(), $"suno-upstream-restart-{Guid.NewGuid():N}.db");
        try
        {
            string firstId;
            FakeAccount? revoked = null;
            await using (var first = await UpstreamHarness.StartAsync(
                             state =>
                             {
                                 revoked = state.AddAccount();
                                 state.RevokeAccount(revoked);
                                 return new Dictionary<string, string?> { ["Suno:Cookie"] = revoked.Cookie };
                             },
                             withDatabase: true,
                             databasePath: path))
            {
                var account = await first.AccountAsync();
                firstId = account.Id;
                Assert.ThrowsAsync<AccountInvalidException>(() => first.Upstream.GetBillingInfoAsync(account, CancellationToken.None));
            }

            FakeAccount? renewed = null;
            await using var second = await UpstreamHarness.StartAsync(
                state =>
                {
                    renewed = state.AddAccount(new FakeAccountSpec { Credits = 40 });
                    return new Dictionary<string, string?> { ["Suno:Cookie"] = renewed.Cookie };
                },
                withDatabase: true,
                databasePath: path);
            var again = await second.AccountAsync();
            var session = second.Session(again);
            Assert.Multiple(() =>
            {
                Assert.That(again.Id, Is.EqualTo(firstId), "upserted by name");
                Assert.That(session.Account.Status, Is.EqualTo(AccountStatus.Active), "a replaced cookie makes the account usable again");
                Assert.That(session.Account.Cookie, Is.EqualTo(renewed!.Cookie));
            });
            Assert.That((await second.Upstream.GetBillingInfoAsync(again, CancellationToken.None)).CreditsLeft, Is.EqualTo(40));
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            foreach (var file in new[] { path, path + "-wal", path + "-shm" })
            {
                File.Delete(file);
            }
        }
    }

    [Test]
    public async Task A_stored_account_no_longer_configured_is_known_but_takes_no_new_work()
    {
        var path = Path.Combine(Path.GetTempPath(), $"suno-upstream-removed-{Guid.NewGuid():N}.db");
        try
        {
            string oldId;
            var fakes = new Dictionary<string, FakeAccount>();
            await using (var first = await UpstreamHarness.StartAsync(Accounts(fakes, ("old", 500, false)), withDatabase: true, databasePath: path))
            {
                oldId = (await first.Pool.AcquireForGenerationAsync(CancellationToken.None)).Id;
            }

            await using var second = await UpstreamHarness.StartAsync(Accounts(fakes, ("new", 20, false)), withDatabase: true, databasePath: path);
            var chosen = await second.Pool.AcquireForGenerationAsync(CancellationToken.None);

            Assert.Multiple(() =>
            {
                Assert.That(chosen.Name, Is.EqualTo("new"), "'old' has more credits but was removed from configuration");
                Assert.That(second.Pool.Find(oldId)?.Name, Is.EqualTo("old"), "tasks submitted with it can still be polled");
            });
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            foreach (var file in new[] { path, path + "-wal", path + "-shm" })
            {
                File.Delete(file);
            }
        }
    }

    [Test]
    public async Task With_no_usable_account_and_one_of_them_invalid_the_error_is_no_account_with_each_state()
    {
        var fakes = new Dictionary<string, FakeAccount>();
        await using var h = await UpstreamHarness.StartAsync(Accounts(fakes, ("broke", 0, false), ("signed-out", 100, true)), settings: OneRefusalIsInvalid);

        var error = Assert.ThrowsAsync<NoAccountException>(() => h.Pool.AcquireForGenerationAsync(CancellationToken.None));

        Assert.That(error!.Message, Does.Contain("'broke' is exhausted").And.Contain("'signed-out' is invalid").And.Contain("renew the cookie").IgnoreCase);
    }
}
