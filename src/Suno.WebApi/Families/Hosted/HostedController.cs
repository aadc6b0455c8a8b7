using MediatR;
using Microsoft.AspNetCore.Mvc;
using Suno.Application.Common.Exceptions;
using Suno.Application.Gcui.Queries.GetLimit;
using Suno.Application.Tasks.Commands.SubmitLyrics;
using Suno.Application.Tasks.Commands.SubmitMusic;
using Suno.Application.Tasks.Commands.SubmitStems;
using Suno.Application.Tasks.Common;
using Suno.Application.Tasks.Hosted;
using Suno.Application.Tasks.Queries.GetTask;
using Suno.Application.Tasks.Queries.GetTimestampedLyrics;

namespace Suno.WebApi.Families.Hosted;

/// <summary>
/// The hosted API (sunoapi.org's /api/v1/*): a client written for it works by changing its base URL and key. The key
/// is the gateway's SECRET_TOKEN (any key when none is set). Every answer is HTTP 200 with {code, msg, data}; an
/// error is in code (400, 401, 404, 413, 429 out of credits, 430 Suno's rate limit, 500). Submissions answer at once
/// with the task id; the gateway polls Suno and record-info shows the progress.
/// </summary>
[ApiController]
[Route("api/v1")]
[Tags("hosted")]
[Produces("application/json")]
public sealed class HostedController(IMediator mediator) : ControllerBase
{
    /// <summary>
    /// A song (two clips). customMode false: prompt describes the song (at most 500 characters). customMode true:
    /// style and title, and prompt (the lyrics) unless instrumental; limits by model (prompt 3000 up to V4, else
    /// 5000; style 200 / 1000; title 80 for V3_5, V4, V4_5ALL, else 100; too long is code 413).
    /// </summary>
    [HttpPost("generate")]
    [EndpointName("HostedGenerate")]
    [EndpointSummary("Generate music")]
    [Consumes("application/json")]
    [ProducesResponseType<HostedResponse<HostedTaskId>>(StatusCodes.Status200OK)]
    public async Task<IActionResult> Generate([FromBody] HostedGenerateRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var custom = request.CustomMode == true;
        var command = new SubmitMusicCommand
        {
            Dialect = SubmissionDialect.Hosted,
            Hosted = new HostedFlags(request.CustomMode, request.Instrumental),
            Model = request.Model,
            CallbackUrl = request.CallBackUrl,
            MakeInstrumental = request.Instrumental ?? false,
            GptDescriptionPrompt = custom ? null : request.Prompt,
            Prompt = custom ? request.Prompt : null,
            Tags = custom ? request.Style : null,
            Title = custom ? request.Title : null,
            NegativeTags = request.NegativeTags,
            VocalGender = custom ? request.VocalGender : null,
        };
        var task = await mediator.Send(command, cancellationToken);
        return Ok(HostedResponse.Ok(new HostedTaskId(task.TaskId)));
    }

    /// <summary>
    /// Continues a clip (audioId: a sunoData[].id of record-info). defaultParamFlag true: prompt, style, title and
    /// continueAt (seconds, inside the clip), style and title (the clip's when left out); false: the clip's style and
    /// title are kept. callBackUrl may be left out here (then there are no callbacks).
    /// </summary>
    [HttpPost("generate/extend")]
    [EndpointName("HostedExtend")]
    [EndpointSummary("Extend music")]
    [Consumes("application/json")]
    [ProducesResponseType<HostedResponse<HostedTaskId>>(StatusCodes.Status200OK)]
    public async Task<IActionResult> Extend([FromBody] HostedExtendRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var own = request.DefaultParamFlag == true;
        var command = new SubmitMusicCommand
        {
            Dialect = SubmissionDialect.Hosted,
            Hosted = new HostedFlags(CustomMode: null, request.Instrumental, request.DefaultParamFlag, IsExtend: true),
            Model = request.Model,
            CallbackUrl = request.CallBackUrl,
            ContinueClipId = request.AudioId,
            FindSourceTaskByClip = true,
            ContinueAt = request.ContinueAt,
            MakeInstrumental = request.Instrumental ?? false,
            Prompt = own ? request.Prompt : null,
            Tags = own ? request.Style : null,
            Title = own ? request.Title : null,
            NegativeTags = request.NegativeTags,
            VocalGender = request.VocalGender,
        };
        var task = await mediator.Send(command, cancellationToken);
        return Ok(HostedResponse.Ok(new HostedTaskId(task.TaskId)));
    }

    /// <summary>
    /// A task's progress and clips: status PENDING → TEXT_SUCCESS → FIRST_SUCCESS → SUCCESS (or CREATE_TASK_FAILED,
    /// GENERATE_AUDIO_FAILED); response.sunoData in camelCase and response.data in snake_case. A lyrics task's id
    /// answers the lyrics record, as /api/v1/lyrics/record-info does, and a vocal removal's id the vocal removal record
    /// (with status beside successFlag). Another tenant's task is code 404.
    /// </summary>
    [HttpGet("generate/record-info")]
    [EndpointName("HostedRecordInfo")]
    [EndpointSummary("Get music generation details")]
    [ProducesResponseType<HostedResponse<HostedRecord<HostedMusicResponse>>>(StatusCodes.Status200OK)]
    public Task<IActionResult> RecordInfo([FromQuery] string? taskId, CancellationToken cancellationToken) =>
        RecordAsync(taskId, cancellationToken);

    /// <summary>
    /// The sung words of one clip of a task, with their times, read from Suno now: audioId (one of the task's clips)
    /// when given, else musicIndex 0 or 1. Another tenant's task is code 404.
    /// </summary>
    [HttpPost("generate/get-timestamped-lyrics")]
    [EndpointName("HostedTimestampedLyrics")]
    [EndpointSummary("Get timestamped lyrics")]
    [Consumes("application/json")]
    [ProducesResponseType<HostedResponse<HostedTimestampedLyrics>>(StatusCodes.Status200OK)]
    public async Task<IActionResult> TimestampedLyrics([FromBody] HostedTimestampedLyricsRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var lyrics = await mediator.Send(new GetTimestampedLyricsQuery(request.TaskId, request.AudioId, request.MusicIndex), cancellationToken);
        return Ok(HostedResponse.Ok(HostedTimestampedLyrics.From(lyrics)));
    }

    /// <summary>Lyrics from a description (at most 200 words); answers the task id at once.</summary>
    [HttpPost("lyrics")]
    [EndpointName("HostedLyrics")]
    [EndpointSummary("Generate lyrics")]
    [Consumes("application/json")]
    [ProducesResponseType<HostedResponse<HostedTaskId>>(StatusCodes.Status200OK)]
    public async Task<IActionResult> Lyrics([FromBody] HostedLyricsRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var task = await mediator.Send(
            new SubmitLyricsCommand { Dialect = SubmissionDialect.Hosted, Prompt = request.Prompt, CallbackUrl = request.CallBackUrl },
            cancellationToken);
        return Ok(HostedResponse.Ok(new HostedTaskId(task.TaskId)));
    }

    /// <summary>A lyrics task: status PENDING, SUCCESS, CREATE_TASK_FAILED or GENERATE_LYRICS_FAILED; response.data [{text, title, status, errorMessage}].</summary>
    [HttpGet("lyrics/record-info")]
    [EndpointName("HostedLyricsRecordInfo")]
    [EndpointSummary("Get lyrics generation details")]
    [ProducesResponseType<HostedResponse<HostedRecord<HostedLyricsResponse>>>(StatusCodes.Status200OK)]
    public Task<IActionResult> LyricsRecordInfo([FromQuery] string? taskId, CancellationToken cancellationToken) =>
        RecordAsync(taskId, cancellationToken);

    /// <summary>
    /// Splits a clip (audioId, a sunoData[].id of the music task taskId) into vocals and instrumental with Suno's
    /// stems; answers the new task's id at once, and callBackUrl gets the result. type separate_vocal (the default);
    /// split_stem (12 stems) is code 400, not supported yet. The clip must be complete; another tenant's task is code 404.
    /// </summary>
    [HttpPost("vocal-removal/generate")]
    [EndpointName("HostedVocalRemoval")]
    [EndpointSummary("Separate vocals from music")]
    [Consumes("application/json")]
    [ProducesResponseType<HostedResponse<HostedTaskId>>(StatusCodes.Status200OK)]
    public async Task<IActionResult> VocalRemoval([FromBody] HostedVocalRemovalRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var task = await mediator.Send(
            new SubmitStemsCommand { TaskId = request.TaskId, AudioId = request.AudioId, CallbackUrl = request.CallBackUrl, Type = request.Type },
            cancellationToken);
        return Ok(HostedResponse.Ok(new HostedTaskId(task.TaskId)));
    }

    /// <summary>
    /// A vocal removal: successFlag PENDING, SUCCESS, CREATE_TASK_FAILED, GENERATE_AUDIO_FAILED or CALLBACK_EXCEPTION;
    /// response.originUrl, vocalUrl and instrumentalUrl (the other stems null).
    /// </summary>
    [HttpGet("vocal-removal/record-info")]
    [EndpointName("HostedVocalRemovalRecordInfo")]
    [EndpointSummary("Get vocal separation details")]
    [ProducesResponseType<HostedResponse<HostedVocalRemovalRecord>>(StatusCodes.Status200OK)]
    public Task<IActionResult> VocalRemovalRecordInfo([FromQuery] string? taskId, CancellationToken cancellationToken) =>
        RecordAsync(taskId, cancellationToken);

    /// <summary>The account's remaining credits, read from Suno now; data is the number.</summary>
    [HttpGet("generate/credit")]
    [EndpointName("HostedCredit")]
    [EndpointSummary("Get remaining credits")]
    [ProducesResponseType<HostedResponse<int>>(StatusCodes.Status200OK)]
    public async Task<IActionResult> Credit(CancellationToken cancellationToken)
    {
        var credits = await mediator.Send(new GetLimitQuery(), cancellationToken);
        return Ok(HostedResponse.Ok(credits.CreditsLeft));
    }

    /// <summary>The same credits as data.credits (the path and shape the hosted API's sample client reads).</summary>
    [HttpGet("get-credits")]
    [EndpointName("HostedGetCredits")]
    [EndpointSummary("Get remaining credits (sample client's path)")]
    [ProducesResponseType<HostedResponse<HostedCredits>>(StatusCodes.Status200OK)]
    public async Task<IActionResult> GetCredits(CancellationToken cancellationToken)
    {
        var credits = await mediator.Send(new GetLimitQuery(), cancellationToken);
        return Ok(HostedResponse.Ok(new HostedCredits(credits.CreditsLeft)));
    }

    private async Task<IActionResult> RecordAsync(string? taskId, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(taskId))
        {
            throw new ValidationException("taskId", "taskId is required: the id a submission answered");
        }

        var task = await mediator.Send(new GetTaskQuery(taskId.Trim()), cancellationToken);
        return task.Action switch
        {
            "LYRICS" => Ok(HostedResponse.Ok(HostedRecords.Lyrics(task))),
            HostedVocalRemoval.Action => Ok(HostedResponse.Ok(HostedVocalRemovalRecord.From(task))),
            _ => Ok(HostedResponse.Ok(HostedRecords.Music(task))),
        };
    }
}
