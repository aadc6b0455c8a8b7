using FluentValidation;
using Suno.Application.Gcui.Common;
using Suno.Domain.Common;

namespace Suno.Application.Gcui.Commands.GenerateStems;

public sealed class GenerateStemsCommandValidator : AbstractValidator<GenerateStemsCommand>
{
    public GenerateStemsCommandValidator()
    {
        RuleFor(c => c.AudioId)
            .Cascade(CascadeMode.Stop)
            .NotEmpty().WithMessage("Audio ID is required")
            .MaximumLength(FieldLengths.Id).WithMessage($"audio_id must be at most {FieldLengths.Id} characters")
            .Must(ClipIds.IsPlainId).WithMessage("audio_id may only hold letters, digits, '-' and '_'")
            .OverridePropertyName("audio_id");
    }
}
