using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using Suno.Application.Tasks.Common;
using Suno.Domain.Tasks;

namespace Suno.WebApi.Families.SunoTasks;

/// <summary>
/// A task as the /suno/* routes return it (the Go gateway's task object, with new-api's progress).
/// </summary>
public sealed record SunoTaskObject
{
    [JsonPropertyName("task_id")]
    public required string TaskId { get; init; }

    /// <summary>MUSIC or LYRICS.</summary>
    [JsonPropertyName("action")]
    public required string Action { get; init; }

    /// <summary>NOT_START, SUBMITTED, QUEUED, IN_PROGRESS, SUCCESS or FAILURE.</summary>
    [JsonPropertyName("status")]
    public required string Status { get; init; }

    /// <summary>Why the task failed; empty otherwise.</summary>
    [JsonPropertyName("fail_reason")]
    public required string FailReason { get; init; }

    /// <summary>Why a callback to callback_url was given up after its retries; left out while none was.</summary>
    [JsonPropertyName("callback_error")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? CallbackError { get; init; }

    /// <summary>Unix seconds; 0 when not yet.</summary>
    [JsonPropertyName("submit_time")]
    public required long SubmitTime { get; init; }

    /// <summary>Unix seconds; 0 when not yet.</summary>
    [JsonPropertyName("start_time")]
    public required long StartTime { get; init; }

    /// <summary>Unix seconds; 0 when not yet.</summary>
    [JsonPropertyName("finish_time")]
    public required long FinishTime { get; init; }

    /// <summary>"0%" to "100%".</summary>
    [JsonPropertyName("progress")]
    public required string Progress { get; init; }

    /// <summary>
    /// Music: the array of clips exactly as Suno sent them (every field, known or not). Lyrics: {id, status, title,
    /// text}, or null. Typed as any JSON (an inline <c>{}</c> schema; a JsonElement would become an empty component
    /// that NSwag turns into an empty class).
    /// </summary>
    [JsonPropertyName("data")]
    public object? Data { get; init; }

    public static SunoTaskObject From(TaskDto task)
    {
        ArgumentNullException.ThrowIfNull(task);
        return new SunoTaskObject
        {
            TaskId = task.TaskId,
            Action = task.Action,
            Status = task.Status,
            FailReason = task.FailReason ?? string.Empty,
            CallbackError = task.CallbackError,
            SubmitTime = task.SubmitTime,
            StartTime = task.StartTime,
            FinishTime = task.FinishTime,
            Progress = task.Progress,
            Data = DataOf(task),
        };
    }

    /// <summary>A music task's clips as Suno sent them (what the gateway knows of a clip whose stored JSON is unreadable), or a lyrics task's result.</summary>
    private static JsonNode? DataOf(TaskDto task)
    {
        if (task.Action == TaskAction.Lyrics.ToWire())
        {
            return task.Lyrics is { } lyrics
                ? new JsonObject { ["id"] = lyrics.Id, ["status"] = lyrics.Status, ["title"] = lyrics.Title, ["text"] = lyrics.Text }
                : null;
        }

        var clips = new JsonArray();
        foreach (var clip in task.Clips)
        {
            clips.Add(RawOrKnown(clip));
        }

        return clips;
    }

    private static JsonObject RawOrKnown(ClipDto clip)
    {
        try
        {
            if (JsonNode.Parse(clip.RawJson) is JsonObject raw)
            {
                return raw;
            }
        }
        catch (JsonException)
        {
            // Fall through.
        }

        return new JsonObject
        {
            ["id"] = clip.Id,
            ["status"] = clip.Status,
            ["title"] = clip.Title,
            ["audio_url"] = clip.AudioUrl,
            ["video_url"] = clip.VideoUrl,
            ["image_url"] = clip.ImageUrl,
            ["model_name"] = clip.ModelName,
        };
    }
}
