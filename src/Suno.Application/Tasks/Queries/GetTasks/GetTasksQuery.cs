using MediatR;
using Suno.Application.Tasks.Common;

namespace Suno.Application.Tasks.Queries.GetTasks;

/// <summary>
/// Several tasks by id, in the order asked (duplicates once); ids that do not exist are skipped, as the reference
/// gateways do. <paramref name="Action"/> (MUSIC, LYRICS, any case) keeps only tasks of that action.
/// </summary>
public sealed record GetTasksQuery(IReadOnlyList<string> Ids, string? Action = null) : IRequest<IReadOnlyList<TaskDto>>
{
    /// <summary>Most ids one call may ask for (new-api polls up to this many per channel).</summary>
    public const int MaxIds = 500;
}
