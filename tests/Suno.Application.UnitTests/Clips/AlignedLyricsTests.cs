using System.Text.Json;
using Suno.Application.Clips;
using Suno.Application.Common.Upstream;
using Suno.Application.Tasks.Queries.GetTimestampedLyrics;

namespace Suno.Application.UnitTests.Clips;

[TestFixture]
public sealed class AlignedLyricsTests
{
    private static AlignedLyrics Read(string json) => AlignedLyrics.From(new UpstreamJson(JsonDocument.Parse(json).RootElement));

    [Test]
    public void Sunos_answer_is_read_field_by_field()
    {
        var lyrics = Read("""
            {"aligned_words":[{"word":"Roads","success":true,"start_s":0.5,"end_s":1.25,"p_align":0.9},{"word":"unwind","success":false}],
             "waveform_data":[0.1,0.4],"hoot_cer":0.05,"is_streamed":true}
            """);
        Assert.Multiple(() =>
        {
            Assert.That(lyrics.Words, Is.EqualTo(new[] { new AlignedWord("Roads", true, 0.5, 1.25, 0.9), new AlignedWord("unwind", false, null, null, null) }));
            Assert.That(lyrics.WaveformData, Is.EqualTo(new[] { 0.1, 0.4 }));
            Assert.That(lyrics.HootCer, Is.EqualTo(0.05));
            Assert.That(lyrics.IsStreamed, Is.True);
            Assert.That(lyrics.WordsOrRaw().ValueKind, Is.EqualTo(JsonValueKind.Array));
        });
    }

    [Test]
    public void An_answer_without_aligned_words_is_empty_and_passed_through_whole()
    {
        var lyrics = Read("""{"detail":"not ready"}""");
        Assert.Multiple(() =>
        {
            Assert.That(lyrics.Words, Is.Empty);
            Assert.That(lyrics.WaveformData, Is.Empty);
            Assert.That(lyrics.HootCer, Is.Null);
            Assert.That(lyrics.IsStreamed, Is.False);
            Assert.That(lyrics.WordsOrRaw().GetProperty("detail").GetString(), Is.EqualTo("not ready"));
        });
    }

    [TestCase(null, null, null, "taskId")]
    [TestCase(" ", null, null, "taskId")]
    [TestCase("t", null, 2, "musicIndex")]
    [TestCase("t", "a/b", null, "audioId")]
    public void The_hosted_query_names_the_bad_field(string? taskId, string? audioId, int? musicIndex, string field)
    {
        var errors = new GetTimestampedLyricsQueryValidator().Validate(new GetTimestampedLyricsQuery(taskId, audioId, musicIndex)).Errors;
        Assert.That(errors.Single().ErrorMessage, Does.StartWith(field));
    }

    [Test]
    public void The_hosted_query_takes_a_task_alone() =>
        Assert.That(new GetTimestampedLyricsQueryValidator().Validate(new GetTimestampedLyricsQuery("t", null, 1)).IsValid, Is.True);
}
