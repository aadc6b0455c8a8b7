namespace Suno.Application.Tasks.Common;

/// <summary>
/// A clip as every read of the gateway reports it, projected from the clip's typed columns (or from a clip Suno just
/// returned): each API family maps this one shape to its own wire form. <see cref="RawJson"/> is Suno's clip object
/// verbatim, for the routes that pass Suno's object through (the /suno/* task data).
/// </summary>
public sealed record ClipDto
{
    public required string Id { get; init; }

    /// <summary>submitted, queued, streaming, complete, error (unknown for a status the gateway does not know).</summary>
    public required string Status { get; init; }

    public string? Title { get; init; }

    /// <summary>A stream URL while streaming, the mp3 once complete; null before.</summary>
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

    /// <summary>Seconds; null until Suno knows it.</summary>
    public double? Duration { get; init; }

    public string? ErrorMessage { get; init; }

    /// <summary>metadata.stem_from_id: the clip a stem was split from (stems only; not stored).</summary>
    public string? StemFromId { get; init; }

    /// <summary>When Suno created the clip (UTC).</summary>
    public DateTime? CreatedAt { get; init; }

    /// <summary>Suno's clip object exactly as last received (JSON).</summary>
    public required string RawJson { get; init; }
}
