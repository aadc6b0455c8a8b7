using Suno.Application.Common.Exceptions;
using Suno.Application.Common.Tenancy;
using Suno.Application.Tasks.Common;
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

        var dto = await new GetTaskQueryHandler(new TaskReader(db, new CallerContext())).Handle(new GetTaskQuery("m1"), CancellationToken.None);

        Assert.Multiple(() =>
        {
            Assert.That(dto.TaskId, Is.EqualTo("m1"));
            Assert.That(dto.Status, Is.EqualTo("SUCCESS"));
            Assert.That(dto.Clips, Has.Count.EqualTo(2));
            Assert.That(dto.Clips[0].RawJson, Does.Contain("brand_new_upstream_field"));
        });
    }

    [Test]
    public async Task GetTask_Lyrics_ReturnsTheLyricsObject()
    {
        await using var db = _database.CreateContext();

        var dto = await new GetTaskQueryHandler(new TaskReader(db, new CallerContext())).Handle(new GetTaskQuery("l1"), CancellationToken.None);

        Assert.That(dto.Lyrics!.Title, Is.EqualTo("Rain"));
    }

    [Test]
    public async Task GetTask_UnknownId_ThrowsTaskNotExist()
    {
        await using var db = _database.CreateContext();

        var ex = Assert.ThrowsAsync<NotFoundException>(() =>
            new GetTaskQueryHandler(new TaskReader(db, new CallerContext())).Handle(new GetTaskQuery("missing"), CancellationToken.None));

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

        var result = await new GetTasksQueryHandler(db, new CallerContext())
            .Handle(new GetTasksQuery(["m2", "nope", "l1", "m1", "m2"]), CancellationToken.None);

        Assert.That(result.Select(t => t.TaskId), Is.EqualTo(new[] { "m2", "l1", "m1" }));
    }

    [Test]
    public async Task GetTasks_FiltersByActionCaseInsensitively()
    {
        await using var db = _database.CreateContext();

        var result = await new GetTasksQueryHandler(db, new CallerContext())
            .Handle(new GetTasksQuery(["m1", "l1", "m2"], "lyrics"), CancellationToken.None);

        Assert.That(result.Select(t => t.TaskId), Is.EqualTo(new[] { "l1" }));
    }
}
