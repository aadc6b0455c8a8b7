using MediatR;
using Suno.Application.Common.Exceptions;
using Suno.Application.Tasks.Common;

namespace Suno.Application.Tasks.Queries.GetTask;

public sealed class GetTaskQueryHandler(TaskReader reader) : IRequestHandler<GetTaskQuery, TaskDto>
{
    public async Task<TaskDto> Handle(GetTaskQuery request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        return await reader.ReadAsync(request.Id, cancellationToken).ConfigureAwait(false) ?? throw NotFoundException.Task(request.Id);
    }
}
