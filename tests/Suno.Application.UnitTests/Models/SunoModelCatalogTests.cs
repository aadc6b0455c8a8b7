using Suno.Application.Models;

namespace Suno.Application.UnitTests.Models;

public class SunoModelCatalogTests
{
    [TestCase("suno-v3", "chirp-v3-0")]
    [TestCase("suno-v3.5", "chirp-v3-5")]
    [TestCase("V3_5", "chirp-v3-5")]
    [TestCase("v4", "chirp-v4")]
    [TestCase("V4_5", "chirp-auk")]
    [TestCase("V4_5PLUS", "chirp-bluejay")]
    [TestCase("V4_5ALL", "chirp-auk-turbo")]
    [TestCase("V5", "chirp-crow")]
    [TestCase("V5_5", "chirp-fenix")]
    [TestCase("chirp-crow", "chirp-crow")]
    [TestCase("CHIRP-V3-5", "chirp-v3-5")]
    [TestCase(" chirp-fenix ", "chirp-fenix")]
    public void Aliases_and_upstream_names_resolve_to_mv(string name, string mv)
    {
        Assert.That(SunoModelCatalog.TryResolve(name, out var model), Is.True);
        Assert.That(model.Mv, Is.EqualTo(mv));
    }

    [Test]
    public void Limits_follow_the_model_generation()
    {
        SunoModelCatalog.TryResolve("V4", out var v4);
        SunoModelCatalog.TryResolve("V5", out var v5);
        Assert.Multiple(() =>
        {
            Assert.That(v4.PromptMaxLength, Is.EqualTo(3000));
            Assert.That(v4.TagsMaxLength, Is.EqualTo(200));
            Assert.That(v5.PromptMaxLength, Is.EqualTo(5000));
            Assert.That(v5.TagsMaxLength, Is.EqualTo(1000));
        });
    }

    [Test]
    public void A_new_chirp_model_passes_through_with_the_newest_limits()
    {
        Assert.That(SunoModelCatalog.TryResolve("chirp-phoenix-2", out var model), Is.True);
        Assert.That(model.Mv, Is.EqualTo("chirp-phoenix-2"));
        Assert.That(model.PromptMaxLength, Is.EqualTo(5000));
    }

    [TestCase("gpt-4o")]
    [TestCase("chirp-")]
    [TestCase("chirp-a b")]
    [TestCase("")]
    [TestCase(null)]
    public void Other_names_are_unknown(string? name)
    {
        Assert.That(SunoModelCatalog.TryResolve(name, out _), Is.False);
    }

    [Test]
    public void The_accepted_names_text_lists_aliases_and_upstream_names()
    {
        Assert.That(SunoModelCatalog.AcceptedNamesText, Does.Contain("chirp-v3-5").And.Contain("V4_5PLUS").And.Contain("suno-v3.5"));
    }
}
