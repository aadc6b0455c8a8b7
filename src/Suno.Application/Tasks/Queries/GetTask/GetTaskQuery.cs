using MediatR;
using Suno.Application.Tasks.Common;

namespace Suno.Application.Tasks.Queries.GetTask;

/// <summary>One task by its id; throws <c>NotFoundException</c> (task_not_exist) when there is none.</summary>
public sealed record GetTaskQuery(string Id) : IRequest<TaskDto>;
