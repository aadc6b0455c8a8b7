using FluentValidation;
using Microsoft.Extensions.Options;
using Suno.Application.Callbacks;
using Suno.Application.Gcui.Common;
using Suno.Application.Tasks.Commands.SubmitMusic;
using Suno.Domain.Common;

namespace Suno.Application.Tasks.Commands.SubmitStems;

public sealed class SubmitStemsCommandValidator : AbstractValidator<SubmitStemsCommand>
{
    public SubmitStemsCommandValidator(IOptions<CallbackOptions> callbacks)
    {
        ArgumentNullException.ThrowIfNull(callbacks);
        var allowLoopback = callbacks.Value.AllowLoopbackTargets;
        RuleFor(c => c.TaskId)
            .Cascade(CascadeMode.Stop)
            .Must(id => !string.IsNullOrWhiteSpace(id)).WithMessage("taskId is required: the task that made the clip")
            .MaximumLength(FieldLengths.Id).WithMessage($"taskId must be at most {FieldLengths.Id} characters")
            .OverridePropertyName("taskId");
        RuleFor(c => c.AudioId)
            .Cascade(CascadeMode.Stop)
            .Must(id => !string.IsNullOrWhiteSpace(id)).WithMessage("audioId is required: the clip to split (a sunoData[].id of the task)")
            .MaximumLength(FieldLengths.Id).WithMessage($"audioId must be at most {FieldLengths.Id} characters")
            .Must(ClipIds.IsPlainId).WithMessage("audioId may only hold letters, digits, '-' and '_'")
            .OverridePropertyName("audioId");
        RuleFor(c => c.CallbackUrl)
            .Cascade(CascadeMode.Stop)
            .Must(u => !string.IsNullOrWhiteSpace(u)).WithMessage("callBackUrl is required: the URL the gateway calls when the split ends")
            .Must(SubmitMusicCommandValidator.BeHttpUrl).WithMessage(c => $"callBackUrl must be an absolute http(s) URL, got '{c.CallbackUrl}'")
            .Must(u => TargetAddressGuard.ProblemOf(u, allowLoopback) is null)
            .WithMessage(c => $"callBackUrl {TargetAddressGuard.ProblemOf(c.CallbackUrl, allowLoopback)}")
            .OverridePropertyName("callBackUrl");
        RuleFor(c => c.Type)
            .Must(t => t != SubmitStemsCommand.SplitStem)
            .WithMessage("type split_stem (up to 12 stems) is not supported yet: the gateway knows no Suno call for it; use separate_vocal (vocals and instrumental)")
            .Must(t => t is null or SubmitStemsCommand.SeparateVocal or SubmitStemsCommand.SplitStem)
            .WithMessage(c => $"type must be separate_vocal or split_stem, got '{c.Type}'")
            .OverridePropertyName("type");
        RuleFor(c => c.IdempotencyKey)
            .MaximumLength(FieldLengths.IdempotencyKey)
            .WithMessage($"Idempotency-Key is too long: at most {FieldLengths.IdempotencyKey} characters")
            .OverridePropertyName("idempotency_key");
    }
}
