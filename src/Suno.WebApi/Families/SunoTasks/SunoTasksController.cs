using MediatR;
using Microsoft.Extensions.Options;
using Microsoft.AspNetCore.Mvc;
using Suno.Application.Common.Exceptions;
using Suno.Application.Tasks.Commands.SubmitLyrics;
using Suno.Application.Tasks.Commands.SubmitMusic;
using Suno.Application.Tasks.Common;
using Suno.Application.Tasks.Engine;
using Suno.Application.Tasks.Queries.GetTask;
using Suno.Domain.Tasks;
using Suno.Application.Tasks.Queries.GetTasks;
using Suno.WebApi.Hosting;

namespace Suno.WebApi.Families.SunoTasks;

/// <summary>The task routes of the Go gateway (/suno/*), as new-api relays them.</summary>
[ApiController]
[Route("suno")]
[Tags("suno")]
[Produces("application/json")]
[ProducesResponseType<SunoErrorEnvelope>(StatusCodes.Status401Unauthorized)]
[ProducesResponseType<SunoErrorEnvelope>(StatusCodes.Status500InternalServerError)]
public sealed class SunoTasksController(IMediator mediator, SunoEnvelopes envelopes, IOptions<TaskEngineOptions> engine) : ControllerBase
{
    /// <summary>
    /// Submits a task: MUSIC (a song, or a continuation of a clip) or LYRICS, any case. MUSIC answers with the new task
    /// id as soon as Suno accepted the work; the gateway polls Suno in the background. LYRICS answers once Suno wrote
    /// the lyrics (at most Tasks:LyricsWaitSeconds, 2 minutes; then the task id as it is), so the first fetch shows
    /// them. A repeat with the same
    /// Idempotency-Key answers with the first task and calls Suno no second time.
    /// </summary>
    [HttpPost("submit/{taskAction}")]  // not {action}: MVC reserves that route value for its own action selection
    [EndpointName("SubmitTask")]
    [EndpointSummary("Submit a music or lyrics task")]
    [Consumes("application/json")]
    [ProducesResponseType<SunoEnvelope<string>>(StatusCodes.Status200OK)]
    [ProducesResponseType<SunoErrorEnvelope>(StatusCodes.Status400BadRequest)]
    [ProducesResponseType<SunoErrorEnvelope>(StatusCodes.Status402PaymentRequired)]
    [ProducesResponseType<SunoErrorEnvelope>(StatusCodes.Status413PayloadTooLarge)]
    [ProducesResponseType<SunoErrorEnvelope>(StatusCodes.Status415UnsupportedMediaType)]
    [ProducesResponseType<SunoErrorEnvelope>(StatusCodes.Status422UnprocessableEntity)]
    [ProducesResponseType<SunoErrorEnvelope>(StatusCodes.Status429TooManyRequests)]
    [ProducesResponseType<SunoErrorEnvelope>(StatusCodes.Status503ServiceUnavailable)]
    public async Task<IActionResult> SubmitTask(
        [FromRoute] string? taskAction,
        [FromBody] SubmitTaskRequest request,
        [FromHeader(Name = "Idempotency-Key")] string? idempotencyKey,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (!TaskActionNames.TryParse(taskAction, out var kind) || kind is not (TaskAction.Music or TaskAction.Lyrics))
        {
            throw new ValidationException("action", $"invalid action '{taskAction}': use MUSIC or LYRICS");
        }

        var key = string.IsNullOrWhiteSpace(idempotencyKey) ? null : idempotencyKey.Trim();
        IRequest<TaskDto> command = kind == TaskAction.Lyrics
            ? new SubmitLyricsCommand
            {
                Prompt = request.Prompt,
                CallbackUrl = request.CallbackUrl ?? request.CallBackUrlAlias,
                IdempotencyKey = key,
                Wait = TaskWait.Finished,
                MaxWait = engine.Value.LyricsWait,
            }
            : new SubmitMusicCommand
            {
                Prompt = request.Prompt,
                GptDescriptionPrompt = request.GptDescriptionPrompt,
                Title = request.Title,
                Tags = request.Tags,
                NegativeTags = request.NegativeTags,
                VocalGender = request.VocalGender,
                Model = request.Mv ?? request.Model,
                MakeInstrumental = request.MakeInstrumental ?? request.Instrumental ?? false,
                ContinueClipId = request.ContinueClipId,
                ContinueAt = request.ContinueAt,
                SourceTaskId = request.TaskId,
                CallbackUrl = request.CallbackUrl ?? request.CallBackUrlAlias,
                IdempotencyKey = key,
            };
        var task = await mediator.Send(command, cancellationToken);
        return Ok(envelopes.Ok(task.TaskId));
    }

    /// <summary>
    /// One task's result, as the Go gateway answers it: the clips of a music task (every field Suno sent, status
    /// included; empty before Suno answered), or the lyrics object {id, status, title, text} of a lyrics task (null
    /// before it exists). POST /suno/fetch answers the whole task object (status, times, progress).
    /// </summary>
    [HttpGet("fetch/{id}")]
    [EndpointName("FetchTask")]
    [EndpointSummary("Get one task's clips or lyrics")]
    [ProducesResponseType<SunoEnvelope<object>>(StatusCodes.Status200OK)]
    [ProducesResponseType<SunoErrorEnvelope>(StatusCodes.Status400BadRequest)]
    [ProducesResponseType<SunoErrorEnvelope>(StatusCodes.Status404NotFound)]
    public async Task<IActionResult> FetchTask([FromRoute] string id, CancellationToken cancellationToken)
    {
        var task = await mediator.Send(new GetTaskQuery(id), cancellationToken);
        return Ok(envelopes.Ok(SunoTaskObject.From(task).Data));
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
