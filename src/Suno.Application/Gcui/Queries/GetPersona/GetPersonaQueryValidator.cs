using FluentValidation;
using Suno.Application.Gcui.Common;
using Suno.Domain.Common;

namespace Suno.Application.Gcui.Queries.GetPersona;

public sealed class GetPersonaQueryValidator : AbstractValidator<GetPersonaQuery>
{
    public GetPersonaQueryValidator()
    {
        RuleFor(q => q.Id)
            .Cascade(CascadeMode.Stop)
            .NotEmpty().WithMessage("Missing parameter id")
            .MaximumLength(FieldLengths.Id).WithMessage($"id must be at most {FieldLengths.Id} characters")
            .Must(ClipIds.IsPlainId).WithMessage("id may only hold letters, digits, '-' and '_'")
            .OverridePropertyName("id");
        RuleFor(q => q.Page)
            .Must(p => PageNumber.TryParse(p, 1, out var page) && page >= 1)
            .WithMessage(q => $"page must be a whole number from 1 to {GcuiLimits.MaxPage}, got '{q.Page}'")
            .OverridePropertyName("page");
    }
}
