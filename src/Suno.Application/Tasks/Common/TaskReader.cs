using AutoMapper;
using Microsoft.EntityFrameworkCore;
using Suno.Application.Common.Interfaces;

namespace Suno.Application.Tasks.Common;

/// <summary>The read side of a task: the stored task with its clips, as a <see cref="TaskDto"/>.</summary>
public sealed class TaskReader(ISunoDbContext db, IMapper mapper)
{
    /// <summary>The task; null when it does not exist.</summary>
    public async Task<TaskDto?> ReadAsync(string taskId, CancellationToken cancellationToken)
    {
        var task = await db.Tasks.AsNoTracking().Include(t => t.Clips).FirstOrDefaultAsync(t => t.Id == taskId, cancellationToken).ConfigureAwait(false);
        return task is null ? null : mapper.Map<TaskDto>(task);
    }
}
