using Suno.Application.Gcui.Common;
using Suno.Application.Gcui.Queries.GetAlignedLyrics;
using Suno.Application.Gcui.Queries.GetAudio;
using Suno.Application.Gcui.Queries.GetClip;
using Suno.Application.Gcui.Queries.GetPersona;

namespace Suno.Application.UnitTests.Gcui;

[TestFixture]
public sealed class GcuiMappingTests
{
    private const string Raw = """
        {"id":"c1","title":"T","image_url":"https://img/c1.jpeg","audio_url":"https://cdn/c1.mp3","video_url":"",
         "created_at":"2026-11-22T10:00:00.000Z","model_name":"chirp-v3","status":"complete",
         "metadata":{"prompt":"[Verse]\r\nA\n\n  \nB\n","gpt_description_prompt":"rain","type":"gen","tags":"pop",
                     "negative_tags":"metal","duration":"120.5","error_message":null}}
        """;

    [Test]
    public void Audio_info_lifts_the_metadata_fields()
    {
        var info = ClipInfoReader.Read("c1", Raw, compactLyrics: false);

        Assert.That(info.Id, Is.EqualTo("c1"));
        Assert.That(info.Lyric, Is.EqualTo("[Verse]\r\nA\n\n  \nB\n"));
        Assert.That(info.Prompt, Is.EqualTo(info.Lyric));
        Assert.That(info.GptDescriptionPrompt, Is.EqualTo("rain"));
        Assert.That(info.Type, Is.EqualTo("gen"));
        Assert.That(info.Tags, Is.EqualTo("pop"));
        Assert.That(info.NegativeTags, Is.EqualTo("metal"));
        Assert.That(info.Duration, Is.EqualTo(120.5));
        Assert.That(info.CreatedAt, Is.EqualTo("2026-11-22T10:00:00.000Z"));
        Assert.That(info.ErrorMessage, Is.Null);
    }

    [Test]
    public void The_get_path_drops_blank_lines_from_the_lyric()
    {
        Assert.That(ClipInfoReader.Read("c1", Raw, compactLyrics: true).Lyric, Is.EqualTo("[Verse]\nA\nB"));
        Assert.That(ClipInfoReader.CompactLyrics(null), Is.Empty);
    }

    [Test]
    public void Unreadable_json_still_names_the_clip() =>
        Assert.That(ClipInfoReader.Read("c9", "not json", compactLyrics: true).Id, Is.EqualTo("c9"));

    [Test]
    public void Required_ids_have_gcui_arts_messages()
    {
        Assert.That(new GetClipQueryValidator().Validate(new GetClipQuery(null)).Errors.Single().ErrorMessage, Is.EqualTo("Missing parameter id"));
        Assert.That(new GetPersonaQueryValidator().Validate(new GetPersonaQuery(" ", null)).Errors.Single().ErrorMessage, Is.EqualTo("Missing parameter id"));
        Assert.That(new GetAlignedLyricsQueryValidator().Validate(new GetAlignedLyricsQuery("", null)).Errors.Single().ErrorMessage, Is.EqualTo("Song ID is required"));
    }

    [TestCase(null, true)]
    [TestCase("", true)]
    [TestCase("a,b , c", true)]
    [TestCase("a/b", false)]
    [TestCase("a?b", false)]
    public void Get_accepts_plain_clip_ids_only(string? ids, bool valid) =>
        Assert.That(new GetAudioQueryValidator().Validate(new GetAudioQuery(ids, null, null)).IsValid, Is.EqualTo(valid));

    [Test]
    public void Get_splits_and_deduplicates_ids() =>
        Assert.That(new GetAudioQuery(" a, b,,a ", null, null).IdList, Is.EqualTo(new[] { "a", "b" }));

    [TestCase("0", true)]
    [TestCase("3", true)]
    [TestCase("-1", false)]
    [TestCase("1.5", false)]
    [TestCase("x", false)]
    public void Get_pages_are_whole_numbers_from_zero(string page, bool valid) =>
        Assert.That(new GetAudioQueryValidator().Validate(new GetAudioQuery(null, page, null)).IsValid, Is.EqualTo(valid));
}
