using Microsoft.EntityFrameworkCore;
using Suno.Domain.Accounts;
using Suno.Domain.Clips;
using Suno.Domain.Common;
using Suno.Domain.Tasks;
using Suno.Infrastructure.IntegrationTests.Support;
using Suno.Infrastructure.Persistence;

namespace Suno.Infrastructure.IntegrationTests.Persistence;

/// <summary>What is saved reads back intact, through a fresh context, on every provider.</summary>
[TestFixture(DatabaseProvider.Sqlite)]
[TestFixture(DatabaseProvider.Postgres)]
[TestFixture(DatabaseProvider.SqlServer)]
public sealed class RoundTripTests(DatabaseProvider provider)
{
    private static readonly DateTime T0 = new(2026, 11, 22, 10, 15, 30, 123, DateTimeKind.Utc);
    private TestDatabase _database = null!;

    [OneTimeSetUp]
    public async Task CreateDatabaseAsync()
    {
        _database = await TestDatabase.CreateAsync(provider);
        await using var db = _database.CreateContext();
        await db.Database.MigrateAsync();
    }

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
    public async Task MusicTask_WithClips_ReadsBackIntact()
    {
        var id = NewId();
        var clipA = $"{id}-a";
        var clipB = $"{id}-b";
        var task = SunoTask.Create(id, TaskAction.Music, """{"prompt":"a song"}""", T0,
            callbackUrl: "https://example.test/cb", idempotencyKey: $"key-{id}", accountId: "acc-1");
        task.MarkSubmitted([Snapshot(clipA, ClipStatus.Submitted), Snapshot(clipB, ClipStatus.Submitted)], T0.AddSeconds(1));
        Assert.That(task.TryClaimLease("worker-1", T0.AddMinutes(1), T0.AddSeconds(1)), Is.True);
        await SaveAsync(task);

        await using (var db = _database.CreateContext())
        {
            var tracked = await db.Tasks.Include(t => t.Clips).SingleAsync(t => t.Id == id);
            tracked.ApplyClips(
                [
                    Snapshot(clipA, ClipStatus.Complete, duration: 181.5, rawJson: """{"id":"a","new_field":[1,2]}"""),
                    Snapshot(clipB, ClipStatus.Streaming),
                ],
                T0.AddSeconds(30));
            await db.SaveChangesAsync();
        }

        await using var read = _database.CreateContext();
        var loaded = await read.Tasks.AsNoTracking().Include(t => t.Clips).SingleAsync(t => t.Id == id);
        using (Assert.EnterMultipleScope())
        {
            Assert.That(loaded.Action, Is.EqualTo(TaskAction.Music));
            Assert.That(loaded.Status, Is.EqualTo(SunoTaskStatus.InProgress));
            Assert.That(loaded.Progress, Is.EqualTo(50));
            Assert.That(loaded.Parameters, Is.EqualTo("""{"prompt":"a song"}"""));
            Assert.That(loaded.UpstreamIds, Is.EqualTo(new[] { clipA, clipB }));
            Assert.That(loaded.CallbackUrl, Is.EqualTo("https://example.test/cb"));
            Assert.That(loaded.IdempotencyKey, Is.EqualTo($"key-{id}"));
            Assert.That(loaded.AccountId, Is.EqualTo("acc-1"));
            Assert.That(loaded.LeaseOwner, Is.EqualTo("worker-1"));
            AssertUtc(loaded.CreatedAt, T0);
            AssertUtc(loaded.SubmitTime, T0.AddSeconds(1));
            AssertUtc(loaded.StartTime, T0.AddSeconds(30));
            AssertUtc(loaded.UpdatedAt, T0.AddSeconds(30));
            AssertUtc(loaded.LeaseUntil, T0.AddMinutes(1));
            Assert.That(loaded.FinishTime, Is.Null);
            Assert.That(loaded.Lyrics, Is.Null);
            Assert.That(loaded.Clips.OrderBy(c => c.Position).Select(c => c.Id), Is.EqualTo(new[] { clipA, clipB }));
        }

        var first = loaded.Clips.Single(c => c.Id == clipA);
        using (Assert.EnterMultipleScope())
        {
            Assert.That(first.TaskId, Is.EqualTo(id));
            Assert.That(first.Position, Is.Zero);
            Assert.That(first.Status, Is.EqualTo(ClipStatus.Complete));
            Assert.That(first.Duration, Is.EqualTo(181.5));
            Assert.That(first.RawJson, Is.EqualTo("""{"id":"a","new_field":[1,2]}"""));
            Assert.That(first.Title, Is.EqualTo("Song " + clipA));
            Assert.That(first.AudioUrl, Is.EqualTo($"https://cdn.test/{clipA}.mp3"));
            Assert.That(first.Tags, Is.EqualTo("pop, synth"));
            Assert.That(first.ModelName, Is.EqualTo("chirp-v4"));
            AssertUtc(first.CreatedAt, T0);
            Assert.That(loaded.Clips.Single(c => c.Id == clipB).Position, Is.EqualTo(1));
        }
    }

    [Test]
    public async Task EnumsAreStoredInTheirWireForm()
    {
        var id = NewId();
        var task = SunoTask.Create(id, TaskAction.Music, "{}", T0);
        task.MarkSubmitted([Snapshot($"{id}-a", ClipStatus.Queued)], T0);
        var account = SunoAccount.Create(NewId(), "wire", "__client=abc", null, T0);
        account.MarkInvalid("cookie refused", T0);
        await SaveAsync(task, account);

        await using var db = _database.CreateContext();
        using (Assert.EnterMultipleScope())
        {
            Assert.That(await ScalarAsync(db, $"SELECT status FROM tasks WHERE id = '{id}'"), Is.EqualTo("SUBMITTED"));
            Assert.That(await ScalarAsync(db, $"SELECT action FROM tasks WHERE id = '{id}'"), Is.EqualTo("MUSIC"));
            Assert.That(await ScalarAsync(db, $"SELECT status FROM clips WHERE task_id = '{id}'"), Is.EqualTo("queued"));
            Assert.That(await ScalarAsync(db, $"SELECT status FROM accounts WHERE id = '{account.Id}'"), Is.EqualTo("invalid"));
            Assert.That(
                await ScalarAsync(db, $"SELECT upstream_ids FROM tasks WHERE id = '{id}'"),
                Is.EqualTo($"[\"{id}-a\"]"));
        }
    }

    [Test]
    public async Task QueriesByStatusAndLease_TranslateToTheStoredForm()
    {
        var id = NewId();
        var task = SunoTask.Create(id, TaskAction.Extend, "{}", T0);
        task.MarkSubmitted([$"{id}-up"], T0);
        task.TryClaimLease("worker-q", T0.AddMinutes(5), T0);
        await SaveAsync(task);

        await using var db = _database.CreateContext();
        var found = await db.Tasks.AsNoTracking()
            .Where(t => t.Status == SunoTaskStatus.Submitted && t.Action == TaskAction.Extend)
            .Where(t => t.LeaseUntil > T0.AddMinutes(4) && t.LeaseUntil < T0.AddMinutes(6))
            .Select(t => t.Id)
            .ToListAsync();
        Assert.That(found, Does.Contain(id));
    }

    [Test]
    public async Task ExecuteUpdate_WritesTimesAsUtc_WhateverTheirKind()
    {
        var id = NewId();
        var task = SunoTask.Create(id, TaskAction.Music, "{}", T0);
        task.MarkSubmitted([$"{id}-up"], T0);
        await SaveAsync(task);
        var unspecified = DateTime.SpecifyKind(T0.AddMinutes(3), DateTimeKind.Unspecified);

        await using (var db = _database.CreateContext())
        {
            var updated = await db.Tasks
                .Where(t => t.Id == id && (t.LeaseUntil == null || t.LeaseUntil < T0))
                .ExecuteUpdateAsync(s => s.SetProperty(t => t.LeaseOwner, "worker-x").SetProperty(t => t.LeaseUntil, unspecified));
            Assert.That(updated, Is.EqualTo(1));
        }

        await using var read = _database.CreateContext();
        var loaded = await read.Tasks.AsNoTracking().SingleAsync(t => t.Id == id && t.LeaseUntil == T0.AddMinutes(3));
        Assert.That(loaded.LeaseOwner, Is.EqualTo("worker-x"));
        AssertUtc(loaded.LeaseUntil, T0.AddMinutes(3));
    }

    [Test]
    public async Task OverlongClipText_FromUpstream_IsCutToTheColumn_AndRawJsonKeepsAll()
    {
        var id = NewId();
        var clipId = $"{id}-a";
        var title = new string('t', FieldLengths.Title - 1) + "\U0001F3B5tail"; // an emoji across the limit
        var tags = new string('g', FieldLengths.Tags + 10);
        var rawJson = $$"""{"id":"{{clipId}}","title":"{{title}}"}""";
        var task = SunoTask.Create(id, TaskAction.Music, "{}", T0);
        task.MarkSubmitted([Snapshot(clipId, ClipStatus.Submitted) with { Title = title, Tags = tags, RawJson = rawJson }], T0);

        await SaveAsync(task);

        await using var db = _database.CreateContext();
        var clip = await db.Clips.AsNoTracking().SingleAsync(c => c.Id == clipId);
        using (Assert.EnterMultipleScope())
        {
            Assert.That(clip.Title, Is.EqualTo(new string('t', FieldLengths.Title - 1)), "a surrogate pair is not split");
            Assert.That(clip.Tags, Is.EqualTo(tags[..FieldLengths.Tags]));
            Assert.That(clip.RawJson, Is.EqualTo(rawJson));
        }
    }

    [Test]
    public async Task LyricsTask_ReadsBackWithItsLyrics()
    {
        var id = NewId();
        var task = SunoTask.Create(id, TaskAction.Lyrics, """{"prompt":"rain"}""", T0);
        task.MarkSubmitted([$"{id}-lyrics"], T0);
        task.ApplyLyrics(new LyricsResult($"{id}-lyrics", "running", null, null), T0.AddSeconds(2));
        await SaveAsync(task);

        await using (var db = _database.CreateContext())
        {
            var tracked = await db.Tasks.SingleAsync(t => t.Id == id);
            Assert.That(tracked.Lyrics, Is.EqualTo(new LyricsResult($"{id}-lyrics", "running", null, null)));
            tracked.ApplyLyrics(new LyricsResult($"{id}-lyrics", "complete", "Rain", "[Verse]\nDrops"), T0.AddSeconds(9));
            await db.SaveChangesAsync();
        }

        await using var read = _database.CreateContext();
        var loaded = await read.Tasks.AsNoTracking().SingleAsync(t => t.Id == id);
        using (Assert.EnterMultipleScope())
        {
            Assert.That(loaded.Action, Is.EqualTo(TaskAction.Lyrics));
            Assert.That(loaded.Status, Is.EqualTo(SunoTaskStatus.Success));
            Assert.That(loaded.Lyrics, Is.EqualTo(new LyricsResult($"{id}-lyrics", "complete", "Rain", "[Verse]\nDrops")));
            Assert.That(loaded.UpstreamIds, Is.EqualTo(new[] { $"{id}-lyrics" }));
            AssertUtc(loaded.FinishTime, T0.AddSeconds(9));
            Assert.That(loaded.LeaseOwner, Is.Null);
            Assert.That(loaded.Clips, Is.Empty);
        }
    }

    [Test]
    public async Task FailedTask_KeepsItsReason()
    {
        var id = NewId();
        var task = SunoTask.Create(id, TaskAction.Music, "{}", T0);
        task.Fail(SunoTask.TimeOutReason, T0.AddMinutes(10));
        await SaveAsync(task);

        await using var db = _database.CreateContext();
        var loaded = await db.Tasks.AsNoTracking().SingleAsync(t => t.Id == id);
        using (Assert.EnterMultipleScope())
        {
            Assert.That(loaded.Status, Is.EqualTo(SunoTaskStatus.Failure));
            Assert.That(loaded.FailReason, Is.EqualTo(SunoTask.TimeOutReason));
            Assert.That(loaded.UpstreamIds, Is.Empty);
            AssertUtc(loaded.FinishTime, T0.AddMinutes(10));
        }
    }

    [Test]
    public async Task Account_ReadsBackIntact()
    {
        var id = NewId();
        var account = SunoAccount.Create(id, "main", "__client=secret; other=1", "sess_123", T0);
        account.CacheToken("jwt.value.sig", T0.AddMinutes(1), T0);
        account.UpdateCredits(5, 2500, 120, "month", T0.AddSeconds(5));
        await SaveAsync(account);

        await using var db = _database.CreateContext();
        var loaded = await db.Accounts.AsNoTracking().SingleAsync(a => a.Id == id);
        var storedCookie = await ScalarAsync(db, $"SELECT cookie FROM accounts WHERE id = '{id}'");
        using (Assert.EnterMultipleScope())
        {
            Assert.That(loaded.Name, Is.EqualTo("main"));
            Assert.That(storedCookie, Is.EqualTo("dp1:encrypted-" + id), "the cookie column holds what the store encrypted");
            Assert.That(loaded.Cookie, Is.Empty, "the plain cookie is not mapped (AccountPool restores it decrypted)");
            Assert.That(loaded.SessionId, Is.EqualTo("sess_123"));
            Assert.That(loaded.Jwt, Is.Null, "JWTs are kept in memory only");
            Assert.That(loaded.CreditsLeft, Is.EqualTo(5));
            Assert.That(loaded.MonthlyLimit, Is.EqualTo(2500));
            Assert.That(loaded.MonthlyUsage, Is.EqualTo(120));
            Assert.That(loaded.Period, Is.EqualTo("month"));
            Assert.That(loaded.Status, Is.EqualTo(AccountStatus.Exhausted));
            Assert.That(loaded.LastError, Does.Contain("credits left"));
            AssertUtc(loaded.CreditsRefreshedAt, T0.AddSeconds(5));
            AssertUtc(loaded.CreatedAt, T0);
            AssertUtc(loaded.UpdatedAt, T0.AddSeconds(5));
        }
    }

    [Test]
    public async Task DuplicateIdempotencyKey_IsRejected()
    {
        var key = $"key-{NewId()}";
        await SaveAsync(SunoTask.Create(NewId(), TaskAction.Music, "{}", T0, idempotencyKey: key));

        await using var db = _database.CreateContext();
        db.Tasks.Add(SunoTask.Create(NewId(), TaskAction.Music, "{}", T0, idempotencyKey: key));
        Assert.That(async () => await db.SaveChangesAsync(), Throws.InstanceOf<DbUpdateException>());
    }

    [Test]
    public async Task TasksWithoutIdempotencyKey_DoNotCollide()
    {
        await SaveAsync(
            SunoTask.Create(NewId(), TaskAction.Music, "{}", T0),
            SunoTask.Create(NewId(), TaskAction.Music, "{}", T0));

        await using var db = _database.CreateContext();
        Assert.That(await db.Tasks.CountAsync(t => t.IdempotencyKey == null), Is.GreaterThanOrEqualTo(2));
    }

    [Test]
    public async Task DeletingATask_DeletesItsClips()
    {
        var id = NewId();
        var task = SunoTask.Create(id, TaskAction.Music, "{}", T0);
        task.MarkSubmitted([Snapshot($"{id}-a", ClipStatus.Submitted)], T0);
        await SaveAsync(task);

        await using (var db = _database.CreateContext())
        {
            await db.Tasks.Where(t => t.Id == id).ExecuteDeleteAsync();
        }

        await using var read = _database.CreateContext();
        Assert.That(await read.Clips.CountAsync(c => c.TaskId == id), Is.Zero);
    }

    private static string NewId() => Guid.NewGuid().ToString();

    private static ClipSnapshot Snapshot(string id, ClipStatus status, double? duration = null, string? rawJson = null) => new()
    {
        Id = id,
        Status = status,
        Title = "Song " + id,
        AudioUrl = $"https://cdn.test/{id}.mp3",
        ImageUrl = $"https://cdn.test/{id}.jpg",
        ModelName = "chirp-v4",
        MajorModelVersion = "v4",
        Tags = "pop, synth",
        Prompt = "[Verse]\nla la",
        Type = "gen",
        Duration = duration,
        CreatedAt = T0,
        RawJson = rawJson ?? $$"""{"id":"{{id}}","status":"{{status.ToWire()}}"}""",
    };

    private static void AssertUtc(DateTime? actual, DateTime expected)
    {
        Assert.That(actual, Is.EqualTo(expected));
        Assert.That(actual!.Value.Kind, Is.EqualTo(DateTimeKind.Utc), "DateTime read back must be UTC");
    }

    private async Task SaveAsync(params object[] entities)
    {
        await using var db = _database.CreateContext();
        db.AddRange(entities);
        foreach (var account in entities.OfType<SunoAccount>())
        {
            // What the account store writes: the cookie encrypted (here a stand-in), never the entity's plain one.
            db.Entry(account).Property<string>("StoredCookie").CurrentValue = "dp1:encrypted-" + account.Id;
        }

        await db.SaveChangesAsync();
    }

    private static async Task<string?> ScalarAsync(SunoDbContext db, string sql)
    {
        var connection = db.Database.GetDbConnection();
        await db.Database.OpenConnectionAsync();
        try
        {
            await using var command = connection.CreateCommand();
            command.CommandText = sql;
            return (await command.ExecuteScalarAsync())?.ToString();
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }
}
