using MediatR;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;
using Suno.Application.Chat.Commands.CreateChatCompletion;
using Suno.Application.Models;
using Suno.WebApi.Hosting;

namespace Suno.WebApi.Families.OpenAi;

/// <summary>
/// The OpenAI-compatible routes: a chat turn makes a song (POST /v1/chat/completions), and the Suno models are listed
/// as OpenAI models (GET /v1/models), so the openai SDKs, LangChain and chat frontends work with a base URL change.
/// </summary>
[ApiController]
[Route("v1")]
[Tags("openai")]
[ProducesResponseType<OpenAiErrorResponse>(StatusCodes.Status401Unauthorized, "application/json")]
[ProducesResponseType<OpenAiErrorResponse>(StatusCodes.Status500InternalServerError, "application/json")]
public sealed class OpenAiController(IMediator mediator, IOptions<Microsoft.AspNetCore.Http.Json.JsonOptions> json, TimeProvider clock, ILogger<OpenAiController> logger) : ControllerBase
{
    /// <summary>Fixed creation time of the listed models (Suno publishes none): 2024-01-01.</summary>
    private const long ModelsCreated = 1_704_067_200;

    /// <summary>
    /// Makes a song from the conversation and answers with it (markdown: title, cover, audio and video links, lyrics).
    /// stream=false: one chat.completion object once the song is ready (504 when Chat:TimeoutSeconds passes first).
    /// stream=true: text/event-stream chunks at once, progress while the song is made, the song, then [DONE].
    /// Frontends' title requests and memory summaries are answered without making a song.
    /// </summary>
    [HttpPost("chat/completions")]
    [EndpointName("CreateChatCompletion")]
    [EndpointSummary("Make a song from a chat conversation")]
    [Consumes("application/json")]
    [ProducesResponseType<ChatCompletion>(StatusCodes.Status200OK, "application/json", "text/event-stream")]
    [ProducesResponseType<OpenAiErrorResponse>(StatusCodes.Status400BadRequest, "application/json")]
    [ProducesResponseType<OpenAiErrorResponse>(StatusCodes.Status402PaymentRequired, "application/json")]
    [ProducesResponseType<OpenAiErrorResponse>(StatusCodes.Status413PayloadTooLarge, "application/json")]
    [ProducesResponseType<OpenAiErrorResponse>(StatusCodes.Status415UnsupportedMediaType, "application/json")]
    [ProducesResponseType<OpenAiErrorResponse>(StatusCodes.Status422UnprocessableEntity, "application/json")]
    [ProducesResponseType<OpenAiErrorResponse>(StatusCodes.Status429TooManyRequests, "application/json")]
    [ProducesResponseType<OpenAiErrorResponse>(StatusCodes.Status503ServiceUnavailable, "application/json")]
    [ProducesResponseType<OpenAiErrorResponse>(StatusCodes.Status504GatewayTimeout, "application/json")]
    public async Task<IActionResult> CreateChatCompletion([FromBody] ChatCompletionRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var command = new CreateChatCompletionCommand
        {
            Messages = request.ToConversation(),
            Model = request.Model,
            Stream = request.Stream == true,
        };
        var promptCharacters = command.Messages.Sum(m => m.Content.Length);
        var created = clock.GetUtcNow().ToUnixTimeSeconds();
        var events = await mediator.Send(command, cancellationToken);  // a bad request fails here, before any header
        if (command.Stream)
        {
            var stream = new ChatCompletionStream(
                Response, json.Value.SerializerOptions, ChatCompletion.NewId(), created, request.StreamOptions?.IncludeUsage == true, logger);
            await stream.WriteAsync(events, promptCharacters, cancellationToken);
            return new EmptyResult();
        }

        return Ok(await ChatCompletion.FromAsync(events, promptCharacters, created, cancellationToken));
    }

    /// <summary>The Suno models, by upstream name and by alias; any of these ids is a valid model of a chat completion.</summary>
    [HttpGet("models")]
    [EndpointName("ListModels")]
    [EndpointSummary("List the Suno models")]
    [ProducesResponseType<ModelList>(StatusCodes.Status200OK, "application/json")]
    public IActionResult ListModels() =>
        Ok(new ModelList { Data = SunoModelCatalog.AcceptedNames.Select(Model).ToList() });

    /// <summary>One model by name or alias; 404 when unknown.</summary>
    [HttpGet("models/{model}")]
    [EndpointName("RetrieveModel")]
    [EndpointSummary("Get one Suno model")]
    [ProducesResponseType<ModelObject>(StatusCodes.Status200OK, "application/json")]
    [ProducesResponseType<OpenAiErrorResponse>(StatusCodes.Status404NotFound, "application/json")]
    public IActionResult RetrieveModel([FromRoute] string model)
    {
        var known = SunoModelCatalog.AcceptedNames.FirstOrDefault(n => string.Equals(n, model, StringComparison.OrdinalIgnoreCase));
        return known is null
            ? throw new Application.Common.Exceptions.NotFoundException("model_not_found", $"model '{model}' does not exist")
            : Ok(Model(known));
    }

    private static ModelObject Model(string name)
    {
        SunoModelCatalog.TryResolve(name, out var model);
        return new ModelObject { Id = name, Created = ModelsCreated, Root = model.Mv };
    }
}
