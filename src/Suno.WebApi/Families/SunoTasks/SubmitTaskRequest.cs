using System.Text.Json.Serialization;

namespace Suno.WebApi.Families.SunoTasks;

/// <summary>
/// Body of POST /suno/submit/{action}. MUSIC reads every field; LYRICS reads prompt. new-api's newer builds also
/// send instrumental, model and callBackUrl: they are accepted as aliases of make_instrumental, mv and callback_url.
/// </summary>
public sealed record SubmitTaskRequest
{
    /// <summary>Lyrics (music, custom mode) or the lyrics description (lyrics).</summary>
    [JsonPropertyName("prompt")]
    public string? Prompt { get; init; }

    /// <summary>A description of the song (music, inspiration mode): Suno writes the lyrics.</summary>
    [JsonPropertyName("gpt_description_prompt")]
    public string? GptDescriptionPrompt { get; init; }

    [JsonPropertyName("title")]
    public string? Title { get; init; }

    /// <summary>Style tags, e.g. "synthwave, cinematic".</summary>
    [JsonPropertyName("tags")]
    public string? Tags { get; init; }

    /// <summary>Styles to avoid.</summary>
    [JsonPropertyName("negative_tags")]
    public string? NegativeTags { get; init; }

    /// <summary>female or male: appended to the tags as "female vocals" / "male vocals".</summary>
    [JsonPropertyName("vocal_gender")]
    public string? VocalGender { get; init; }

    /// <summary>Model: chirp-* names or the aliases suno-v3, suno-v3.5, V3_5, V4, V4_5, V4_5PLUS, V4_5ALL, V5, V5_5.</summary>
    [JsonPropertyName("mv")]
    public string? Mv { get; init; }

    /// <summary>Alias of mv (new-api 2026).</summary>
    [JsonPropertyName("model")]
    public string? Model { get; init; }

    [JsonPropertyName("make_instrumental")]
    public bool? MakeInstrumental { get; init; }

    /// <summary>Alias of make_instrumental (new-api 2026).</summary>
    [JsonPropertyName("instrumental")]
    public bool? Instrumental { get; init; }

    /// <summary>The clip to continue (needs task_id).</summary>
    [JsonPropertyName("continue_clip_id")]
    public string? ContinueClipId { get; init; }

    /// <summary>Seconds into the clip to continue from.</summary>
    [JsonPropertyName("continue_at")]
    public double? ContinueAt { get; init; }

    /// <summary>The task that made continue_clip_id.</summary>
    [JsonPropertyName("task_id")]
    public string? TaskId { get; init; }

    /// <summary>Called back through the outbox at each stage of the task (optional, an absolute http(s) URL; see README "Callbacks").</summary>
    [JsonPropertyName("callback_url")]
    public string? CallbackUrl { get; init; }

    /// <summary>Alias of callback_url (new-api 2026).</summary>
    [JsonPropertyName("callBackUrl")]
    public string? CallBackUrlAlias { get; init; }
}
