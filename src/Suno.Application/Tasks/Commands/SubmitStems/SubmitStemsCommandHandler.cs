using MediatR;
using Suno.Application.Tasks.Common;
using Suno.Application.Tasks.Engine;

namespace Suno.Application.Tasks.Commands.SubmitStems;

public sealed class SubmitStemsCommandHandler(TaskSubmitter submitter, TaskWaiter waiter) : IRequestHandler<SubmitStemsCommand, TaskDto>
{
    public async Task<TaskDto> Handle(SubmitStemsCommand request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var taskId = await submitter.SubmitStemsAsync(request, cancellationToken).ConfigureAwait(false);
        return await waiter.AnswerAsync(taskId, TaskWait.None, TimeSpan.Zero, cancellationToken).ConfigureAwait(false);
    }
}
