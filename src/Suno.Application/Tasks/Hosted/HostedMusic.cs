using System.Globalization;
using System.Text.Json.Serialization;
using Suno.Application.Tasks.Common;

namespace Suno.Application.Tasks.Hosted;

/// <summary>How far a music task has come, in the hosted API's terms (its record-info status and callback stages).</summary>
public enum MusicStage
{
    /// <summary>Suno has not answered yet (PENDING).</summary>
    Pending,

    /// <summary>Suno accepted the work and the lyrics or title are known (TEXT_SUCCESS, callback "text").</summary>
    Text,

    /// <summary>A first clip streams or is complete (FIRST_SUCCESS, callback "first").</summary>
    First,

    /// <summary>Every clip is complete (SUCCESS, callback "complete").</summary>
    Complete,

    /// <summary>Failed before Suno accepted anything (CREATE_TASK_FAILED, callback "error").</summary>
    CreateFailed,

    /// <summary>Failed after Suno accepted the work (GENERATE_AUDIO_FAILED, callback "error").</summary>
    GenerateFailed,
}

/// <summary>
/// The hosted API's view of a music task, shared by its record-info route and its callbacks: the stage and the clip
/// items in their snake_case form (the callback body's items and record-info's <c>response.data</c>).
/// </summary>
public static class HostedMusic
{
    /// <summary>The error code the hosted API gives a failed generation (Suno accepted the work, then it failed).</summary>
    public const int GenerateFailedCode = 501;

    /// <summary>The error code of a task Suno never accepted.</summary>
    public const int CreateFailedCode = 500;

    public static MusicStage StageOf(TaskDto task)
    {
        ArgumentNullException.ThrowIfNull(task);
        return task.Status switch
        {
            "SUCCESS" => MusicStage.Complete,
            "FAILURE" => task.Clips.Count == 0 ? MusicStage.CreateFailed : MusicStage.GenerateFailed,
            _ when task.Clips.Any(c => c.Status is "streaming" or "complete") => MusicStage.First,
            _ when task.Clips.Any(c => !string.IsNullOrWhiteSpace(c.Prompt) || !string.IsNullOrWhiteSpace(c.Title)) => MusicStage.Text,
            _ => MusicStage.Pending,
        };
    }

    /// <summary>A clip's creation time as the hosted API writes it ("yyyy-MM-dd HH:mm:ss", UTC); empty when unknown.</summary>
    public static string CreateTimeOf(ClipDto clip) =>
        clip?.CreatedAt?.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture) ?? string.Empty;

    /// <summary>The mp3 once complete; empty before (while streaming the URL is the stream's).</summary>
    public static string AudioUrlOf(ClipDto clip) => clip?.Status == "complete" ? clip.AudioUrl ?? string.Empty : string.Empty;

    /// <summary>The URL to play: the stream while streaming, the mp3 once complete.</summary>
    public static string StreamUrlOf(ClipDto clip) => clip?.AudioUrl ?? string.Empty;
}

/// <summary>The fields both of the hosted API's clip forms spell the same way.</summary>
public abstract record HostedClipFields
{
    [JsonPropertyName("id")]
    public required string Id { get; init; }

    [JsonPropertyName("prompt")]
    public required string Prompt { get; init; }

    [JsonPropertyName("title")]
    public required string Title { get; init; }

    [JsonPropertyName("tags")]
    public required string Tags { get; init; }

    /// <summary>"yyyy-MM-dd HH:mm:ss" (camelCase in both forms, as documented).</summary>
    [JsonPropertyName("createTime")]
    public required string CreateTime { get; init; }

    [JsonPropertyName("duration")]
    public double? Duration { get; init; }
}

/// <summary>A clip in the hosted API's snake_case form (callbacks' <c>data.data[]</c>, record-info's <c>response.data[]</c>).</summary>
public sealed record HostedClipItem : HostedClipFields
{
    [JsonPropertyName("audio_url")]
    public required string AudioUrl { get; init; }

    [JsonPropertyName("source_audio_url")]
    public required string SourceAudioUrl { get; init; }

    [JsonPropertyName("stream_audio_url")]
    public required string StreamAudioUrl { get; init; }

    [JsonPropertyName("source_stream_audio_url")]
    public required string SourceStreamAudioUrl { get; init; }

    [JsonPropertyName("image_url")]
    public required string ImageUrl { get; init; }

    [JsonPropertyName("source_image_url")]
    public required string SourceImageUrl { get; init; }

    [JsonPropertyName("model_name")]
    public required string ModelName { get; init; }

    public static HostedClipItem From(ClipDto clip)
    {
        ArgumentNullException.ThrowIfNull(clip);
        var audio = HostedMusic.AudioUrlOf(clip);
        var stream = HostedMusic.StreamUrlOf(clip);
        return new HostedClipItem
        {
            Id = clip.Id,
            AudioUrl = audio,
            SourceAudioUrl = audio,
            StreamAudioUrl = stream,
            SourceStreamAudioUrl = stream,
            ImageUrl = clip.ImageUrl ?? string.Empty,
            SourceImageUrl = clip.ImageUrl ?? string.Empty,
            Prompt = clip.Prompt ?? string.Empty,
            ModelName = clip.ModelName ?? string.Empty,
            Title = clip.Title ?? string.Empty,
            Tags = clip.Tags ?? string.Empty,
            CreateTime = HostedMusic.CreateTimeOf(clip),
            Duration = clip.Duration,
        };
    }
}
