using System.Text.Json.Serialization;

namespace Suno.WebApi.Families.Gcui;

/// <summary>Body of POST /api/generate: a song from a description; Suno writes the lyrics.</summary>
public sealed record GcuiGenerateRequest
{
    /// <summary>What the song is about (sent to Suno as gpt_description_prompt).</summary>
    [JsonPropertyName("prompt")]
    public string? Prompt { get; init; }

    /// <summary>No vocals (default false).</summary>
    [JsonPropertyName("make_instrumental")]
    public bool? MakeInstrumental { get; init; }

    /// <summary>Model name or alias (default chirp-v3-5).</summary>
    [JsonPropertyName("model")]
    public string? Model { get; init; }

    /// <summary>Answer once the clips are streaming or complete, at most 100 s (default false: answer at once).</summary>
    [JsonPropertyName("wait_audio")]
    public bool? WaitAudio { get; init; }
}

/// <summary>Body of POST /api/custom_generate: a song from your own lyrics, style tags and title.</summary>
public sealed record GcuiCustomGenerateRequest
{
    /// <summary>The lyrics.</summary>
    [JsonPropertyName("prompt")]
    public string? Prompt { get; init; }

    /// <summary>Style, e.g. "pop, upbeat".</summary>
    [JsonPropertyName("tags")]
    public string? Tags { get; init; }

    /// <summary>Styles to avoid.</summary>
    [JsonPropertyName("negative_tags")]
    public string? NegativeTags { get; init; }

    [JsonPropertyName("title")]
    public string? Title { get; init; }

    [JsonPropertyName("make_instrumental")]
    public bool? MakeInstrumental { get; init; }

    /// <summary>Model name or alias (default chirp-v3-5).</summary>
    [JsonPropertyName("model")]
    public string? Model { get; init; }

    [JsonPropertyName("wait_audio")]
    public bool? WaitAudio { get; init; }
}

/// <summary>Body of POST /api/extend_audio: continues a clip from a point in it.</summary>
public sealed record GcuiExtendAudioRequest
{
    /// <summary>The clip to continue (required).</summary>
    [JsonPropertyName("audio_id")]
    public string? AudioId { get; init; }

    /// <summary>Lyrics of the continuation (default "").</summary>
    [JsonPropertyName("prompt")]
    public string? Prompt { get; init; }

    /// <summary>Seconds into the clip where the continuation starts.</summary>
    [JsonPropertyName("continue_at")]
    public double? ContinueAt { get; init; }

    [JsonPropertyName("title")]
    public string? Title { get; init; }

    [JsonPropertyName("tags")]
    public string? Tags { get; init; }

    [JsonPropertyName("negative_tags")]
    public string? NegativeTags { get; init; }

    /// <summary>Model name or alias (default chirp-v3-5).</summary>
    [JsonPropertyName("model")]
    public string? Model { get; init; }

    [JsonPropertyName("wait_audio")]
    public bool? WaitAudio { get; init; }
}

/// <summary>Body of POST /api/generate_lyrics.</summary>
public sealed record GcuiGenerateLyricsRequest
{
    /// <summary>What the lyrics should be about.</summary>
    [JsonPropertyName("prompt")]
    public string? Prompt { get; init; }
}

/// <summary>Body of POST /api/concat.</summary>
public sealed record GcuiConcatRequest
{
    /// <summary>The last clip of an extension chain: Suno joins the chain into one song.</summary>
    [JsonPropertyName("clip_id")]
    public string? ClipId { get; init; }
}

/// <summary>Body of POST /api/generate_stems.</summary>
public sealed record GcuiGenerateStemsRequest
{
    /// <summary>The clip to split into stems.</summary>
    [JsonPropertyName("audio_id")]
    public string? AudioId { get; init; }
}
