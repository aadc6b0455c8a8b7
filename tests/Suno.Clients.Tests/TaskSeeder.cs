using Microsoft.EntityFrameworkCore;
using Suno.Domain.Clips;
using Suno.Domain.Tasks;
using Suno.Infrastructure.Persistence;

namespace Suno.Clients.Tests;

/// <summary>Writes tasks into the gateway's SQLite file through the real EF model, as the task engine would.</summary>
internal static class TaskSeeder
{
    /// <summary>A submitted music task with two queued clips.</summary>
    public static async Task<SeededTask> SeedMusicTaskAsync(string sqlitePath)
    {
        var taskId = Guid.NewGuid().ToString();
        var clipIds = new[] { Guid.NewGuid().ToString(), Guid.NewGuid().ToString() };
        var now = DateTime.UtcNow;
        var task = SunoTask.Create(taskId, TaskAction.Music, """{"prompt":"a song about OpenAPI"}""", now);
        task.MarkSubmitted(
            clipIds.Select((id, i) => new ClipSnapshot
            {
                Id = id,
                Status = ClipStatus.Queued,
                StatusText = "queued",
                Title = $"Seeded clip {i}",
                RawJson = $$"""{"id":"{{id}}","status":"queued","title":"Seeded clip {{i}}"}""",
            }).ToList(),
            now);

        var options = SunoDbContextOptions.UseSqlite(
            new DbContextOptionsBuilder<SqliteSunoDbContext>(),
            SunoDbContextOptions.SqliteConnectionString(sqlitePath)).Options;
        await using var db = new SqliteSunoDbContext(options);

        // A no-op when the gateway migrated the file at start, as it should; keeps the seed independent of that.
        await db.Database.MigrateAsync();
        db.Tasks.Add(task);
        await db.SaveChangesAsync();
        return new SeededTask(taskId, clipIds);
    }
}

internal sealed record SeededTask(string TaskId, IReadOnlyList<string> ClipIds);
