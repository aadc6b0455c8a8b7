using MediatR;
using Suno.Application.Tasks.Common;
using Suno.Application.Tasks.Engine;

namespace Suno.Application.Tasks.Commands.SubmitMusic;

public sealed class SubmitMusicCommandHandler(TaskSubmitter submitter, TaskWaiter waiter) : IRequestHandler<SubmitMusicCommand, TaskDto>
{
    public async Task<TaskDto> Handle(SubmitMusicCommand request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var taskId = await submitter.SubmitMusicAsync(request, cancellationToken).ConfigureAwait(false);
        return await waiter.AnswerAsync(taskId, request.Wait, request.MaxWait, cancellationToken).ConfigureAwait(false);
    }
}
