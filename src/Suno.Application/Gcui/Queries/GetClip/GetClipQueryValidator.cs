using FluentValidation;
using Suno.Application.Gcui.Common;
using Suno.Domain.Common;

namespace Suno.Application.Gcui.Queries.GetClip;

public sealed class GetClipQueryValidator : AbstractValidator<GetClipQuery>
{
    public GetClipQueryValidator()
    {
        RuleFor(q => q.Id)
            .Cascade(CascadeMode.Stop)
            .NotEmpty().WithMessage("Missing parameter id")
            .MaximumLength(FieldLengths.Id).WithMessage($"id must be at most {FieldLengths.Id} characters")
            .Must(ClipIds.IsPlainId).WithMessage("id may only hold letters, digits, '-' and '_'")
            .OverridePropertyName("id");
    }
}
