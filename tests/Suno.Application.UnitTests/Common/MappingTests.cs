using System.Text.Json;
using AutoMapper;
using Microsoft.Extensions.Logging.Abstractions;
using Suno.Application.Tasks.Common;
using Suno.Application.UnitTests.Support;

namespace Suno.Application.UnitTests.Common;

public sealed class MappingTests
{
    private MapperConfiguration _configuration = null!;
    private IMapper _mapper = null!;

    [OneTimeSetUp]
    public void CreateMapper()
    {
        _configuration = new MapperConfiguration(cfg => cfg.AddMaps(typeof(TaskDto).Assembly), NullLoggerFactory.Instance);
        _mapper = _configuration.CreateMapper();
    }

    [Test]
    public void Configuration_IsValid() => _configuration.AssertConfigurationIsValid();

    [Test]
    public void MusicTask_MapsWireNamesUnixSecondsAndProgress()
    {
        var dto = _mapper.Map<TaskDto>(TaskSamples.FinishedMusic("t1"));

        Assert.Multiple(() =>
        {
            Assert.That(dto.TaskId, Is.EqualTo("t1"));
            Assert.That(dto.Action, Is.EqualTo("MUSIC"));
            Assert.That(dto.Status, Is.EqualTo("SUCCESS"));
            Assert.That(dto.FailReason, Is.Null);
            Assert.That(dto.SubmitTime, Is.EqualTo(new DateTimeOffset(TaskSamples.Submitted).ToUnixTimeSeconds()));
            Assert.That(dto.StartTime, Is.EqualTo(new DateTimeOffset(TaskSamples.Submitted.AddSeconds(20)).ToUnixTimeSeconds()));
            Assert.That(dto.FinishTime, Is.EqualTo(new DateTimeOffset(TaskSamples.Submitted.AddSeconds(95)).ToUnixTimeSeconds()));
            Assert.That(dto.Progress, Is.EqualTo("100%"));
        });
    }

    [Test]
    public void MusicTask_ClipsAreInOrder_TypedAndWithTheRawObjectKeepingFieldsTheGatewayDoesNotKnow()
    {
        var dto = _mapper.Map<TaskDto>(TaskSamples.FinishedMusic("t1"));

        var clips = dto.Clips;
        Assert.That(clips, Has.Count.EqualTo(2));
        using var raw = JsonDocument.Parse(clips[0].RawJson);
        Assert.Multiple(() =>
        {
            Assert.That(clips[0].Id, Is.EqualTo("t1-a"));
            Assert.That(clips[1].Id, Is.EqualTo("t1-b"));
            Assert.That(clips[0].Status, Is.EqualTo("complete"));
            Assert.That(raw.RootElement.GetProperty("brand_new_upstream_field").GetProperty("x")[1].GetInt32(), Is.EqualTo(2));
            Assert.That(raw.RootElement.GetProperty("metadata").GetProperty("tags").GetString(), Is.EqualTo("pop"));
            Assert.That(raw.RootElement.GetProperty("status").GetString(), Is.EqualTo("complete"));
            Assert.That(dto.Lyrics, Is.Null);
        });
    }

    [Test]
    public void NewTask_HasZeroTimesZeroProgressAndNoClips()
    {
        var dto = _mapper.Map<TaskDto>(TaskSamples.NewMusic("t2"));

        Assert.Multiple(() =>
        {
            Assert.That(dto.Status, Is.EqualTo("NOT_START"));
            Assert.That(dto.SubmitTime, Is.Zero);
            Assert.That(dto.StartTime, Is.Zero);
            Assert.That(dto.FinishTime, Is.Zero);
            Assert.That(dto.Progress, Is.EqualTo("0%"));
            Assert.That(dto.Clips, Is.Empty);
        });
    }

    [Test]
    public void LyricsTask_CarriesTheLyricsObject()
    {
        var dto = _mapper.Map<TaskDto>(TaskSamples.FinishedLyrics("l1"));

        Assert.That(dto.Action, Is.EqualTo("LYRICS"));
        var lyrics = dto.Lyrics!;
        Assert.Multiple(() =>
        {
            Assert.That(lyrics.Id, Is.EqualTo("lyr-l1"));
            Assert.That(lyrics.Status, Is.EqualTo("complete"));
            Assert.That(lyrics.Title, Is.EqualTo("Rain"));
            Assert.That(lyrics.Text, Is.EqualTo("[Verse]\nDrops"));
            Assert.That(dto.Clips, Is.Empty);
        });
    }

    [Test]
    public void LyricsTask_WithoutResult_HasNoLyrics()
    {
        var task = Suno.Domain.Tasks.SunoTask.Create("l2", Suno.Domain.Tasks.TaskAction.Lyrics, "{}", TaskSamples.Submitted);

        Assert.That(_mapper.Map<TaskDto>(task).Lyrics, Is.Null);
    }
}
