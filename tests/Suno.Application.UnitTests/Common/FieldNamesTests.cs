using Suno.Application.Common.Behaviours;

namespace Suno.Application.UnitTests.Common;

public sealed class FieldNamesTests
{
    [TestCase("Ids", "ids")]
    [TestCase("ContinueAt", "continue_at")]
    [TestCase("Ids[3]", "ids[3]")]
    [TestCase("Metadata.GptDescriptionPrompt", "metadata.gpt_description_prompt")]
    [TestCase("task_id", "task_id")]
    [TestCase("", "")]
    public void ToWire_SpellsFieldsAsTheClientDoes(string path, string expected) =>
        Assert.That(FieldNames.ToWire(path), Is.EqualTo(expected));
}
