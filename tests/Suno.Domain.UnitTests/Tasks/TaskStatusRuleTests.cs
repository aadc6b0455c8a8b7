using Suno.Domain.Clips;
using Suno.Domain.Tasks;

namespace Suno.Domain.UnitTests.Tasks;

public class TaskStatusRuleTests
{
    [TestCase(ClipStatus.Submitted, SunoTaskStatus.Submitted)]
    [TestCase(ClipStatus.Queued, SunoTaskStatus.Queued)]
    [TestCase(ClipStatus.Streaming, SunoTaskStatus.InProgress)]
    [TestCase(ClipStatus.Complete, SunoTaskStatus.Success)]
    [TestCase(ClipStatus.Error, SunoTaskStatus.Failure)]
    [TestCase(ClipStatus.Unknown, SunoTaskStatus.Failure)]
    public void Each_clip_status_maps_to_one_task_status(ClipStatus clip, SunoTaskStatus expected)
    {
        Assert.That(TaskStatusRule.ForClip(clip), Is.EqualTo(expected));
    }

    [TestCase(ClipStatus.Submitted)]
    [TestCase(ClipStatus.Queued)]
    [TestCase(ClipStatus.Streaming)]
    [TestCase(ClipStatus.Complete)]
    [TestCase(ClipStatus.Error)]
    public void Two_equal_statuses_give_that_status(ClipStatus both)
    {
        Assert.That(TaskStatusRule.FromClips([both, both]), Is.EqualTo(TaskStatusRule.ForClip(both)));
    }

    [TestCase(ClipStatus.Complete, ClipStatus.Streaming, SunoTaskStatus.InProgress)]
    [TestCase(ClipStatus.Streaming, ClipStatus.Complete, SunoTaskStatus.InProgress)]
    [TestCase(ClipStatus.Complete, ClipStatus.Error, SunoTaskStatus.Failure)]
    [TestCase(ClipStatus.Error, ClipStatus.Complete, SunoTaskStatus.Failure)]
    [TestCase(ClipStatus.Complete, ClipStatus.Queued, SunoTaskStatus.Queued)]
    public void When_one_clip_is_complete_the_other_decides(ClipStatus first, ClipStatus second, SunoTaskStatus expected)
    {
        Assert.That(TaskStatusRule.FromClips([first, second]), Is.EqualTo(expected));
    }

    [TestCase(ClipStatus.Streaming, ClipStatus.Error, SunoTaskStatus.InProgress)]
    [TestCase(ClipStatus.Error, ClipStatus.Streaming, SunoTaskStatus.Failure)]
    [TestCase(ClipStatus.Queued, ClipStatus.Submitted, SunoTaskStatus.Queued)]
    [TestCase(ClipStatus.Submitted, ClipStatus.Queued, SunoTaskStatus.Submitted)]
    public void Otherwise_the_first_clip_decides(ClipStatus first, ClipStatus second, SunoTaskStatus expected)
    {
        Assert.That(TaskStatusRule.FromClips([first, second]), Is.EqualTo(expected));
    }

    [Test]
    public void All_complete_is_success()
    {
        Assert.That(
            TaskStatusRule.FromClips([ClipStatus.Complete, ClipStatus.Complete, ClipStatus.Complete]),
            Is.EqualTo(SunoTaskStatus.Success));
    }

    [Test]
    public void No_clips_is_an_error()
    {
        Assert.That(() => TaskStatusRule.FromClips([]), Throws.ArgumentException);
    }

    [TestCase("complete", ClipStatus.Complete)]
    [TestCase("STREAMING", ClipStatus.Streaming)]
    [TestCase(" queued ", ClipStatus.Queued)]
    [TestCase("submitted", ClipStatus.Submitted)]
    [TestCase("error", ClipStatus.Error)]
    [TestCase("preparing", ClipStatus.Unknown)]
    [TestCase(null, ClipStatus.Unknown)]
    public void Clip_status_is_parsed_from_the_wire(string? wire, ClipStatus expected)
    {
        Assert.That(ClipStatusNames.Parse(wire), Is.EqualTo(expected));
    }
}
