using FluentValidation;
using Suno.Domain.Common;

namespace Suno.Application.Tasks.Queries.GetTask;

public sealed class GetTaskQueryValidator : AbstractValidator<GetTaskQuery>
{
    public GetTaskQueryValidator()
    {
        RuleFor(q => q.Id)
            .NotEmpty().WithMessage("id is empty")
            .MaximumLength(FieldLengths.Id).WithMessage($"id must be at most {FieldLengths.Id} characters")
            .OverridePropertyName("id");
    }
}
