using FluentValidation;
using Suno.Domain.Common;
using Suno.Domain.Tasks;

namespace Suno.Application.Tasks.Queries.GetTasks;

public sealed class GetTasksQueryValidator : AbstractValidator<GetTasksQuery>
{
    public GetTasksQueryValidator()
    {
        RuleFor(q => q.Ids)
            .NotNull().WithMessage("ids is required")
            .Must(ids => ids is null || ids.Count <= GetTasksQuery.MaxIds)
            .WithMessage($"ids may hold at most {GetTasksQuery.MaxIds} ids")
            .OverridePropertyName("ids");

        RuleForEach(q => q.Ids)
            .NotEmpty().WithMessage("an id is empty")
            .MaximumLength(FieldLengths.Id).WithMessage($"an id must be at most {FieldLengths.Id} characters")
            .OverridePropertyName("ids");

        RuleFor(q => q.Action)
            .Must(action => string.IsNullOrEmpty(action) || TaskActionNames.TryParse(action, out _))
            .WithMessage("invalid action")
            .OverridePropertyName("action");
    }
}
