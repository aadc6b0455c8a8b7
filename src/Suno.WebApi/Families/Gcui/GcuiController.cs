using MediatR;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;
using Suno.Application.Gcui.Commands.ConcatClip;
using Suno.Application.Gcui.Commands.GenerateStems;
using Suno.Application.Gcui.Queries.GetAlignedLyrics;
using Suno.Application.Gcui.Queries.GetAudio;
using Suno.Application.Gcui.Queries.GetClip;
using Suno.Application.Gcui.Queries.GetLimit;
using Suno.Application.Gcui.Queries.GetPersona;
using Suno.Application.Tasks.Commands.SubmitLyrics;
using Suno.Application.Tasks.Commands.SubmitMusic;
using Suno.Application.Tasks.Common;
using Suno.WebApi.Hosting;

namespace Suno.WebApi.Families.Gcui;

/// <summary>
/// The routes of gcui-art/suno-api (/api/*): a program written for it works by changing only its base URL. Every
/// generation is a task of the task engine (also visible through /suno/fetch). A Cookie header holding __client
/// runs the request on that Suno account; otherwise the configured accounts are used.
/// </summary>
[ApiController]
[Route("api")]
[Tags("gcui")]
[Produces("application/json")]
[ProducesResponseType<GcuiError>(StatusCodes.Status401Unauthorized)]
[ProducesResponseType<GcuiError>(StatusCodes.Status500InternalServerError)]
[ProducesResponseType<GcuiError>(StatusCodes.Status503ServiceUnavailable)]
public sealed class GcuiController(IMediator mediator, IOptions<GcuiApiOptions> options) : ControllerBase
{
    /// <summary>
    /// A song from a description (Suno writes the lyrics). Answers the two clips at once (status submitted), or with
    /// wait_audio once both stream or are complete (at most 100 s, then as they are) in the shape of GET /api/get
    /// (error_message when a clip failed, lyrics without blank lines, no negative_tags). Poll GET /api/get?ids= for the
    /// audio. An Idempotency-Key header makes a retry answer with the first generation instead of a new one.
    /// </summary>
    [HttpPost("generate")]
    [EndpointName("GcuiGenerate")]
    [EndpointSummary("Generate a song from a description")]
    [Consumes("application/json")]
    [ProducesResponseType<IReadOnlyList<AudioInfo>>(StatusCodes.Status200OK)]
    [ProducesResponseType<GcuiError>(StatusCodes.Status400BadRequest)]
    [ProducesResponseType<GcuiError>(StatusCodes.Status402PaymentRequired)]
    [ProducesResponseType<GcuiError>(StatusCodes.Status413PayloadTooLarge)]
    [ProducesResponseType<GcuiError>(StatusCodes.Status415UnsupportedMediaType)]
    [ProducesResponseType<GcuiError>(StatusCodes.Status422UnprocessableEntity)]
    [ProducesResponseType<GcuiError>(StatusCodes.Status429TooManyRequests)]
    public Task<IReadOnlyList<AudioInfo>> Generate(
        [FromBody] GcuiGenerateRequest request,
        [FromHeader(Name = "Idempotency-Key")] string? idempotencyKey,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        return GenerateAsync(
            new SubmitMusicCommand
            {
                GptDescriptionPrompt = request.Prompt,
                MakeInstrumental = request.MakeInstrumental ?? false,
                Model = request.Model,
            },
            request.WaitAudio,
            idempotencyKey,
            cancellationToken);
    }

    /// <summary>A song from your lyrics (prompt), style tags and title; answers like /api/generate.</summary>
    [HttpPost("custom_generate")]
    [EndpointName("GcuiCustomGenerate")]
    [EndpointSummary("Generate a song from lyrics, tags and title")]
    [Consumes("application/json")]
    [ProducesResponseType<IReadOnlyList<AudioInfo>>(StatusCodes.Status200OK)]
    [ProducesResponseType<GcuiError>(StatusCodes.Status400BadRequest)]
    [ProducesResponseType<GcuiError>(StatusCodes.Status402PaymentRequired)]
    [ProducesResponseType<GcuiError>(StatusCodes.Status413PayloadTooLarge)]
    [ProducesResponseType<GcuiError>(StatusCodes.Status415UnsupportedMediaType)]
    [ProducesResponseType<GcuiError>(StatusCodes.Status422UnprocessableEntity)]
    [ProducesResponseType<GcuiError>(StatusCodes.Status429TooManyRequests)]
    public Task<IReadOnlyList<AudioInfo>> CustomGenerate(
        [FromBody] GcuiCustomGenerateRequest request,
        [FromHeader(Name = "Idempotency-Key")] string? idempotencyKey,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        return GenerateAsync(
            new SubmitMusicCommand
            {
                Prompt = request.Prompt,
                Tags = request.Tags,
                NegativeTags = request.NegativeTags,
                Title = request.Title,
                MakeInstrumental = request.MakeInstrumental ?? false,
                Model = request.Model,
            },
            request.WaitAudio,
            idempotencyKey,
            cancellationToken);
    }

    /// <summary>
    /// Continues a clip from continue_at seconds. A clip this gateway made is continued on the account that made it;
    /// any other clip on the request's or the configured account. Answers like /api/generate.
    /// </summary>
    [HttpPost("extend_audio")]
    [EndpointName("GcuiExtendAudio")]
    [EndpointSummary("Extend a clip")]
    [Consumes("application/json")]
    [ProducesResponseType<IReadOnlyList<AudioInfo>>(StatusCodes.Status200OK)]
    [ProducesResponseType<GcuiError>(StatusCodes.Status400BadRequest)]
    [ProducesResponseType<GcuiError>(StatusCodes.Status402PaymentRequired)]
    [ProducesResponseType<GcuiError>(StatusCodes.Status413PayloadTooLarge)]
    [ProducesResponseType<GcuiError>(StatusCodes.Status415UnsupportedMediaType)]
    [ProducesResponseType<GcuiError>(StatusCodes.Status422UnprocessableEntity)]
    [ProducesResponseType<GcuiError>(StatusCodes.Status429TooManyRequests)]
    public Task<IReadOnlyList<AudioInfo>> ExtendAudio(
        [FromBody] GcuiExtendAudioRequest request,
        [FromHeader(Name = "Idempotency-Key")] string? idempotencyKey,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        return GenerateAsync(
            new SubmitMusicCommand
            {
                ContinueClipId = request.AudioId?.Trim() ?? string.Empty,
                ContinueAt = request.ContinueAt,
                FindSourceTaskByClip = true,
                Prompt = request.Prompt ?? string.Empty,
                Title = request.Title,
                Tags = request.Tags ?? string.Empty,
                NegativeTags = request.NegativeTags ?? string.Empty,
                Model = request.Model,
            },
            request.WaitAudio,
            idempotencyKey,
            cancellationToken);
    }

    /// <summary>Lyrics from a description: answers Suno's result {id, status, title, text} once written.</summary>
    [HttpPost("generate_lyrics")]
    [EndpointName("GcuiGenerateLyrics")]
    [EndpointSummary("Write lyrics")]
    [Consumes("application/json")]
    [ProducesResponseType<GcuiLyrics>(StatusCodes.Status200OK)]
    [ProducesResponseType<GcuiError>(StatusCodes.Status400BadRequest)]
    [ProducesResponseType<GcuiError>(StatusCodes.Status402PaymentRequired)]
    [ProducesResponseType<GcuiError>(StatusCodes.Status413PayloadTooLarge)]
    [ProducesResponseType<GcuiError>(StatusCodes.Status415UnsupportedMediaType)]
    [ProducesResponseType<GcuiError>(StatusCodes.Status422UnprocessableEntity)]
    [ProducesResponseType<GcuiError>(StatusCodes.Status429TooManyRequests)]
    public async Task<GcuiLyrics> GenerateLyrics([FromBody] GcuiGenerateLyricsRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var command = new SubmitLyricsCommand
        {
            Prompt = request.Prompt,
            Wait = TaskWait.Finished,
            MaxWait = options.Value.WaitAudioTimeout,
            Dialect = SubmissionDialect.Gcui,
        };
        return GcuiLyrics.From(await mediator.Send(command, cancellationToken));
    }

    /// <summary>
    /// Clips by id (ids: a comma list), or without ids the account's recent clips (page: 0, 1, ...). Clips made
    /// through this gateway are answered from its database, so polling this route costs Suno nothing.
    /// </summary>
    [HttpGet("get")]
    [EndpointName("GcuiGet")]
    [EndpointSummary("Get clips")]
    [ProducesResponseType<IReadOnlyList<AudioInfo>>(StatusCodes.Status200OK)]
    [ProducesResponseType<GcuiError>(StatusCodes.Status400BadRequest)]
    [ProducesResponseType<GcuiError>(StatusCodes.Status429TooManyRequests)]
    public async Task<IReadOnlyList<AudioInfo>> Get(
        [FromQuery(Name = "ids")] string? ids,
        [FromQuery(Name = "page")] string? page,
        CancellationToken cancellationToken)
    {
        var clips = await mediator.Send(new GetAudioQuery(ids, page), cancellationToken);
        return clips.Select(AudioInfo.FromGet).ToList();
    }

    /// <summary>The account's credits: {credits_left, period, monthly_limit, monthly_usage}.</summary>
    [HttpGet("get_limit")]
    [EndpointName("GcuiGetLimit")]
    [EndpointSummary("Get the credits left")]
    [ProducesResponseType<GcuiLimit>(StatusCodes.Status200OK)]
    [ProducesResponseType<GcuiError>(StatusCodes.Status400BadRequest)]
    [ProducesResponseType<GcuiError>(StatusCodes.Status429TooManyRequests)]
    public async Task<GcuiLimit> GetLimit(CancellationToken cancellationToken) =>
        GcuiLimit.From(await mediator.Send(new GetLimitQuery(), cancellationToken));

    /// <summary>Suno's clip object as is (every field Suno sends).</summary>
    [HttpGet("clip")]
    [EndpointName("GcuiGetClip")]
    [EndpointSummary("Get Suno's clip object")]
    [ProducesResponseType<object>(StatusCodes.Status200OK)]
    [ProducesResponseType<GcuiError>(StatusCodes.Status400BadRequest)]
    [ProducesResponseType<GcuiError>(StatusCodes.Status404NotFound)]
    [ProducesResponseType<GcuiError>(StatusCodes.Status429TooManyRequests)]
    public async Task<object> GetClip([FromQuery(Name = "id")] string? id, CancellationToken cancellationToken) =>
        await mediator.Send(new GetClipQuery(id), cancellationToken);

    /// <summary>The song's words with their start and end times (word, start_s, end_s, success, p_align), Suno's answer as is.</summary>
    [HttpGet("get_aligned_lyrics")]
    [EndpointName("GcuiGetAlignedLyrics")]
    [EndpointSummary("Get time-aligned lyrics")]
    [ProducesResponseType<object>(StatusCodes.Status200OK)]
    [ProducesResponseType<GcuiError>(StatusCodes.Status400BadRequest)]
    [ProducesResponseType<GcuiError>(StatusCodes.Status404NotFound)]
    [ProducesResponseType<GcuiError>(StatusCodes.Status429TooManyRequests)]
    public async Task<object> GetAlignedLyrics([FromQuery(Name = "song_id")] string? songId, CancellationToken cancellationToken) =>
        await mediator.Send(new GetAlignedLyricsQuery(songId), cancellationToken);

    /// <summary>One page (1, 2, ...) of a persona and its clips, Suno's answer as is.</summary>
    [HttpGet("persona")]
    [EndpointName("GcuiGetPersona")]
    [EndpointSummary("Get a persona page")]
    [ProducesResponseType<object>(StatusCodes.Status200OK)]
    [ProducesResponseType<GcuiError>(StatusCodes.Status400BadRequest)]
    [ProducesResponseType<GcuiError>(StatusCodes.Status404NotFound)]
    [ProducesResponseType<GcuiError>(StatusCodes.Status429TooManyRequests)]
    public async Task<object> GetPersona(
        [FromQuery(Name = "id")] string? id,
        [FromQuery(Name = "page")] string? page,
        CancellationToken cancellationToken) =>
        await mediator.Send(new GetPersonaQuery(id, page), cancellationToken);

    /// <summary>Joins an extension chain into one song; answers Suno's new clip as is.</summary>
    [HttpPost("concat")]
    [EndpointName("GcuiConcat")]
    [EndpointSummary("Concatenate an extended clip into a full song")]
    [Consumes("application/json")]
    [ProducesResponseType<object>(StatusCodes.Status200OK)]
    [ProducesResponseType<GcuiError>(StatusCodes.Status400BadRequest)]
    [ProducesResponseType<GcuiError>(StatusCodes.Status402PaymentRequired)]
    [ProducesResponseType<GcuiError>(StatusCodes.Status404NotFound)]
    [ProducesResponseType<GcuiError>(StatusCodes.Status413PayloadTooLarge)]
    [ProducesResponseType<GcuiError>(StatusCodes.Status415UnsupportedMediaType)]
    [ProducesResponseType<GcuiError>(StatusCodes.Status422UnprocessableEntity)]
    [ProducesResponseType<GcuiError>(StatusCodes.Status429TooManyRequests)]
    public async Task<object> Concat([FromBody] GcuiConcatRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        return await mediator.Send(new ConcatClipCommand(request.ClipId), cancellationToken);
    }

    /// <summary>Splits a clip into stems (vocals and instrumental).</summary>
    [HttpPost("generate_stems")]
    [EndpointName("GcuiGenerateStems")]
    [EndpointSummary("Split a clip into stems")]
    [Consumes("application/json")]
    [ProducesResponseType<IReadOnlyList<GcuiStem>>(StatusCodes.Status200OK)]
    [ProducesResponseType<GcuiError>(StatusCodes.Status400BadRequest)]
    [ProducesResponseType<GcuiError>(StatusCodes.Status402PaymentRequired)]
    [ProducesResponseType<GcuiError>(StatusCodes.Status404NotFound)]
    [ProducesResponseType<GcuiError>(StatusCodes.Status413PayloadTooLarge)]
    [ProducesResponseType<GcuiError>(StatusCodes.Status415UnsupportedMediaType)]
    [ProducesResponseType<GcuiError>(StatusCodes.Status422UnprocessableEntity)]
    [ProducesResponseType<GcuiError>(StatusCodes.Status429TooManyRequests)]
    public async Task<IReadOnlyList<GcuiStem>> GenerateStems([FromBody] GcuiGenerateStemsRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var stems = await mediator.Send(new GenerateStemsCommand(request.AudioId), cancellationToken);
        return stems.Select(GcuiStem.From).ToList();
    }

    /// <summary>Sends the song in gcui-art's terms (its default model, its field names) and answers its clips.</summary>
    private async Task<IReadOnlyList<AudioInfo>> GenerateAsync(
        SubmitMusicCommand song,
        bool? waitAudio,
        string? idempotencyKey,
        CancellationToken cancellationToken)
    {
        var command = song with
        {
            Model = string.IsNullOrWhiteSpace(song.Model) ? options.Value.DefaultModel : song.Model.Trim(),
            IdempotencyKey = string.IsNullOrWhiteSpace(idempotencyKey) ? null : idempotencyKey.Trim(),
            Wait = waitAudio == true ? TaskWait.Playable : TaskWait.None,
            MaxWait = options.Value.WaitAudioTimeout,
            Dialect = SubmissionDialect.Gcui,
        };
        var task = await mediator.Send(command, cancellationToken);

        // gcui-art answers a waited generate with its get() output: what /api/get answers for these ids (error_message,
        // compact lyrics, no negative_tags); the task was just read from the database, as /api/get reads it.
        Func<ClipDto, AudioInfo> shape = command.Wait == TaskWait.None ? AudioInfo.FromGenerate : AudioInfo.FromGet;
        return task.Clips.Select(shape).ToList();
    }
}
