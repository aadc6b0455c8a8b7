namespace Suno.Application.Gcui.Common;

/// <summary>
/// A clip as the gcui-art routes describe it (their AudioInfo): the fields of Suno's clip object, with the metadata
/// ones lifted to the top. Built from the clip's raw JSON, so it reads the same whether the clip came from the
/// database (a task's clips) or straight from Suno (the feed).
/// </summary>
public sealed record ClipInfo
{
    public required string Id { get; init; }

    public string? Title { get; init; }

    public string? ImageUrl { get; init; }

    /// <summary>metadata.prompt (on the /api/get path with blank lines removed).</summary>
    public string? Lyric { get; init; }

    public string? AudioUrl { get; init; }

    public string? VideoUrl { get; init; }

    /// <summary>created_at exactly as Suno wrote it.</summary>
    public string? CreatedAt { get; init; }

    public string? ModelName { get; init; }

    /// <summary>submitted, queued, streaming, complete or error.</summary>
    public string? Status { get; init; }

    public string? GptDescriptionPrompt { get; init; }

    /// <summary>metadata.prompt as is.</summary>
    public string? Prompt { get; init; }

    /// <summary>metadata.type: gen, concat, ...</summary>
    public string? Type { get; init; }

    public string? Tags { get; init; }

    public string? NegativeTags { get; init; }

    /// <summary>metadata.duration in seconds; null until Suno knows it.</summary>
    public double? Duration { get; init; }

    /// <summary>metadata.error_message when the clip failed.</summary>
    public string? ErrorMessage { get; init; }
}
