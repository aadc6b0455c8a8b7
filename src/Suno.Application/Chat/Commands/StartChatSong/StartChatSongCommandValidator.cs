using FluentValidation;
using Suno.Application.Models;

namespace Suno.Application.Chat.Commands.StartChatSong;

public sealed class StartChatSongCommandValidator : AbstractValidator<StartChatSongCommand>
{
    public StartChatSongCommandValidator()
    {
        RuleFor(c => c.Messages)
            .Must(m => m.Any(x => x.IsUser && !string.IsNullOrWhiteSpace(x.Content)))
            .WithMessage("messages has no user message: describe the song in a message with role \"user\"")
            .OverridePropertyName("messages");
        RuleFor(c => c.Model)
            .Must(m => string.IsNullOrWhiteSpace(m) || SunoModelCatalog.TryResolve(m, out _))
            .WithMessage(c => $"model '{c.Model}' does not exist; use one of {SunoModelCatalog.AcceptedNamesText}")
            .OverridePropertyName("model");
    }
}
