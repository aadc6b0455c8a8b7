namespace Suno.FakeUpstream.Internal;

/// <summary>A clip as stored; its status is derived from the clock whenever it is rendered.</summary>
internal sealed class FakeClip
{
    public required string Id { get; init; }
    public required FakeAccount Owner { get; init; }
    public required DateTimeOffset CreatedAt { get; init; }
    public required long Sequence { get; init; }
    public required string Mv { get; init; }
    public required string Type { get; init; }
    public string Title { get; init; } = string.Empty;
    public string Tags { get; init; } = string.Empty;
    public string NegativeTags { get; init; } = string.Empty;

    /// <summary>Lyrics given by the caller (custom mode) or empty (description mode).</summary>
    public string Prompt { get; init; } = string.Empty;

    public string? GptDescriptionPrompt { get; init; }
    public bool MakeInstrumental { get; init; }
    public string? Task { get; init; }
    public string? ContinueClipId { get; init; }
    public double? ContinueAt { get; init; }
    public IReadOnlyList<HistoryEntry>? History { get; init; }
    public IReadOnlyList<HistoryEntry>? ConcatHistory { get; init; }
    public string? StemFromId { get; init; }
    public string? StemTitleSuffix { get; init; }

    /// <summary>When set the clip ends in status <c>error</c> with this message.</summary>
    public string? ErrorMessage { get; init; }

    public required double Duration { get; init; }
    public bool IsPublic { get; init; }

    /// <summary>Lyrics Suno writes in description mode (shown once the clip streams).</summary>
    public string GeneratedLyrics { get; init; } = string.Empty;

    /// <summary>Title Suno invents in description mode (shown once the clip streams).</summary>
    public string GeneratedTitle { get; init; } = string.Empty;

    public bool IsDescriptionMode => !string.IsNullOrEmpty(GptDescriptionPrompt);
}

internal sealed record HistoryEntry(string Id, double? ContinueAt, string Type, bool Infill, string Source);

internal sealed class FakeLyricsJob
{
    public required string Id { get; init; }
    public required FakeAccount Owner { get; init; }
    public required DateTimeOffset CreatedAt { get; init; }
    public required string Prompt { get; init; }
    public required string Title { get; init; }
    public required string Text { get; init; }
}
