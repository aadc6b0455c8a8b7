using System.Text.Json;
using Suno.Application.Tasks.Common;
using Suno.Infrastructure.Upstream.Studio;
using Suno.WebApi.Families.Gcui;

namespace Suno.WebApi.FunctionalTests.Gcui;

/// <summary>Suno's clip object → the gateway's clip (typed) → gcui-art's AudioInfo, on both of gcui-art's paths.</summary>
[TestFixture]
public sealed class AudioInfoMappingTests
{
    private const string Raw = """
        {"id":"c1","title":"T","image_url":"https://img/c1.jpeg","audio_url":"https://cdn/c1.mp3","video_url":"",
         "created_at":"2026-11-22T10:00:00.000Z","model_name":"chirp-v3","status":"complete",
         "metadata":{"prompt":"[Verse]\r\nA\n\n  \nB\n","gpt_description_prompt":"rain","type":"gen","tags":"pop",
                     "negative_tags":"metal","duration":"120.5","error_message":null}}
        """;

    private static ClipDto Clip(string json = Raw)
    {
        using var document = JsonDocument.Parse(json);
        return ClipJson.Parse(document.RootElement).ToDto();
    }

    [Test]
    public void Audio_info_lifts_the_metadata_fields()
    {
        var info = AudioInfo.FromGenerate(Clip());

        Assert.Multiple(() =>
        {
            Assert.That(info.Id, Is.EqualTo("c1"));
            Assert.That(info.Lyric, Is.EqualTo("[Verse]\r\nA\n\n  \nB\n"));
            Assert.That(info.Prompt, Is.EqualTo(info.Lyric));
            Assert.That(info.GptDescriptionPrompt, Is.EqualTo("rain"));
            Assert.That(info.Type, Is.EqualTo("gen"));
            Assert.That(info.Tags, Is.EqualTo("pop"));
            Assert.That(info.NegativeTags, Is.EqualTo("metal"));
            Assert.That(info.Duration, Is.EqualTo(120.5));
            Assert.That(info.CreatedAt, Is.EqualTo("2026-11-22T10:00:00.000Z"));
            Assert.That(info.AudioUrl, Is.EqualTo("https://cdn/c1.mp3"));
            Assert.That(info.VideoUrl, Is.Empty, "gcui-art passes Suno's empty string through");
            Assert.That(info.ErrorMessage, Is.Null);
        });
    }

    [Test]
    public void The_get_path_drops_blank_lines_from_the_lyric_and_has_no_negative_tags()
    {
        var info = AudioInfo.FromGet(Clip());

        Assert.That(info.Lyric, Is.EqualTo("[Verse]\nA\nB"));
        Assert.That(info.NegativeTags, Is.Null);
        Assert.That(AudioInfo.CompactLyrics(null), Is.Empty);
    }

    [Test]
    public void The_get_path_carries_the_error_message_and_the_generate_path_does_not()
    {
        var failed = Clip("""{"id":"c2","status":"error","metadata":{"error_message":"Suno refused the prompt"}}""");

        Assert.That(AudioInfo.FromGet(failed).ErrorMessage, Is.EqualTo("Suno refused the prompt"));
        Assert.That(AudioInfo.FromGenerate(failed).ErrorMessage, Is.Null);
        Assert.That(AudioInfo.FromGenerate(failed).Status, Is.EqualTo("error"));
    }
}
