using Microsoft.EntityFrameworkCore;
using Suno.Application.Common.Interfaces;
using Suno.Application.Common.Tenancy;

namespace Suno.Application.Tasks.Common;

/// <summary>The read side of a task: the stored task with its clips, as a <see cref="TaskDto"/>, for its own tenant only.</summary>
public sealed class TaskReader(ISunoDbContext db, ICallerContext caller)
{
    /// <summary>The task; null when it does not exist or belongs to another tenant (the two cannot be told apart).</summary>
    public async Task<TaskDto?> ReadAsync(string taskId, CancellationToken cancellationToken)
    {
        var task = await db.Tasks.AsNoTracking().Include(t => t.Clips).FirstOrDefaultAsync(t => t.Id == taskId && t.TenantId == caller.TenantId, cancellationToken).ConfigureAwait(false);
        return task is null ? null : task.ToDto();
    }
}
