using MediatR;
using Suno.Application.Clips;
using Suno.Application.Common.Exceptions;
using Suno.Application.Tasks.Common;

namespace Suno.Application.Tasks.Queries.GetTimestampedLyrics;

public sealed class GetTimestampedLyricsQueryHandler(TaskReader tasks, AlignedLyricsReader lyrics)
    : IRequestHandler<GetTimestampedLyricsQuery, AlignedLyrics>
{
    public async Task<AlignedLyrics> Handle(GetTimestampedLyricsQuery request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var taskId = request.TaskId!.Trim();
        var task = await tasks.ReadAsync(taskId, cancellationToken).ConfigureAwait(false) ?? throw NotFoundException.Task(taskId);
        return await lyrics.ReadAsync(ClipOf(task, request), cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The clip asked for: audioId when given (it must be one of the task's), else the one at musicIndex.</summary>
    private static string ClipOf(TaskDto task, GetTimestampedLyricsQuery request)
    {
        if (!string.IsNullOrWhiteSpace(request.AudioId))
        {
            return task.Clips.Any(c => c.Id == request.AudioId)
                ? request.AudioId
                : throw new ValidationException("audioId", $"audioId {request.AudioId} is not a clip of task {task.TaskId}");
        }

        var index = request.MusicIndex ?? 0;
        return index < task.Clips.Count
            ? task.Clips[index].Id
            : throw new ValidationException("musicIndex", $"musicIndex {index}: task {task.TaskId} has {task.Clips.Count} clip(s)");
    }
}
