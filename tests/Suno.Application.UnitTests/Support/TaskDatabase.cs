using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Suno.Infrastructure.Persistence;

namespace Suno.Application.UnitTests.Support;

/// <summary>A migrated SQLite file of the real SunoDbContext, deleted on dispose.</summary>
public sealed class TaskDatabase : IAsyncDisposable
{
    private readonly string _folder;
    private readonly string _connectionString;

    private TaskDatabase(string folder, string connectionString)
    {
        _folder = folder;
        _connectionString = connectionString;
    }

    public static async Task<TaskDatabase> CreateAsync()
    {
        var folder = Directory.CreateTempSubdirectory("suno-app-tests-").FullName;
        var database = new TaskDatabase(folder, SunoDbContextOptions.SqliteConnectionString(Path.Combine(folder, "suno.db")));
        await using var db = database.CreateContext();
        await db.Database.MigrateAsync();
        return database;
    }

    public SunoDbContext CreateContext()
    {
        var builder = new DbContextOptionsBuilder<SqliteSunoDbContext>();
        SunoDbContextOptions.UseSqlite(builder, _connectionString);
        return new SqliteSunoDbContext(builder.Options);
    }

    public ValueTask DisposeAsync()
    {
        SqliteConnection.ClearAllPools();
        Directory.Delete(_folder, recursive: true);
        return ValueTask.CompletedTask;
    }
}
