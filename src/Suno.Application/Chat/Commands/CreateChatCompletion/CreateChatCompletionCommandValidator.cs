using FluentValidation;
using Microsoft.Extensions.Options;
using Suno.Application.Models;

namespace Suno.Application.Chat.Commands.CreateChatCompletion;

public sealed class CreateChatCompletionCommandValidator : AbstractValidator<CreateChatCompletionCommand>
{
    public CreateChatCompletionCommandValidator(IOptions<ChatOptions> chat)
    {
        ArgumentNullException.ThrowIfNull(chat);
        RuleFor(c => c.Messages)
            .Must(m => m.Any(x => x.IsUser && !string.IsNullOrWhiteSpace(x.Content)))
            .WithMessage("messages has no user message: describe the song in a message with role \"user\"")
            .OverridePropertyName("messages");
        // By default an unknown name (gpt-4o from NextChat) runs on the default Suno model; Chat:UnknownModel=reject refuses it.
        RuleFor(c => c.Model)
            .Must(SunoModelCatalog.IsEmptyOrKnown)
            .When(_ => chat.Value.UnknownModel == UnknownChatModel.Reject)
            .WithMessage(c => $"model: {SunoModelCatalog.UnknownModelMessage(c.Model)}")
            .OverridePropertyName("model");
    }
}
