using FluentValidation;
using Suno.Application.Models;

namespace Suno.Application.Chat.Commands.CreateChatCompletion;

public sealed class CreateChatCompletionCommandValidator : AbstractValidator<CreateChatCompletionCommand>
{
    public CreateChatCompletionCommandValidator()
    {
        RuleFor(c => c.Messages)
            .Must(m => m.Any(x => x.IsUser && !string.IsNullOrWhiteSpace(x.Content)))
            .WithMessage("messages has no user message: describe the song in a message with role \"user\"")
            .OverridePropertyName("messages");
        RuleFor(c => c.Model)
            .Must(SunoModelCatalog.IsEmptyOrKnown)
            .WithMessage(c => $"model: {SunoModelCatalog.UnknownModelMessage(c.Model)}")
            .OverridePropertyName("model");
    }
}
