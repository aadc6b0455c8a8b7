using FluentValidation;
using Microsoft.Extensions.Options;
using Suno.Application.Callbacks;
using Suno.Application.Models;
using Suno.Application.Tasks.Common;
using Suno.Application.Tasks.Engine;
using Suno.Domain.Common;
using ValidationException = Suno.Application.Common.Exceptions.ValidationException;

namespace Suno.Application.Tasks.Commands.SubmitMusic;

public sealed class SubmitMusicCommandValidator : AbstractValidator<SubmitMusicCommand>
{
    private static readonly string[] VocalGenders = ["female", "male", "f", "m"];

    private readonly string _defaultModel;

    public SubmitMusicCommandValidator(IOptions<TaskEngineOptions> options, IOptions<CallbackOptions> callbacks)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(callbacks);
        _defaultModel = options.Value.DefaultModel;
        var allowLoopback = callbacks.Value.AllowLoopbackTargets;
        RuleFor(c => c.CallbackUrl)
            .Must(u => TargetAddressGuard.ProblemOf(u, allowLoopback) is null)
            .When(c => !string.IsNullOrWhiteSpace(c.CallbackUrl) && BeHttpUrl(c.CallbackUrl))
            .WithMessage(c => $"{(c.Dialect == SubmissionDialect.Hosted ? "callBackUrl" : "callback_url")} {TargetAddressGuard.ProblemOf(c.CallbackUrl, allowLoopback)}")
            .OverridePropertyName("callback_url");
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

        When(c => c.Dialect != SubmissionDialect.Hosted, () =>
        {
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
        });
        When(c => c.Dialect == SubmissionDialect.Hosted, HostedRules);
        RuleFor(c => c.IdempotencyKey)
            .MaximumLength(FieldLengths.IdempotencyKey)
            .WithMessage($"Idempotency-Key is too long: at most {FieldLengths.IdempotencyKey} characters")
            .OverridePropertyName("idempotency_key");
    }

    /// <summary>
    /// The hosted family's rules (sunoapi.org's /api/v1/generate and /generate/extend), in its field names: the flags,
    /// model and callBackUrl are required; custom mode needs style and title (and prompt, the lyrics, unless
    /// instrumental), description mode a prompt of at most 500 characters; a value over the model's limit is a 413.
    /// </summary>
    private void HostedRules()
    {
        RuleFor(c => c.Hosted).NotNull().WithMessage("the hosted flags are missing").OverridePropertyName("body");
        RuleFor(c => c.Hosted!.CustomMode).NotNull()
            .When(c => c.Hosted is { IsExtend: false })
            .WithMessage("customMode is required: true (lyrics, style and title) or false (a description in prompt)")
            .OverridePropertyName("customMode");
        RuleFor(c => c.Hosted!.Instrumental).NotNull()
            .When(c => c.Hosted is { IsExtend: false })
            .WithMessage("instrumental is required: true or false")
            .OverridePropertyName("instrumental");
        RuleFor(c => c.Hosted!.DefaultParamFlag).NotNull()
            .When(c => c.Hosted is { IsExtend: true })
            .WithMessage("defaultParamFlag is required: true (give prompt, style, title and continueAt) or false (inherit the source's)")
            .OverridePropertyName("defaultParamFlag");
        RuleFor(c => c.Model)
            .Must(SunoModelCatalog.IsHostedName)
            .WithMessage(c => string.IsNullOrWhiteSpace(c.Model)
                ? $"model is required: one of {string.Join(", ", SunoModelCatalog.HostedNames)}"
                : $"model '{c.Model}' is not one of {string.Join(", ", SunoModelCatalog.HostedNames)}")
            .OverridePropertyName("model");
        // An extension may leave callBackUrl out (the hosted API's own sample client does): it is then not called back.
        RuleFor(c => c.CallbackUrl)
            .Must(u => !string.IsNullOrWhiteSpace(u))
            .When(c => c.Hosted is { IsExtend: false })
            .WithMessage("callBackUrl is required: the URL the gateway calls when the task changes")
            .OverridePropertyName("callBackUrl");
        RuleFor(c => c.CallbackUrl)
            .Must(BeHttpUrl)
            .When(c => !string.IsNullOrWhiteSpace(c.CallbackUrl))
            .WithMessage(c => $"callBackUrl must be an absolute http(s) URL, got '{c.CallbackUrl}'")
            .OverridePropertyName("callBackUrl");

        // Description mode: the prompt is a description of the song (Suno writes the lyrics).
        RuleFor(c => c.GptDescriptionPrompt)
            .Must(p => !string.IsNullOrWhiteSpace(p))
            .When(c => c.Hosted is { IsExtend: false, CustomMode: false })
            .WithMessage("prompt is required when customMode is false: a description of the song")
            .OverridePropertyName("prompt");
        RuleFor(c => c.GptDescriptionPrompt)
            .Must(p => p is null || p.Length <= HostedDescriptionMaxLength)
            .WithErrorCode(ValidationException.TooLongCode)
            .WithMessage(c => $"prompt is too long: {c.GptDescriptionPrompt!.Length} characters, at most {HostedDescriptionMaxLength} when customMode is false")
            .OverridePropertyName("prompt");

        // Custom mode, and an extension with its own parameters: style and title, and lyrics unless instrumental.
        RuleFor(c => c.Tags)
            .Must(t => !string.IsNullOrWhiteSpace(t))
            .When(HostedNeedsOwnParameters)
            .WithMessage(c => $"style is required when {HostedModeName(c)}")
            .OverridePropertyName("style");
        RuleFor(c => c.Title)
            .Must(t => !string.IsNullOrWhiteSpace(t))
            .When(HostedNeedsOwnParameters)
            .WithMessage(c => $"title is required when {HostedModeName(c)}")
            .OverridePropertyName("title");
        RuleFor(c => c.Prompt)
            .Must(p => !string.IsNullOrWhiteSpace(p))
            .When(c => (HostedNeedsOwnParameters(c) && c.Hosted!.Instrumental != true) || c.Hosted is { IsExtend: true, DefaultParamFlag: true })
            .WithMessage(c => $"prompt is required when {HostedModeName(c)}{(c.Hosted!.IsExtend ? string.Empty : " and instrumental is false")}: the lyrics")
            .OverridePropertyName("prompt");
        RuleFor(c => c.Prompt)
            .Must((c, p) => p is null || p.Length <= ModelOf(c).PromptMaxLength)
            .WithErrorCode(ValidationException.TooLongCode)
            .WithMessage(c => $"prompt is too long: {c.Prompt!.Length} characters, at most {ModelOf(c).PromptMaxLength} for {c.Model}")
            .OverridePropertyName("prompt");
        RuleFor(c => c.Tags)
            .Must((c, t) => t is null || t.Length <= ModelOf(c).TagsMaxLength)
            .WithErrorCode(ValidationException.TooLongCode)
            .WithMessage(c => $"style is too long: {c.Tags!.Length} characters, at most {ModelOf(c).TagsMaxLength} for {c.Model}")
            .OverridePropertyName("style");
        RuleFor(c => c.Title)
            .Must((c, t) => t is null || t.Length <= ModelOf(c).TitleMaxLength)
            .WithErrorCode(ValidationException.TooLongCode)
            .WithMessage(c => $"title is too long: {c.Title!.Length} characters, at most {ModelOf(c).TitleMaxLength} for {c.Model}")
            .OverridePropertyName("title");
        RuleFor(c => c.NegativeTags)
            .Must((c, t) => t is null || t.Length <= ModelOf(c).NegativeTagsMaxLength)
            .WithErrorCode(ValidationException.TooLongCode)
            .WithMessage(c => $"negativeTags is too long: {c.NegativeTags!.Length} characters, at most {ModelOf(c).NegativeTagsMaxLength}")
            .OverridePropertyName("negativeTags");
        RuleFor(c => c.VocalGender)
            .Must(g => string.IsNullOrWhiteSpace(g) || g.Trim() is "m" or "f")
            .WithMessage(c => $"vocalGender must be m or f, got '{c.VocalGender}'")
            .OverridePropertyName("vocalGender");

        // Extensions: the clip, and where to continue it.
        RuleFor(c => c.ContinueClipId)
            .NotEmpty()
            .When(c => c.Hosted is { IsExtend: true })
            .WithMessage("audioId is required: the id of the clip to extend (sunoData[].id of record-info)")
            .OverridePropertyName("audioId");
        RuleFor(c => c.ContinueClipId).MaximumLength(FieldLengths.Id).OverridePropertyName("audioId");
        RuleFor(c => c.ContinueAt)
            .NotNull()
            .When(c => c.Hosted is { IsExtend: true, DefaultParamFlag: true })
            .WithMessage("continueAt is required when defaultParamFlag is true: the second of the clip to continue from")
            .OverridePropertyName("continueAt");
        RuleFor(c => c.ContinueAt)
            .Must(at => at is null || (at > 0 && double.IsFinite(at.Value)))
            .WithMessage(c => $"continueAt must be a number of seconds above 0, got {c.ContinueAt}")
            .OverridePropertyName("continueAt");
    }

    /// <summary>The hosted API's limit of a description-mode prompt.</summary>
    public const int HostedDescriptionMaxLength = 500;

    /// <summary>Custom mode needs its own style and title; an extension inherits the clip's when it gives none.</summary>
    private static bool HostedNeedsOwnParameters(SubmitMusicCommand c) => c.Hosted is { IsExtend: false, CustomMode: true };

    private static string HostedModeName(SubmitMusicCommand c) => c.Hosted!.IsExtend ? "defaultParamFlag is true" : "customMode is true";

    private SunoModel ModelOf(SubmitMusicCommand command) => SunoModelCatalog.ResolveOrDefault(command.Model, _defaultModel);

    internal static bool BeHttpUrl(string? url) =>
        Uri.TryCreate(url, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps);
}
