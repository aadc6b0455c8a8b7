using Suno.Application.Common.Exceptions;
using Suno.Application.Tasks.Queries.GetTask;
using Suno.Application.Tasks.Queries.GetTasks;
using Suno.Application.UnitTests.Support;

namespace Suno.Application.UnitTests.Tasks;

public sealed class GetTaskQueryHandlerTests
{
    private TaskDatabase _database = null!;

    [SetUp]
    public async Task SetUp()
    {
        _database = await TaskDatabase.CreateAsync();
        await using var db = _database.CreateContext();
        db.Tasks.AddRange(Support.TaskSamples.FinishedMusic("m1"), Support.TaskSamples.FinishedLyrics("l1"), Support.TaskSamples.NewMusic("m2"));
        await db.SaveChangesAsync();
    }

    [TearDown]
    public Task TearDown() => _database.DisposeAsync().AsTask();

    [Test]
    public async Task GetTask_ReturnsTheStoredTaskWithItsClips()
    {
        await using var db = _database.CreateContext();

        var dto = await new GetTaskQueryHandler(db).Handle(new GetTaskQuery("m1"), CancellationToken.None);

        Assert.Multiple(() =>
        {
            Assert.That(dto.TaskId, Is.EqualTo("m1"));
            Assert.That(dto.Status, Is.EqualTo("SUCCESS"));
            Assert.That(dto.Data!.Value.GetArrayLength(), Is.EqualTo(2));
            Assert.That(dto.Data!.Value[0].GetProperty("brand_new_upstream_field").ValueKind, Is.EqualTo(System.Text.Json.JsonValueKind.Object));
        });
    }

    [Test]
    public async Task GetTask_Lyrics_ReturnsTheLyricsObject()
    {
        await using var db = _database.CreateContext();

        var dto = await new GetTaskQueryHandler(db).Handle(new GetTaskQuery("l1"), CancellationToken.None);

        Assert.That(dto.Data!.Value.GetProperty("title").GetString(), Is.EqualTo("Rain"));
    }

    [Test]
    public async Task GetTask_UnknownId_ThrowsTaskNotExist()
    {
        await using var db = _database.CreateContext();

        var ex = Assert.ThrowsAsync<NotFoundException>(() =>
            new GetTaskQueryHandler(db).Handle(new GetTaskQuery("missing"), CancellationToken.None));

        Assert.Multiple(() =>
        {
            Assert.That(ex!.StatusCode, Is.EqualTo(404));
            Assert.That(ex.ErrorCode, Is.EqualTo("task_not_exist"));
            Assert.That(ex.Message, Is.EqualTo("task missing does not exist"));
        });
    }

    [Test]
    public async Task GetTasks_KeepsTheOrderAsked_SkipsUnknownAndDuplicates()
    {
        await using var db = _database.CreateContext();

        var result = await new GetTasksQueryHandler(db)
            .Handle(new GetTasksQuery(["m2", "nope", "l1", "m1", "m2"]), CancellationToken.None);

        Assert.That(result.Select(t => t.TaskId), Is.EqualTo(new[] { "m2", "l1", "m1" }));
    }

    [Test]
    public async Task GetTasks_FiltersByActionCaseInsensitively()
    {
        await using var db = _database.CreateContext();

        var result = await new GetTasksQueryHandler(db)
            .Handle(new GetTasksQuery(["m1", "l1", "m2"], "lyrics"), CancellationToken.None);

        Assert.That(result.Select(t => t.TaskId), Is.EqualTo(new[] { "l1" }));
    }
}
