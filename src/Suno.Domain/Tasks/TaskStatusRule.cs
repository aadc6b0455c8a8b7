using Suno.Domain.Clips;

namespace Suno.Domain.Tasks;

/// <summary>
/// Turns clip statuses into one task status, as the Go reference gateway (and so new-api) does:
/// each clip maps to a task status (submitted → SUBMITTED, queued → QUEUED, streaming → IN_PROGRESS,
/// complete → SUCCESS, error or anything unknown → FAILURE); two equal statuses give that status; otherwise,
/// if one clip is complete the other's status wins, else the first clip's does. Over any number of clips this
/// is: the status of the first clip that is not complete, or SUCCESS when all are.
/// </summary>
public static class TaskStatusRule
{
    public static SunoTaskStatus ForClip(ClipStatus status) => status switch
    {
        ClipStatus.Submitted => SunoTaskStatus.Submitted,
        ClipStatus.Queued => SunoTaskStatus.Queued,
        ClipStatus.Streaming => SunoTaskStatus.InProgress,
        ClipStatus.Complete => SunoTaskStatus.Success,
        _ => SunoTaskStatus.Failure,
    };

    public static SunoTaskStatus FromClips(IEnumerable<ClipStatus> statuses)
    {
        ArgumentNullException.ThrowIfNull(statuses);
        var any = false;
        foreach (var status in statuses)
        {
            any = true;
            if (status != ClipStatus.Complete)
            {
                return ForClip(status);
            }
        }

        if (!any)
        {
            throw new ArgumentException("A task status needs at least one clip status.", nameof(statuses));
        }

        return SunoTaskStatus.Success;
    }
}
