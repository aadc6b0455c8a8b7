using Suno.Domain.Tasks;

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

    /// <summary>When the gateway stored the task (UTC).</summary>
    public DateTime CreatedAt { get; init; }

    public long SubmitTime { get; init; }

    public long StartTime { get; init; }

    public long FinishTime { get; init; }

    /// <summary>"0%" to "100%".</summary>
    public required string Progress { get; init; }

    /// <summary>A music task's clips in Suno's order (empty before Suno answered, and for lyrics tasks).</summary>
    public IReadOnlyList<ClipDto> Clips { get; init; } = [];

    /// <summary>A lyrics task's result {id, status, title, text}; null while there is none (and for music tasks).</summary>
    public LyricsResult? Lyrics { get; init; }

    /// <summary>What was submitted, as stored (the engine's snake_case work JSON; no secrets).</summary>
    public string? Parameters { get; init; }

    /// <summary>The URL the submitter asked to be called back on; null when none.</summary>
    public string? CallbackUrl { get; init; }

    /// <summary>Why a callback was given up after its retries; null while every callback was delivered or is still due.</summary>
    public string? CallbackError { get; init; }

    /// <summary>SUCCESS or FAILURE: nothing about the task changes any more.</summary>
    public bool IsFinished => Status is "SUCCESS" or "FAILURE";
}
