using FluentValidation;
using Microsoft.Extensions.Options;
using Suno.Application.Models;
using Suno.Application.Tasks.Common;
using Suno.Application.Tasks.Engine;
using Suno.Domain.Common;

namespace Suno.Application.Tasks.Commands.SubmitMusic;

public sealed class SubmitMusicCommandValidator : AbstractValidator<SubmitMusicCommand>
{
    private static readonly string[] VocalGenders = ["female", "male", "f", "m"];

    private readonly string _defaultModel;

    public SubmitMusicCommandValidator(IOptions<TaskEngineOptions> options)
    {
        ArgumentNullException.ThrowIfNull(options);
        _defaultModel = options.Value.DefaultModel;
        // The rules every family shares; the fields and messages in each family's spelling.
        RuleFor(c => c.Model)
            .Must(SunoModelCatalog.IsEmptyOrKnown)
            .When(c => c.Dialect == SubmissionDialect.Tasks)
            .WithMessage(c => $"mv: {SunoModelCatalog.UnknownModelMessage(c.Model)}")
            .OverridePropertyName("mv");
        RuleFor(c => c.Model)
            .Must(SunoModelCatalog.IsEmptyOrKnown)
            .When(c => c.Dialect == SubmissionDialect.Gcui)
            .WithMessage(c => $"model: {SunoModelCatalog.UnknownModelMessage(c.Model)}")
            .OverridePropertyName("model");

        RuleFor(c => c)
            .Must(c => !string.IsNullOrWhiteSpace(c.Prompt) || !string.IsNullOrWhiteSpace(c.GptDescriptionPrompt)
                       || (c.MakeInstrumental && !string.IsNullOrWhiteSpace(c.Tags)) || c.IsExtension)
            .When(c => c.Dialect == SubmissionDialect.Tasks)
            .WithMessage("prompt and gpt_description_prompt are both empty: give lyrics in prompt (custom mode) or a description in gpt_description_prompt")
            .OverridePropertyName("prompt");
        RuleFor(c => c.ContinueClipId)
            .NotEmpty()
            .When(c => c.Dialect == SubmissionDialect.Gcui && c.FindSourceTaskByClip)
            .WithMessage("Audio ID is required")
            .OverridePropertyName("audio_id");
        RuleFor(c => c)
            .Must(c => c.IsExtension || c.FindSourceTaskByClip || !string.IsNullOrWhiteSpace(c.Prompt) || !string.IsNullOrWhiteSpace(c.GptDescriptionPrompt)
                       || (c.MakeInstrumental && !string.IsNullOrWhiteSpace(c.Tags)))
            .When(c => c.Dialect == SubmissionDialect.Gcui)
            .WithMessage("prompt is required: a description of the song (/api/generate) or its lyrics (/api/custom_generate)")
            .OverridePropertyName("prompt");
        RuleFor(c => c.MaxWait).InclusiveBetween(TimeSpan.Zero, TimeSpan.FromMinutes(10));

        RuleFor(c => c.Prompt)
            .Must((c, p) => p is null || p.Length <= ModelOf(c).PromptMaxLength)
            .WithMessage(c => $"prompt is too long: {c.Prompt!.Length} characters, at most {ModelOf(c).PromptMaxLength} for {ModelOf(c).Mv}");
        RuleFor(c => c.GptDescriptionPrompt)
            .Must((c, p) => p is null || p.Length <= ModelOf(c).DescriptionMaxLength)
            .WithMessage(c => $"gpt_description_prompt is too long: {c.GptDescriptionPrompt!.Length} characters, at most {ModelOf(c).DescriptionMaxLength}");
        RuleFor(c => c.Tags)
            .Must((c, t) => t is null || t.Length <= ModelOf(c).TagsMaxLength)
            .WithMessage(c => $"tags is too long: {c.Tags!.Length} characters, at most {ModelOf(c).TagsMaxLength} for {ModelOf(c).Mv}");
        RuleFor(c => c.NegativeTags)
            .Must((c, t) => t is null || t.Length <= ModelOf(c).NegativeTagsMaxLength)
            .WithMessage(c => $"negative_tags is too long: {c.NegativeTags!.Length} characters, at most {ModelOf(c).NegativeTagsMaxLength}");
        RuleFor(c => c.Title)
            .Must((c, t) => t is null || t.Length <= ModelOf(c).TitleMaxLength)
            .WithMessage(c => $"title is too long: {c.Title!.Length} characters, at most {ModelOf(c).TitleMaxLength} for {ModelOf(c).Mv}");

        RuleFor(c => c.VocalGender)
            .Must(g => string.IsNullOrWhiteSpace(g) || VocalGenders.Contains(g.Trim(), StringComparer.OrdinalIgnoreCase))
            .WithMessage(c => $"vocal_gender must be female or male, got '{c.VocalGender}'");

        RuleFor(c => c.SourceTaskId)
            .NotEmpty()
            .When(c => c.IsExtension && !c.FindSourceTaskByClip)
            .WithMessage("task_id is empty: a continuation (continue_clip_id) needs the task_id of the task that made the clip")
            .OverridePropertyName("task_id");
        RuleFor(c => c.ContinueClipId)
            .NotEmpty()
            .When(c => !string.IsNullOrWhiteSpace(c.SourceTaskId) || c.ContinueAt is not null)
            .WithMessage("continue_clip_id is empty: task_id and continue_at only make sense with the clip to continue");
        RuleFor(c => c.ContinueAt)
            .Must(at => at is null || (at >= 0 && double.IsFinite(at.Value)))
            .WithMessage(c => $"continue_at must be a number of seconds, 0 or more, got {c.ContinueAt}");
        RuleFor(c => c.ContinueClipId).MaximumLength(FieldLengths.Id).OverridePropertyName("continue_clip_id");
        RuleFor(c => c.SourceTaskId).MaximumLength(FieldLengths.Id).OverridePropertyName("task_id");

        RuleFor(c => c.CallbackUrl)
            .Must(BeHttpUrl)
            .When(c => c.CallbackUrl is not null)
            .WithMessage(c => $"callback_url must be an absolute http(s) URL, got '{c.CallbackUrl}'");
        RuleFor(c => c.IdempotencyKey)
            .MaximumLength(FieldLengths.IdempotencyKey)
            .WithMessage($"Idempotency-Key is too long: at most {FieldLengths.IdempotencyKey} characters")
            .OverridePropertyName("idempotency_key");
    }

    private SunoModel ModelOf(SubmitMusicCommand command) => SunoModelCatalog.ResolveOrDefault(command.Model, _defaultModel);

    internal static bool BeHttpUrl(string? url) =>
        Uri.TryCreate(url, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps);
}
