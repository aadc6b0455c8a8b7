using System.Text.Json;
using Suno.Application.Tasks.Common;

namespace Suno.Application.Chat.Common;

/// <summary>A music task as the chat replies show it: the task and its clips, the model of the reply templates.</summary>
public sealed record ChatSong
{
    public required string TaskId { get; init; }

    /// <summary>The task status in wire form (SUBMITTED, IN_PROGRESS, SUCCESS, FAILURE, ...).</summary>
    public required string Status { get; init; }

    public required string Progress { get; init; }

    /// <summary>The model the client asked for (as it named it).</summary>
    public required string Model { get; init; }

    public string? FailReason { get; init; }

    public IReadOnlyList<ChatClip> Clips { get; init; } = [];

    public bool IsFinished => Status is "SUCCESS" or "FAILURE";

    public bool IsFailed => Status == "FAILURE";

    /// <summary>Reads the clips out of the task's data (each clip as Suno sent it).</summary>
    public static ChatSong From(TaskDto task, string model)
    {
        ArgumentNullException.ThrowIfNull(task);
        var clips = new List<ChatClip>();
        if (task.Data is { ValueKind: JsonValueKind.Array } data)
        {
            foreach (var clip in data.EnumerateArray().Where(c => c.ValueKind == JsonValueKind.Object))
            {
                clips.Add(ChatClip.From(clip));
            }
        }

        return new ChatSong
        {
            TaskId = task.TaskId,
            Status = task.Status,
            Progress = task.Progress,
            Model = model,
            FailReason = task.FailReason,
            Clips = clips,
        };
    }
}

/// <summary>One clip of a <see cref="ChatSong"/>.</summary>
public sealed record ChatClip
{
    public required string Id { get; init; }

    public string? Status { get; init; }

    public string? Title { get; init; }

    /// <summary>The lyrics (Suno's metadata.prompt).</summary>
    public string? Lyrics { get; init; }

    public string? Tags { get; init; }

    /// <summary>Seconds, once Suno knows it.</summary>
    public double? Duration { get; init; }

    public string? ImageUrl { get; init; }

    public string? ImageLargeUrl { get; init; }

    public string? AudioUrl { get; init; }

    public string? VideoUrl { get; init; }

    public string? ModelName { get; init; }

    public string? ErrorMessage { get; init; }

    internal static ChatClip From(JsonElement clip)
    {
        var metadata = clip.TryGetProperty("metadata", out var m) && m.ValueKind == JsonValueKind.Object ? m : default;
        return new ChatClip
        {
            Id = Text(clip, "id") ?? string.Empty,
            Status = Text(clip, "status"),
            Title = Text(clip, "title"),
            Lyrics = Text(metadata, "prompt"),
            Tags = Text(metadata, "tags"),
            Duration = Number(metadata, "duration"),
            ImageUrl = Text(clip, "image_url"),
            ImageLargeUrl = Text(clip, "image_large_url"),
            AudioUrl = Text(clip, "audio_url"),
            VideoUrl = Text(clip, "video_url"),
            ModelName = Text(clip, "model_name"),
            ErrorMessage = Text(metadata, "error_message"),
        };
    }

    private static string? Text(JsonElement element, string name) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String
            ? NullIfEmpty(value.GetString())
            : null;

    private static double? Number(JsonElement element, string name) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.Number
            ? value.GetDouble()
            : null;

    private static string? NullIfEmpty(string? text) => string.IsNullOrEmpty(text) ? null : text;
}
