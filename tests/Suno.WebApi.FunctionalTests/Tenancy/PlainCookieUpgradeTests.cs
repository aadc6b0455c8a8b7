using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Suno.FakeUpstream;
using Suno.Infrastructure.IntegrationTests.Support;
using Suno.Infrastructure.Persistence;
using Suno.Testing;
using Suno.WebApi.FunctionalTests.Tasks;

namespace Suno.WebApi.FunctionalTests.Tenancy;

/// <summary>
/// A database of the first release (plain cookies, a cached JWT) upgraded in place: the gateway starts on it, the
/// cookie is encrypted, the JWT column is gone, no plain copy is left in the file, and the tasks are all there.
/// </summary>
[TestFixture]
public sealed class PlainCookieUpgradeTests
{
    [Test]
    public async Task A_wave_one_sqlite_file_starts_and_its_plain_cookie_is_encrypted()
    {
        await using var fake = await FakeSunoServer.StartAsync(TaskApiGateway.FastClips());
        var account = fake.State.AddAccount(new FakeAccountSpec { Credits = 100, ClientToken = "plain-upgrade-" + Guid.NewGuid().ToString("N") });
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        await using (var db = database.CreateContext())
        {
            await db.GetService<IMigrator>().MigrateAsync("20261122000000_Initial");
            await db.Database.ExecuteSqlAsync($"""
                INSERT INTO accounts (id, name, cookie, jwt, status, created_at, updated_at)
                VALUES ('acc-wave1', 'default', {account.Cookie}, 'eyJwave.one.jwt', 'active', '2026-11-22 10:00:00', '2026-11-22 10:00:00')
                """);
            await db.Database.ExecuteSqlRawAsync("""
                INSERT INTO tasks (id, action, status, progress, created_at, updated_at, parameters, upstream_ids, account_id)
                VALUES ('task-wave1', 'LYRICS', 'SUCCESS', 100, '2026-11-22 10:00:00', '2026-11-22 10:01:00', '{{"prompt":"old"}}', '["lyr-1"]', 'acc-wave1')
                """);
        }

        await using (var gateway = await GatewayProcess.StartAsync(new Dictionary<string, string?>
        {
            ["SQLITE_PATH"] = database.SqlitePath,
            ["SUNO_COOKIE"] = account.Cookie,
            ["BASE_URL"] = fake.BaseUrl.ToString(),
            ["CLERK_BASE_URL"] = fake.ClerkBaseUrl.ToString(),
        }))
        {
            using var response = await gateway.Http.GetAsync(new Uri("/suno/fetch/task-wave1", UriKind.Relative));
            Assert.That((int)response.StatusCode, Is.EqualTo(200), await response.Content.ReadAsStringAsync());
        }

        await using (var db = database.CreateContext())
        {
            var stored = await db.Accounts.Where(a => a.Id == "acc-wave1").Select(a => EF.Property<string>(a, "StoredCookie")).SingleAsync();
            Assert.That(stored, Does.StartWith(CookieProtector.Prefix), "encrypted in place");
            var columns = await db.Database.SqlQuery<string>($"SELECT name AS Value FROM pragma_table_info('accounts')").ToListAsync();
            Assert.That(columns, Does.Not.Contain("jwt").And.Not.Contain("jwt_expires_at"));
            Assert.That(await db.Tasks.CountAsync(t => t.Id == "task-wave1"), Is.EqualTo(1), "nothing lost");
        }

        var bytes = Encoding.Latin1.GetString(await File.ReadAllBytesAsync(database.SqlitePath!));
        Assert.That(bytes, Does.Not.Contain(account.ClientToken), "no plain copy of the cookie left in the file");
        Assert.That(bytes, Does.Not.Contain("eyJwave.one.jwt"));
    }
}
