using FluentValidation;
using Suno.Application.Gcui.Common;
using Suno.Domain.Common;

namespace Suno.Application.Gcui.Commands.ConcatClip;

public sealed class ConcatClipCommandValidator : AbstractValidator<ConcatClipCommand>
{
    public ConcatClipCommandValidator()
    {
        RuleFor(c => c.ClipId)
            .Cascade(CascadeMode.Stop)
            .NotEmpty().WithMessage("Clip id is required")
            .MaximumLength(FieldLengths.Id).WithMessage($"clip_id must be at most {FieldLengths.Id} characters")
            .Must(ClipIds.IsPlainId).WithMessage("clip_id may only hold letters, digits, '-' and '_'")
            .OverridePropertyName("clip_id");
    }
}
