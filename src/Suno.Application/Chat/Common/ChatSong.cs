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

    public IReadOnlyList<ClipDto> Clips { get; init; } = [];

    public bool IsFailed => Status == "FAILURE";

    public static ChatSong From(TaskDto task, string model)
    {
        ArgumentNullException.ThrowIfNull(task);
        return new ChatSong
        {
            TaskId = task.TaskId,
            Status = task.Status,
            Progress = task.Progress,
            Model = model,
            FailReason = task.FailReason,
            Clips = task.Clips,
        };
    }
}
