namespace Suno.Application.Common.Upstream;

/// <summary>
/// The body of POST /api/generate/v2/ (PROTOCOL 1.3). Custom mode sends <see cref="Prompt"/> (lyrics), tags and
/// title; description mode sends <see cref="GptDescriptionPrompt"/> with an empty prompt. Extend sets
/// <see cref="Task"/> = "extend", <see cref="ContinueClipId"/> and <see cref="ContinueAt"/>.
/// </summary>
public sealed record GenerateRequest
{
    /// <summary>Lyrics in custom mode; "" in description mode.</summary>
    public string Prompt { get; init; } = string.Empty;

    /// <summary>Description ("inspiration") mode text; omitted from the body when null.</summary>
    public string? GptDescriptionPrompt { get; init; }

    public string? Tags { get; init; }

    public string? NegativeTags { get; init; }

    /// <summary>Sent as "" when null: Suno rejects a null title on extend.</summary>
    public string? Title { get; init; }

    /// <summary>Model (mv), e.g. chirp-v3-5, chirp-crow.</summary>
    public required string Model { get; init; }

    public bool MakeInstrumental { get; init; }

    /// <summary>"extend" for a continuation; null for a new song.</summary>
    public string? Task { get; init; }

    public string? ContinueClipId { get; init; }

    /// <summary>Seconds into the source clip.</summary>
    public double? ContinueAt { get; init; }

    /// <summary>A captcha token obtained elsewhere; when null the client checks /api/c/check and asks the solver.</summary>
    public string? CaptchaToken { get; init; }

    /// <summary>Convenience for an extension of <paramref name="clipId"/> at <paramref name="continueAt"/> seconds.</summary>
    public static GenerateRequest Extend(string clipId, double? continueAt, string model, string? prompt = null, string? tags = null, string? title = null) =>
        new()
        {
            Task = "extend",
            ContinueClipId = clipId,
            ContinueAt = continueAt,
            Model = model,
            Prompt = prompt ?? string.Empty,
            Tags = tags,
            Title = title,
        };
}
