using FluentValidation;
using Suno.Application.Tasks.Commands.SubmitMusic;
using Suno.Application.Tasks.Common;
using Suno.Domain.Common;

namespace Suno.Application.Tasks.Commands.SubmitLyrics;

public sealed class SubmitLyricsCommandValidator : AbstractValidator<SubmitLyricsCommand>
{
    /// <summary>Suno's limit for a lyrics description.</summary>
    public const int PromptMaxLength = 3000;

    public SubmitLyricsCommandValidator()
    {
        RuleFor(c => c.Prompt)
            .Must(p => !string.IsNullOrWhiteSpace(p))
            .When(c => c.Dialect == SubmissionDialect.Tasks)
            .WithMessage("prompt is empty: describe the lyrics to write");
        RuleFor(c => c.Prompt)
            .NotEmpty()
            .When(c => c.Dialect == SubmissionDialect.Gcui)
            .WithMessage("prompt is required: a description of the lyrics to write")
            .OverridePropertyName("prompt");
        RuleFor(c => c.MaxWait).InclusiveBetween(TimeSpan.Zero, TimeSpan.FromMinutes(10));
        RuleFor(c => c.Prompt)
            .MaximumLength(PromptMaxLength)
            .WithMessage(c => $"prompt is too long: {c.Prompt!.Length} characters, at most {PromptMaxLength}");
        RuleFor(c => c.CallbackUrl)
            .Must(SubmitMusicCommandValidator.BeHttpUrl)
            .When(c => c.CallbackUrl is not null)
            .WithMessage(c => $"callback_url must be an absolute http(s) URL, got '{c.CallbackUrl}'");
        RuleFor(c => c.IdempotencyKey)
            .MaximumLength(FieldLengths.IdempotencyKey)
            .WithMessage($"Idempotency-Key is too long: at most {FieldLengths.IdempotencyKey} characters")
            .OverridePropertyName("idempotency_key");
    }
}
