using FluentValidation;

namespace Suno.Application.Gcui.Commands.GenerateLyrics;

public sealed class GenerateLyricsCommandValidator : AbstractValidator<GenerateLyricsCommand>
{
    public GenerateLyricsCommandValidator()
    {
        RuleFor(c => c.Prompt).NotEmpty().WithMessage("prompt is required: a description of the lyrics to write").OverridePropertyName("prompt");
    }
}
