using System.Text.Json;
using System.Text.Json.Serialization;
using Suno.Application.Common.Upstream;
using Suno.Domain.Clips;
using Suno.Domain.Tasks;

namespace Suno.Application.Tasks.Engine;

/// <summary>
/// What a task asks of Suno, as stored with the task (snake_case JSON, nulls left out, no secrets): the submitter
/// sends it, and the settler reads it back to find a lost submission's clips in Suno's feed.
/// </summary>
public abstract record SubmittedWork
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };

    [JsonIgnore]
    public abstract TaskAction Action { get; }

    /// <summary>The stored form.</summary>
    public string ToJson() => JsonSerializer.Serialize(this, GetType(), Json);

    /// <summary>A music task's stored parameters; null when they cannot be read.</summary>
    public static MusicWork? ReadMusic(string json) => Read<MusicWork>(json);

    /// <summary>A stems task's stored parameters; null when they cannot be read.</summary>
    public static StemsWork? ReadStems(string json) => Read<StemsWork>(json);

    private static T? Read<T>(string json)
        where T : SubmittedWork
    {
        try
        {
            return JsonSerializer.Deserialize<T>(json, Json);
        }
        catch (JsonException)
        {
            return null;
        }
    }
}

/// <summary>A song or an extension: Suno's generate body, plus the vocal gender asked for and the source task.</summary>
public sealed record MusicWork(
    string Prompt,
    string? GptDescriptionPrompt,
    string? Title,
    string? Tags,
    string? NegativeTags,
    string? VocalGender,
    string Mv,
    bool MakeInstrumental,
    string? ContinueClipId,
    double? ContinueAt,
    string? TaskId) : SubmittedWork
{
    [JsonIgnore]
    public override TaskAction Action => TaskAction.Music;

    [JsonIgnore]
    public bool IsExtension => !string.IsNullOrWhiteSpace(ContinueClipId);

    /// <summary>Suno's generate body for this work.</summary>
    public GenerateRequest ToGenerateRequest() => new()
    {
        Prompt = Prompt,
        GptDescriptionPrompt = GptDescriptionPrompt,
        Title = Title,
        Tags = Tags,
        NegativeTags = NegativeTags,
        Model = Mv,
        MakeInstrumental = MakeInstrumental,
        Task = IsExtension ? "extend" : null,
        ContinueClipId = IsExtension ? ContinueClipId : null,
        ContinueAt = IsExtension ? ContinueAt : null,
    };

    /// <summary>
    /// Whether a clip of Suno's feed is one this work made. An extension: the clip continues the same source clip
    /// (the last entry of metadata.history) at the same second, with the same lyrics and title when they were given
    /// (an empty prompt matches any). Otherwise: same description (description mode); same lyrics and title (custom
    /// mode); or, for an instrumental without lyrics, the instrumental flag with the same tags and title.
    /// </summary>
    public bool Matches(ClipSnapshot clip)
    {
        ArgumentNullException.ThrowIfNull(clip);
        if (IsExtension)
        {
            return Same(clip.ExtendsClipId, ContinueClipId)
                && (ContinueAt is null || (clip.ExtendsAt is { } at && Math.Abs(at - ContinueAt.Value) < 0.01))
                && (string.IsNullOrWhiteSpace(Prompt) || Same(clip.Prompt, Prompt))
                && SameTitle(clip);
        }

        if (!string.IsNullOrWhiteSpace(GptDescriptionPrompt))
        {
            return Same(clip.GptDescriptionPrompt, GptDescriptionPrompt);
        }

        if (!string.IsNullOrWhiteSpace(Prompt))
        {
            return Same(clip.Prompt, Prompt) && SameTitle(clip);
        }

        return MakeInstrumental && clip.MakeInstrumental == true && SameTitle(clip)
            && Same(clip.Tags ?? string.Empty, Tags ?? string.Empty);
    }

    private bool SameTitle(ClipSnapshot clip) => string.IsNullOrWhiteSpace(Title) || Same(clip.Title, Title);

    private static bool Same(string? a, string? b) => string.Equals(a?.Trim(), b?.Trim(), StringComparison.Ordinal);
}

/// <summary>Lyrics from a description.</summary>
public sealed record LyricsWork(string Prompt) : SubmittedWork
{
    [JsonIgnore]
    public override TaskAction Action => TaskAction.Lyrics;
}

/// <summary>
/// A clip split into its vocals and its instrumental (Suno's POST /api/edit/stems/{clip}): the clip, the task that made
/// it and the clip's place there, and the clip's own audio URL (the hosted API reports it as the origin).
/// </summary>
public sealed record StemsWork(string ClipId, string TaskId, int MusicIndex, string? OriginUrl) : SubmittedWork
{
    [JsonIgnore]
    public override TaskAction Action => TaskAction.Stems;
}
