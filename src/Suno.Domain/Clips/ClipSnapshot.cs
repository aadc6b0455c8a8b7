namespace Suno.Domain.Clips;

/// <summary>
/// What one upstream read says about a clip: the fields the gateway uses, plus the raw JSON object so that
/// no field Suno sends is lost (clients of /suno/fetch and /api/clip get every field back).
/// </summary>
public sealed record ClipSnapshot
{
    public required string Id { get; init; }
    public required ClipStatus Status { get; init; }

    /// <summary>The status string exactly as Suno sent it (kept for unknown values).</summary>
    public string? StatusText { get; init; }
    public string? Title { get; init; }
    public string? AudioUrl { get; init; }
    public string? VideoUrl { get; init; }
    public string? ImageUrl { get; init; }
    public string? ImageLargeUrl { get; init; }
    public string? ModelName { get; init; }
    public string? MajorModelVersion { get; init; }
    public string? Tags { get; init; }
    public string? NegativeTags { get; init; }

    /// <summary>metadata.prompt: the lyrics (Suno fills them in for description-mode songs).</summary>
    public string? Prompt { get; init; }
    public string? GptDescriptionPrompt { get; init; }

    /// <summary>metadata.type: gen, concat, upload, ...</summary>
    public string? Type { get; init; }

    /// <summary>metadata.duration in seconds; null until the clip is complete.</summary>
    public double? Duration { get; init; }
    public string? ErrorMessage { get; init; }

    /// <summary>metadata.stem_from_id: the clip a stem was split from.</summary>
    public string? StemFromId { get; init; }
    public DateTime? CreatedAt { get; init; }

    /// <summary>metadata.make_instrumental: whether the song was asked for without vocals (null when Suno does not say).</summary>
    public bool? MakeInstrumental { get; init; }

    /// <summary>The last entry of metadata.history: the clip this one extends (null for a clip that extends nothing).</summary>
    public string? ExtendsClipId { get; init; }

    /// <summary>continue_at of that history entry: the second of the source clip the extension starts from.</summary>
    public double? ExtendsAt { get; init; }

    /// <summary>The clip object exactly as received (JSON).</summary>
    public required string RawJson { get; init; }
}
