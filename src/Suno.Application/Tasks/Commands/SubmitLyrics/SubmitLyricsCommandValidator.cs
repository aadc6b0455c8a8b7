using FluentValidation;
using Suno.Application.Callbacks;
using Suno.Application.Tasks.Commands.SubmitMusic;
using Suno.Application.Tasks.Common;
using Suno.Domain.Common;

namespace Suno.Application.Tasks.Commands.SubmitLyrics;

public sealed class SubmitLyricsCommandValidator : AbstractValidator<SubmitLyricsCommand>
{
    /// <summary>Suno's limit for a lyrics description.</summary>
    public const int PromptMaxLength = 3000;

    /// <summary>The hosted API's limit of a lyrics description, in words.</summary>
    public const int HostedPromptMaxWords = 200;

    public SubmitLyricsCommandValidator(Microsoft.Extensions.Options.IOptions<CallbackOptions> callbacks)
    {
        ArgumentNullException.ThrowIfNull(callbacks);
        var allowLoopback = callbacks.Value.AllowLoopbackTargets;
        RuleFor(c => c.CallbackUrl)
            .Must(u => TargetAddressGuard.ProblemOf(u, allowLoopback) is null)
            .When(c => !string.IsNullOrWhiteSpace(c.CallbackUrl) && SubmitMusicCommandValidator.BeHttpUrl(c.CallbackUrl))
            .WithMessage(c => $"{(c.Dialect == SubmissionDialect.Hosted ? "callBackUrl" : "callback_url")} {TargetAddressGuard.ProblemOf(c.CallbackUrl, allowLoopback)}")
            .OverridePropertyName("callback_url");
        RuleFor(c => c.Prompt)
            .Must(p => !string.IsNullOrWhiteSpace(p))
            .When(c => c.Dialect == SubmissionDialect.Tasks)
            .WithMessage("prompt is empty: describe the lyrics to write");
        RuleFor(c => c.Prompt)
            .NotEmpty()
            .When(c => c.Dialect == SubmissionDialect.Gcui)
            .WithMessage("prompt is required: a description of the lyrics to write")
            .OverridePropertyName("prompt");
        RuleFor(c => c.Prompt)
            .Must(p => !string.IsNullOrWhiteSpace(p))
            .When(c => c.Dialect == SubmissionDialect.Hosted)
            .WithMessage("prompt is required: a description of the lyrics to write")
            .OverridePropertyName("prompt");
        RuleFor(c => c.Prompt)
            .Must(p => p is null || p.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries).Length <= HostedPromptMaxWords)
            .When(c => c.Dialect == SubmissionDialect.Hosted)
            .WithErrorCode(Suno.Application.Common.Exceptions.ValidationException.TooLongCode)
            .WithMessage($"prompt is too long: at most {HostedPromptMaxWords} words")
            .OverridePropertyName("prompt");
        RuleFor(c => c.CallbackUrl)
            .Must(u => !string.IsNullOrWhiteSpace(u))
            .When(c => c.Dialect == SubmissionDialect.Hosted)
            .WithMessage("callBackUrl is required: the URL the gateway calls when the lyrics are written")
            .OverridePropertyName("callBackUrl");
        RuleFor(c => c.MaxWait).InclusiveBetween(TimeSpan.Zero, TimeSpan.FromMinutes(10));
        RuleFor(c => c.Prompt)
            .MaximumLength(PromptMaxLength)
            .WithMessage(c => $"prompt is too long: {c.Prompt!.Length} characters, at most {PromptMaxLength}");
        RuleFor(c => c.CallbackUrl)
            .Must(SubmitMusicCommandValidator.BeHttpUrl)
            .When(c => !string.IsNullOrEmpty(c.CallbackUrl))
            .WithMessage(c => $"{(c.Dialect == SubmissionDialect.Hosted ? "callBackUrl" : "callback_url")} must be an absolute http(s) URL, got '{c.CallbackUrl}'");
        RuleFor(c => c.IdempotencyKey)
            .MaximumLength(FieldLengths.IdempotencyKey)
            .WithMessage($"Idempotency-Key is too long: at most {FieldLengths.IdempotencyKey} characters")
            .OverridePropertyName("idempotency_key");
    }
}
