using Suno.Application.Tasks.Queries.GetTask;
using Suno.Application.Tasks.Queries.GetTasks;

namespace Suno.Application.UnitTests.Tasks;

public sealed class QueryValidatorTests
{
    [TestCase("", false)]
    [TestCase("0b6f7c44-7f0e-4a7e-9d53-2c1c5a0e8f11", true)]
    public void GetTask_Id(string id, bool valid) =>
        Assert.That(new GetTaskQueryValidator().Validate(new GetTaskQuery(id)).IsValid, Is.EqualTo(valid));

    [Test]
    public void GetTask_TooLongId_IsNamedId()
    {
        var result = new GetTaskQueryValidator().Validate(new GetTaskQuery(new string('a', 65)));

        Assert.That(result.Errors.Select(e => e.PropertyName), Is.EqualTo(new[] { "id" }));
    }

    [Test]
    public void GetTasks_NullIds_IsRequired()
    {
        var result = new GetTasksQueryValidator().Validate(new GetTasksQuery(null!));

        Assert.That(result.Errors.Select(e => (e.PropertyName, e.ErrorMessage)), Is.EqualTo(new[] { ("ids", "ids is required") }));
    }

    [Test]
    public void GetTasks_TooManyIds_IsRejected()
    {
        var ids = Enumerable.Range(0, GetTasksQuery.MaxIds + 1).Select(i => $"id-{i}").ToList();

        Assert.That(new GetTasksQueryValidator().Validate(new GetTasksQuery(ids)).IsValid, Is.False);
    }

    [TestCase(null, true)]
    [TestCase("MUSIC", true)]
    [TestCase("lyrics", true)]
    [TestCase("video", false)]
    public void GetTasks_Action(string? action, bool valid) =>
        Assert.That(new GetTasksQueryValidator().Validate(new GetTasksQuery(["a"], action)).IsValid, Is.EqualTo(valid));
}
