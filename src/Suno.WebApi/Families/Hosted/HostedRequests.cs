using System.Text.Json.Serialization;

namespace Suno.WebApi.Families.Hosted;

/// <summary>
/// Body of POST /api/v1/generate. customMode false: prompt is a description (at most 500 characters), Suno writes
/// the lyrics. customMode true: style and title, and prompt (the lyrics, sung verbatim) unless instrumental.
/// </summary>
public sealed record HostedGenerateRequest
{
    [JsonPropertyName("prompt")]
    public string? Prompt { get; init; }

    /// <summary>Required.</summary>
    [JsonPropertyName("customMode")]
    public bool? CustomMode { get; init; }

    /// <summary>Required.</summary>
    [JsonPropertyName("instrumental")]
    public bool? Instrumental { get; init; }

    /// <summary>Required: V3_5, V4, V4_5, V4_5PLUS, V4_5ALL, V5 or V5_5.</summary>
    [JsonPropertyName("model")]
    public string? Model { get; init; }

    /// <summary>Required: where the gateway posts the task's stages.</summary>
    [JsonPropertyName("callBackUrl")]
    public string? CallBackUrl { get; init; }

    [JsonPropertyName("style")]
    public string? Style { get; init; }

    [JsonPropertyName("title")]
    public string? Title { get; init; }

    [JsonPropertyName("negativeTags")]
    public string? NegativeTags { get; init; }

    /// <summary>m or f (custom mode): "male vocals" / "female vocals" at the end of the style.</summary>
    [JsonPropertyName("vocalGender")]
    public string? VocalGender { get; init; }

    /// <summary>Accepted; not sent to Suno (no studio field is known for it).</summary>
    [JsonPropertyName("styleWeight")]
    public double? StyleWeight { get; init; }

    /// <summary>Accepted; not sent to Suno.</summary>
    [JsonPropertyName("weirdnessConstraint")]
    public double? WeirdnessConstraint { get; init; }

    /// <summary>Accepted; not sent to Suno.</summary>
    [JsonPropertyName("audioWeight")]
    public double? AudioWeight { get; init; }

    /// <summary>Accepted; not sent to Suno.</summary>
    [JsonPropertyName("personaId")]
    public string? PersonaId { get; init; }

    /// <summary>Accepted; not sent to Suno.</summary>
    [JsonPropertyName("personaModel")]
    public string? PersonaModel { get; init; }
}

/// <summary>
/// Body of POST /api/v1/generate/extend: the clip (audioId, a sunoData[].id) continued. defaultParamFlag true needs
/// prompt, style, title and continueAt (inside the clip); false inherits the clip's style and title.
/// </summary>
public sealed record HostedExtendRequest
{
    /// <summary>Required.</summary>
    [JsonPropertyName("audioId")]
    public string? AudioId { get; init; }

    /// <summary>Required.</summary>
    [JsonPropertyName("defaultParamFlag")]
    public bool? DefaultParamFlag { get; init; }

    /// <summary>Required.</summary>
    [JsonPropertyName("model")]
    public string? Model { get; init; }

    /// <summary>Required.</summary>
    [JsonPropertyName("callBackUrl")]
    public string? CallBackUrl { get; init; }

    [JsonPropertyName("prompt")]
    public string? Prompt { get; init; }

    [JsonPropertyName("style")]
    public string? Style { get; init; }

    [JsonPropertyName("title")]
    public string? Title { get; init; }

    /// <summary>Seconds into the clip where the continuation starts.</summary>
    [JsonPropertyName("continueAt")]
    public double? ContinueAt { get; init; }

    [JsonPropertyName("negativeTags")]
    public string? NegativeTags { get; init; }

    [JsonPropertyName("vocalGender")]
    public string? VocalGender { get; init; }

    [JsonPropertyName("instrumental")]
    public bool? Instrumental { get; init; }
}

/// <summary>Body of POST /api/v1/lyrics.</summary>
public sealed record HostedLyricsRequest
{
    /// <summary>Required: what the lyrics are about (at most 200 words).</summary>
    [JsonPropertyName("prompt")]
    public string? Prompt { get; init; }

    /// <summary>Required.</summary>
    [JsonPropertyName("callBackUrl")]
    public string? CallBackUrl { get; init; }
}

/// <summary>Body of POST /api/v1/generate/get-timestamped-lyrics.</summary>
public sealed record HostedTimestampedLyricsRequest
{
    /// <summary>Required: the generation's task id.</summary>
    [JsonPropertyName("taskId")]
    public string? TaskId { get; init; }

    /// <summary>The clip (a sunoData[].id of the task); wins over musicIndex.</summary>
    [JsonPropertyName("audioId")]
    public string? AudioId { get; init; }

    /// <summary>0 or 1: the task's first or second clip (0 when left out).</summary>
    [JsonPropertyName("musicIndex")]
    public int? MusicIndex { get; init; }
}

/// <summary>Body of POST /api/v1/vocal-removal/generate.</summary>
public sealed record HostedVocalRemovalRequest
{
    /// <summary>Required: the music task that made the clip.</summary>
    [JsonPropertyName("taskId")]
    public string? TaskId { get; init; }

    /// <summary>Required: the clip to split (a sunoData[].id of that task).</summary>
    [JsonPropertyName("audioId")]
    public string? AudioId { get; init; }

    /// <summary>Required: where the gateway posts the result.</summary>
    [JsonPropertyName("callBackUrl")]
    public string? CallBackUrl { get; init; }

    /// <summary>separate_vocal (the default: vocals and instrumental); split_stem (12 stems) is not supported yet (code 400).</summary>
    [JsonPropertyName("type")]
    public string? Type { get; init; }
}
