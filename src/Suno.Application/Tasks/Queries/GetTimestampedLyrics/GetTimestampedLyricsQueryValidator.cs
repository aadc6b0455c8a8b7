using FluentValidation;
using Suno.Application.Gcui.Common;
using Suno.Domain.Common;

namespace Suno.Application.Tasks.Queries.GetTimestampedLyrics;

public sealed class GetTimestampedLyricsQueryValidator : AbstractValidator<GetTimestampedLyricsQuery>
{
    public GetTimestampedLyricsQueryValidator()
    {
        RuleFor(q => q.TaskId)
            .Cascade(CascadeMode.Stop)
            .Must(id => !string.IsNullOrWhiteSpace(id)).WithMessage("taskId is required: the id a generation answered")
            .MaximumLength(FieldLengths.Id).WithMessage($"taskId must be at most {FieldLengths.Id} characters")
            .OverridePropertyName("taskId");
        RuleFor(q => q.AudioId)
            .Cascade(CascadeMode.Stop)
            .MaximumLength(FieldLengths.Id).WithMessage($"audioId must be at most {FieldLengths.Id} characters")
            .Must(ClipIds.IsPlainId).WithMessage("audioId may only hold letters, digits, '-' and '_'")
            .When(q => !string.IsNullOrEmpty(q.AudioId))
            .OverridePropertyName("audioId");
        RuleFor(q => q.MusicIndex)
            .InclusiveBetween(0, 1).WithMessage(q => $"musicIndex must be 0 or 1 (the task's first or second clip), got {q.MusicIndex}")
            .OverridePropertyName("musicIndex");
    }
}
