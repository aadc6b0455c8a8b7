using FluentValidation;
using Suno.Application.Tasks.Commands.SubmitMusic;
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
            .WithMessage("prompt is empty: describe the lyrics to write");
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
