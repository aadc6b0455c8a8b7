namespace Suno.Domain.Tasks;

/// <summary>
/// Task status as the task-style API (/suno/*) reports it. Stored and sent as the upper-case wire names
/// (NOT_START, SUBMITTED, QUEUED, IN_PROGRESS, SUCCESS, FAILURE); see <see cref="SunoTaskStatusNames"/>.
/// The numeric order is the order of progress: a task only ever moves forward.
/// </summary>
public enum SunoTaskStatus
{
    NotStart = 0,
    Submitted = 1,
    Queued = 2,
    InProgress = 3,
    Success = 4,
    Failure = 5,
}

/// <summary>Wire names of <see cref="SunoTaskStatus"/>.</summary>
public static class SunoTaskStatusNames
{
    public static string ToWire(this SunoTaskStatus status) => status switch
    {
        SunoTaskStatus.NotStart => "NOT_START",
        SunoTaskStatus.Submitted => "SUBMITTED",
        SunoTaskStatus.Queued => "QUEUED",
        SunoTaskStatus.InProgress => "IN_PROGRESS",
        SunoTaskStatus.Success => "SUCCESS",
        SunoTaskStatus.Failure => "FAILURE",
        _ => throw new ArgumentOutOfRangeException(nameof(status), status, "Unknown task status."),
    };

    public static SunoTaskStatus FromWire(string value) => value switch
    {
        "NOT_START" => SunoTaskStatus.NotStart,
        "SUBMITTED" => SunoTaskStatus.Submitted,
        "QUEUED" => SunoTaskStatus.Queued,
        "IN_PROGRESS" => SunoTaskStatus.InProgress,
        "SUCCESS" => SunoTaskStatus.Success,
        "FAILURE" => SunoTaskStatus.Failure,
        _ => throw new ArgumentOutOfRangeException(nameof(value), value, "Unknown task status."),
    };

    public static bool IsTerminal(this SunoTaskStatus status) =>
        status is SunoTaskStatus.Success or SunoTaskStatus.Failure;
}
