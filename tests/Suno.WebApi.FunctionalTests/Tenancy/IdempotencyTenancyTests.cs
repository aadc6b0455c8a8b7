using Suno.FakeUpstream;
using Suno.Infrastructure.Persistence;
using Suno.WebApi.FunctionalTests.Support;
using Suno.WebApi.FunctionalTests.Tasks;

namespace Suno.WebApi.FunctionalTests.Tenancy;

/// <summary>An Idempotency-Key belongs to its tenant, replays only the same request, and a different one is a 422.</summary>
[TestFixture(DatabaseProvider.Sqlite)]
[TestFixture(DatabaseProvider.Postgres)]
[TestFixture(DatabaseProvider.SqlServer)]
public sealed class IdempotencyTenancyTests(DatabaseProvider provider)
{
    [Test]
    public async Task One_key_is_one_task_per_tenant_replays_the_same_body_and_refuses_another()
    {
        await using var gateway = await TaskApiGateway.StartAsync(provider);
        var b = gateway.Fake.State.AddAccount(new FakeAccountSpec { Credits = 500 });
        var generates = () => gateway.Fake.State.Counters.Get(FakeSunoEndpoints.Generate);
        var song = new { gpt_description_prompt = "a key of our own" };

        var a1 = await gateway.SubmitOkAsync("music", song, idempotencyKey: "key-1");
        var b1 = await gateway.SubmitOkAsync("music", song, idempotencyKey: "key-1", cookie: b.Cookie);
        Assert.That(b1, Is.Not.EqualTo(a1), "the same key from another tenant is another task");
        Assert.That(generates(), Is.EqualTo(2));

        Assert.That(await gateway.SubmitOkAsync("music", song, idempotencyKey: "key-1"), Is.EqualTo(a1), "same key, same body: the first task");
        Assert.That(await gateway.SubmitOkAsync("music", song, idempotencyKey: "key-1", cookie: b.Cookie), Is.EqualTo(b1));
        Assert.That(generates(), Is.EqualTo(2), "a replay calls Suno no second time");

        var (refused, body) = await gateway.SubmitAsync("music", new { gpt_description_prompt = "another song" }, idempotencyKey: "key-1");
        Assert.That((int)refused.StatusCode, Is.EqualTo(422), body.ToString());
        Assert.That(body.GetProperty("message").GetString(), Does.Contain("key-1").And.Contain("different request"));
        Assert.That(generates(), Is.EqualTo(2), "nothing was submitted");
    }

    [Test]
    public async Task An_expired_key_makes_new_work()
    {
        await using var gateway = await TaskApiGateway.StartAsync(provider);
        var first = await gateway.SubmitOkAsync("lyrics", new { prompt = "old key" }, idempotencyKey: "key-old");
        await using (var db = gateway.Gateway.Database.CreateContext())
        {
            var task = await db.Tasks.FindAsync(first);
            db.Entry(task!).Property("CreatedAt").CurrentValue = DateTime.UtcNow.AddHours(-25);
            await db.SaveChangesAsync();
        }

        var (response, body) = await gateway.SubmitAsync("lyrics", new { prompt = "new work, same key" }, idempotencyKey: "key-old");
        Assert.That((int)response.StatusCode, Is.EqualTo(200), body.ToString());
        Assert.That(body.GetProperty("data").GetString(), Is.Not.EqualTo(first), "after 24 h the key is free again");
    }
}
