using Microsoft.Extensions.Options;
using Suno.Application.Chat;
using Suno.Application.Chat.Commands.CreateChatCompletion;
using Suno.Application.Chat.Common;

namespace Suno.Application.UnitTests.Chat;

public sealed class SideRequestsTests
{
    private const string TitleRequest =
        "Please generate a four to five word title summarizing our conversation without any lead-in, punctuation, quotation marks, periods, symbols, bold text, or additional text. Remove enclosing quotation marks.";

    [Test]
    public void SongRequest_IsNotASideRequest()
    {
        var messages = new[] { new ChatMessage("system", "You are helpful."), new ChatMessage("user", "A song about trains") };

        Assert.That(SideRequests.TryAnswer(messages), Is.Null);
    }

    [Test]
    public void TitleRequest_IsAnsweredFromTheFirstSongRequest()
    {
        var messages = new[]
        {
            new ChatMessage("user", "\"a slow, sad song\" about the winter sea please"),
            new ChatMessage("assistant", "## Winter Sea"),
            new ChatMessage("user", TitleRequest),
        };

        Assert.That(SideRequests.TryAnswer(messages), Is.EqualTo("A Slow Sad Song About"));
    }

    [Test]
    public void SummaryRequest_ListsTheSongRequests()
    {
        var messages = new[]
        {
            new ChatMessage("user", "A song about trains"),
            new ChatMessage("assistant", "## Trains"),
            new ChatMessage("user", "Now about boats"),
            new ChatMessage("system", "Summarize the discussion briefly in 200 words or less to use as a prompt for future context."),
        };

        Assert.That(SideRequests.TryAnswer(messages), Is.EqualTo("Songs requested so far: A song about trains; Now about boats"));
    }

    [Test]
    public void SummaryRequest_IsCutAt200Words()
    {
        var messages = new[]
        {
            new ChatMessage("user", string.Join(' ', Enumerable.Repeat("word", 500))),
            new ChatMessage("system", "Summarize the discussion briefly in 200 words or less."),
        };

        var answer = SideRequests.TryAnswer(messages)!;

        Assert.That(answer.Split(' ').Length, Is.LessThanOrEqualTo(201));
    }

    [Test]
    public void SystemMessageThatIsNotASummaryRequest_IsNotASideRequest()
    {
        var messages = new[] { new ChatMessage("user", "A song"), new ChatMessage("system", "Be concise.") };

        Assert.That(SideRequests.TryAnswer(messages), Is.Null);
    }
}

public sealed class CreateChatCompletionCommandValidatorTests
{
    private static IEnumerable<string> Fields(CreateChatCompletionCommand command, UnknownChatModel unknown = UnknownChatModel.Reject) =>
        new CreateChatCompletionCommandValidator(Options.Create(new ChatOptions { UnknownModel = unknown }))
            .Validate(command).Errors.Select(e => e.PropertyName);

    [Test]
    public void NoUserMessage_IsNamedMessages() =>
        Assert.That(Fields(new CreateChatCompletionCommand { Messages = [new ChatMessage("system", "hi"), new ChatMessage("user", "  ")] }),
            Is.EqualTo(new[] { "messages" }));

    [TestCase("chirp-v3-5", true)]
    [TestCase("suno-v3.5", true)]
    [TestCase("V5", true)]
    [TestCase(null, true)]
    [TestCase("gpt-4o", false)]
    public void Model_WithChatUnknownModelReject_MustBeASunoModel(string? model, bool valid) =>
        Assert.That(Fields(new CreateChatCompletionCommand { Messages = [new ChatMessage("user", "a song")], Model = model }).Contains("model"), Is.EqualTo(!valid));

    [TestCase("gpt-4o")]
    [TestCase("claude-3")]
    public void Model_ByDefault_AnyNameIsAccepted(string model) =>
        Assert.That(Fields(new CreateChatCompletionCommand { Messages = [new ChatMessage("user", "a song")], Model = model }, UnknownChatModel.Default), Is.Empty);
}
