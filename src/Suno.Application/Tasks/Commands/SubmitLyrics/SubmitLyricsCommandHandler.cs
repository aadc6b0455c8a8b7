using MediatR;
using Suno.Application.Tasks.Common;
using Suno.Application.Tasks.Engine;

namespace Suno.Application.Tasks.Commands.SubmitLyrics;

public sealed class SubmitLyricsCommandHandler(TaskSubmitter submitter, TaskWaiter waiter) : IRequestHandler<SubmitLyricsCommand, TaskDto>
{
    public async Task<TaskDto> Handle(SubmitLyricsCommand request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var taskId = await submitter.SubmitLyricsAsync(request, cancellationToken).ConfigureAwait(false);
        return await waiter.AnswerAsync(taskId, request.Wait, request.MaxWait, cancellationToken).ConfigureAwait(false);
    }
}
