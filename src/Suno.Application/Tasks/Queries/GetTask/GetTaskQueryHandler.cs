using MediatR;
using Microsoft.EntityFrameworkCore;
using Suno.Application.Common.Exceptions;
using Suno.Application.Common.Interfaces;
using Suno.Application.Tasks.Common;

namespace Suno.Application.Tasks.Queries.GetTask;

public sealed class GetTaskQueryHandler(ISunoDbContext db) : IRequestHandler<GetTaskQuery, TaskDto>
{
    public async Task<TaskDto> Handle(GetTaskQuery request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var task = await db.Tasks
            .AsNoTracking()
            .Include(t => t.Clips)
            .FirstOrDefaultAsync(t => t.Id == request.Id, cancellationToken)
            .ConfigureAwait(false);

        return task is null ? throw NotFoundException.Task(request.Id) : task.ToDto();
    }
}
