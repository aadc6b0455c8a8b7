using FluentValidation;
using Suno.Application.Models;

namespace Suno.Application.Gcui.Commands.GenerateAudio;

/// <summary>Checks the fields in gcui-art's spelling (model, prompt) before the submission's own rules run.</summary>
public sealed class GenerateAudioCommandValidator : AbstractValidator<GenerateAudioCommand>
{
    public GenerateAudioCommandValidator()
    {
        RuleFor(c => c.Submission).NotNull().WithMessage("the request body is empty; send a JSON object").OverridePropertyName("body");
        RuleFor(c => c.Submission.Model)
            .Must(m => string.IsNullOrWhiteSpace(m) || SunoModelCatalog.TryResolve(m, out _))
            .When(c => c.Submission is not null)
            .WithMessage(c => $"model: unknown model '{c.Submission.Model}'; use one of {SunoModelCatalog.AcceptedNamesText}")
            .OverridePropertyName("model");
        RuleFor(c => c.Submission.ContinueClipId)
            .NotEmpty()
            .When(c => c.Submission is not null && c.Submission.FindSourceTaskByClip)
            .WithMessage("Audio ID is required")
            .OverridePropertyName("audio_id");
        RuleFor(c => c.Submission)
            .Must(s => s.IsExtension || s.FindSourceTaskByClip || !string.IsNullOrWhiteSpace(s.Prompt) || !string.IsNullOrWhiteSpace(s.GptDescriptionPrompt)
                       || (s.MakeInstrumental && !string.IsNullOrWhiteSpace(s.Tags)))
            .When(c => c.Submission is not null)
            .WithMessage("prompt is required: a description of the song (/api/generate) or its lyrics (/api/custom_generate)")
            .OverridePropertyName("prompt");
        RuleFor(c => c.MaxWait).InclusiveBetween(TimeSpan.Zero, TimeSpan.FromMinutes(10));
    }
}
