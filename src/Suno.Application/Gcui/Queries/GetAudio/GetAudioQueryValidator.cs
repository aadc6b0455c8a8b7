using FluentValidation;
using Suno.Application.Gcui.Common;
using Suno.Domain.Common;

namespace Suno.Application.Gcui.Queries.GetAudio;

public sealed class GetAudioQueryValidator : AbstractValidator<GetAudioQuery>
{
    public GetAudioQueryValidator()
    {
        RuleFor(q => q.IdList)
            .Must(ids => ids.Count <= GcuiLimits.MaxIds)
            .WithMessage($"ids may hold at most {GcuiLimits.MaxIds} ids")
            .OverridePropertyName("ids");
        RuleForEach(q => q.IdList)
            .Must(id => id.Length <= FieldLengths.Id && ClipIds.IsPlainId(id))
            .WithMessage((_, id) => $"ids: '{Short(id)}' is not a clip id (letters, digits, '-' and '_', at most {FieldLengths.Id} characters)")
            .OverridePropertyName("ids");
        RuleFor(q => q.Page)
            .Must(p => PageNumber.TryParse(p, 0, out _))
            .WithMessage(q => $"page must be a whole number from 0 to {GcuiLimits.MaxPage}, got '{Short(q.Page)}'")
            .OverridePropertyName("page");
    }

    private static string Short(string? value) => value is null ? string.Empty : value.Length <= 40 ? value : value[..40] + "...";
}
