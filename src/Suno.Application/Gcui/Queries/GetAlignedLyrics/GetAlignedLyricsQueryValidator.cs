using FluentValidation;
using Suno.Application.Gcui.Common;
using Suno.Domain.Common;

namespace Suno.Application.Gcui.Queries.GetAlignedLyrics;

public sealed class GetAlignedLyricsQueryValidator : AbstractValidator<GetAlignedLyricsQuery>
{
    public GetAlignedLyricsQueryValidator()
    {
        RuleFor(q => q.SongId)
            .Cascade(CascadeMode.Stop)
            .NotEmpty().WithMessage("Song ID is required")
            .MaximumLength(FieldLengths.Id).WithMessage($"song_id must be at most {FieldLengths.Id} characters")
            .Must(ClipIds.IsPlainId).WithMessage("song_id may only hold letters, digits, '-' and '_'")
            .OverridePropertyName("song_id");
    }
}
