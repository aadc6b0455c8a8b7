using MediatR;
using Microsoft.AspNetCore.Mvc;
using Suno.Application.Tasks.Queries.GetTask;
using Suno.Application.Tasks.Queries.GetTasks;

namespace Suno.WebApi.Families.SunoTasks;

/// <summary>The task routes of the Go gateway (/suno/*), as new-api relays them.</summary>
[ApiController]
[Route("suno")]
[Tags("suno")]
[Produces("application/json")]
[ProducesResponseType<SunoErrorEnvelope>(StatusCodes.Status401Unauthorized)]
[ProducesResponseType<SunoErrorEnvelope>(StatusCodes.Status500InternalServerError)]
public sealed class SunoTasksController(IMediator mediator, SunoEnvelopes envelopes) : ControllerBase
{
    /// <summary>One task with its clips (music) or lyrics.</summary>
    [HttpGet("fetch/{id}")]
    [EndpointName("FetchTask")]
    [EndpointSummary("Get one task")]
    [ProducesResponseType<SunoEnvelope<SunoTaskObject>>(StatusCodes.Status200OK)]
    [ProducesResponseType<SunoErrorEnvelope>(StatusCodes.Status400BadRequest)]
    [ProducesResponseType<SunoErrorEnvelope>(StatusCodes.Status404NotFound)]
    public async Task<IActionResult> FetchTask([FromRoute] string id, CancellationToken cancellationToken)
    {
        var task = await mediator.Send(new GetTaskQuery(id), cancellationToken);
        return Ok(envelopes.Ok(SunoTaskObject.From(task)));
    }

    /// <summary>Several tasks by id, in the order asked; unknown ids are skipped.</summary>
    [HttpPost("fetch")]
    [EndpointName("FetchTasks")]
    [EndpointSummary("Get several tasks")]
    [Consumes("application/json")]
    [ProducesResponseType<SunoEnvelope<IReadOnlyList<SunoTaskObject>>>(StatusCodes.Status200OK)]
    [ProducesResponseType<SunoErrorEnvelope>(StatusCodes.Status400BadRequest)]
    [ProducesResponseType<SunoErrorEnvelope>(StatusCodes.Status413PayloadTooLarge)]
    [ProducesResponseType<SunoErrorEnvelope>(StatusCodes.Status415UnsupportedMediaType)]
    public async Task<IActionResult> FetchTasks([FromBody] FetchTasksRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var tasks = await mediator.Send(new GetTasksQuery(request.Ids!, request.Action), cancellationToken);
        return Ok(envelopes.Ok(tasks.Select(SunoTaskObject.From).ToList()));
    }
}
