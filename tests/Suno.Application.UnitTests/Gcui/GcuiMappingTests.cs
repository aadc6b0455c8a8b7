using Suno.Application.Gcui.Common;
using Suno.Application.Gcui.Queries.GetAlignedLyrics;
using Suno.Application.Gcui.Queries.GetAudio;
using Suno.Application.Gcui.Queries.GetClip;
using Suno.Application.Gcui.Queries.GetPersona;

namespace Suno.Application.UnitTests.Gcui;

[TestFixture]
public sealed class GcuiMappingTests
{
    [Test]
    public void Required_ids_have_gcui_arts_messages()
    {
        Assert.That(new GetClipQueryValidator().Validate(new GetClipQuery(null)).Errors.Single().ErrorMessage, Is.EqualTo("Missing parameter id"));
        Assert.That(new GetPersonaQueryValidator().Validate(new GetPersonaQuery(" ", null)).Errors.Single().ErrorMessage, Is.EqualTo("Missing parameter id"));
        Assert.That(new GetAlignedLyricsQueryValidator().Validate(new GetAlignedLyricsQuery("")).Errors.Single().ErrorMessage, Is.EqualTo("Song ID is required"));
    }

    [TestCase(null, true)]
    [TestCase("", true)]
    [TestCase("a,b , c", true)]
    [TestCase("a/b", false)]
    [TestCase("a?b", false)]
    public void Get_accepts_plain_clip_ids_only(string? ids, bool valid) =>
        Assert.That(new GetAudioQueryValidator().Validate(new GetAudioQuery(ids, null)).IsValid, Is.EqualTo(valid));

    [Test]
    public void Get_splits_and_deduplicates_ids() =>
        Assert.That(new GetAudioQuery(" a, b,,a ", null).IdList, Is.EqualTo(new[] { "a", "b" }));

    [TestCase("0", true)]
    [TestCase("3", true)]
    [TestCase("-1", false)]
    [TestCase("1.5", false)]
    [TestCase("x", false)]
    public void Get_pages_are_whole_numbers_from_zero(string page, bool valid) =>
        Assert.That(new GetAudioQueryValidator().Validate(new GetAudioQuery(null, page)).IsValid, Is.EqualTo(valid));
}
