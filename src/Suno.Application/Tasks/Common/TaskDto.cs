using System.Text.Json;

namespace Suno.Application.Tasks.Common;

/// <summary>
/// A task as the read side reports it, already in wire terms (the /suno/* task object is built from it):
/// status and action as their wire names, times as unix seconds (0 when unset), progress as "NN%".
/// </summary>
public sealed record TaskDto
{
    public required string TaskId { get; init; }

    /// <summary>MUSIC, LYRICS, ...</summary>
    public required string Action { get; init; }

    /// <summary>NOT_START, SUBMITTED, QUEUED, IN_PROGRESS, SUCCESS, FAILURE.</summary>
    public required string Status { get; init; }

    public string? FailReason { get; init; }

    public long SubmitTime { get; init; }

    public long StartTime { get; init; }

    public long FinishTime { get; init; }

    /// <summary>"0%" to "100%".</summary>
    public required string Progress { get; init; }

    /// <summary>
    /// Music tasks: the array of clips, each exactly as Suno last sent it (every upstream field, including ones this
    /// gateway does not know). Lyrics tasks: {id, status, title, text}, or null while there is no result yet.
    /// </summary>
    public JsonElement? Data { get; init; }
}
