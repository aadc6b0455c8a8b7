using MediatR;
using Microsoft.EntityFrameworkCore;
using Suno.Application.Common.Interfaces;
using Suno.Application.Common.Tenancy;
using Suno.Application.Tasks.Common;
using Suno.Domain.Tasks;

namespace Suno.Application.Tasks.Queries.GetTasks;

public sealed class GetTasksQueryHandler(ISunoDbContext db, ICallerContext caller)
    : IRequestHandler<GetTasksQuery, IReadOnlyList<TaskDto>>
{
    public async Task<IReadOnlyList<TaskDto>> Handle(GetTasksQuery request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var ids = request.Ids.Distinct(StringComparer.Ordinal).ToList();
        if (ids.Count == 0)
        {
            return [];
        }

        var query = db.Tasks.AsNoTracking().Include(t => t.Clips).Where(t => ids.Contains(t.Id) && t.TenantId == caller.TenantId);
        if (TaskActionNames.TryParse(request.Action, out var action))
        {
            query = query.Where(t => t.Action == action);
        }

        var found = await query.ToListAsync(cancellationToken).ConfigureAwait(false);
        var byId = found.ToDictionary(t => t.Id, StringComparer.Ordinal);
        return ids.Where(byId.ContainsKey).Select(id => byId[id].ToDto()).ToList();
    }
}
