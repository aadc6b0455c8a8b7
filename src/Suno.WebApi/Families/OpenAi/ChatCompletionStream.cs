using System.Text;
using System.Text.Json;
using Suno.Application.Chat.Common;
using Suno.Application.Common.Exceptions;
using Suno.WebApi.Errors;

namespace Suno.WebApi.Families.OpenAi;

/// <summary>
/// Writes one chat completion as Server-Sent Events, the way the OpenAI SDKs decode it: headers and a first chunk
/// with delta.role "assistant" once the use case accepted the request (<see cref="StartAsync"/>), content chunks, a
/// chunk with finish_reason stop, an optional usage chunk (choices []), then <c>data: [DONE]</c>. Each event is
/// flushed when written. An error after the headers becomes an error event.
/// </summary>
internal sealed partial class ChatCompletionStream(HttpResponse response, JsonSerializerOptions json, string id, long created, bool includeUsage, ILogger logger)
{
    private static readonly byte[] Done = Encoding.UTF8.GetBytes("data: [DONE]\n\n");
    private int _contentCharacters;
    private string _model = string.Empty;

    /// <summary>Serialises <paramref name="events"/>: headers on the first, content on the others, the end after the last.</summary>
    public async Task WriteAsync(IAsyncEnumerable<ChatEvent> events, int promptCharacters, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(events);
        try
        {
            await foreach (var chatEvent in events.WithCancellation(cancellationToken).ConfigureAwait(false))
            {
                if (chatEvent.Kind == ChatEventKind.Accepted)
                {
                    _model = chatEvent.Model;
                    await StartAsync(cancellationToken).ConfigureAwait(false);
                }
                else
                {
                    await ContentAsync(chatEvent.Text, cancellationToken).ConfigureAwait(false);
                }
            }

            await FinishAsync(promptCharacters, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (Started && !cancellationToken.IsCancellationRequested)
        {
            // Too late for a status code: the error becomes an event the SDKs raise.
            if (ex is not SunoApplicationException)
            {
                LogStreamFailed(logger, ex);
            }

            await FailAsync(GatewayExceptionHandler.Map(ex), cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>Whether the headers are out (errors can then only be told inside the stream).</summary>
    public bool Started => response.HasStarted;

    private async Task StartAsync(CancellationToken cancellationToken)
    {
        response.StatusCode = StatusCodes.Status200OK;
        response.ContentType = "text/event-stream; charset=utf-8";
        response.Headers.CacheControl = "no-cache";
        response.Headers["X-Accel-Buffering"] = "no";
        await response.StartAsync(cancellationToken).ConfigureAwait(false);
        await WriteAsync(Chunk(new ChatDelta { Role = "assistant", Content = string.Empty }, null), cancellationToken).ConfigureAwait(false);
    }

    private Task ContentAsync(string text, CancellationToken cancellationToken)
    {
        if (string.IsNullOrEmpty(text))
        {
            return Task.CompletedTask;
        }

        _contentCharacters += text.Length;
        return WriteAsync(Chunk(new ChatDelta { Content = text }, null), cancellationToken);
    }

    /// <summary>The stop chunk, the usage chunk when asked for, and [DONE].</summary>
    private async Task FinishAsync(int promptCharacters, CancellationToken cancellationToken)
    {
        await WriteAsync(Chunk(new ChatDelta(), "stop"), cancellationToken).ConfigureAwait(false);
        if (includeUsage)
        {
            var usage = new ChatUsage
            {
                PromptTokens = ChatUsage.Estimate(promptCharacters),
                CompletionTokens = ChatUsage.Estimate(_contentCharacters),
            };
            await WriteAsync(new ChatCompletionChunk { Id = id, Created = created, Model = _model, Choices = [], Usage = usage }, cancellationToken)
                .ConfigureAwait(false);
        }

        await response.Body.WriteAsync(Done, cancellationToken).ConfigureAwait(false);
        await response.Body.FlushAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>An error after the headers: an event {"error": {...}} (the SDKs raise it as an APIError), then [DONE].</summary>
    private async Task FailAsync(ApiError error, CancellationToken cancellationToken)
    {
        var payload = JsonSerializer.Serialize(OpenAiErrorEnvelope.From(error), json);
        await response.Body.WriteAsync(Encoding.UTF8.GetBytes($"data: {payload}\n\n"), cancellationToken).ConfigureAwait(false);
        await response.Body.WriteAsync(Done, cancellationToken).ConfigureAwait(false);
        await response.Body.FlushAsync(cancellationToken).ConfigureAwait(false);
    }

    private ChatCompletionChunk Chunk(ChatDelta delta, string? finishReason) => new()
    {
        Id = id,
        Created = created,
        Model = _model,
        Choices = [new ChatChunkChoice { Index = 0, Delta = delta, FinishReason = finishReason }],
    };

    [LoggerMessage(Level = LogLevel.Error, Message = "A chat completion stream failed after its headers were sent")]
    private static partial void LogStreamFailed(ILogger logger, Exception exception);

    private async Task WriteAsync(ChatCompletionChunk chunk, CancellationToken cancellationToken)
    {
        var payload = JsonSerializer.Serialize(chunk, json);
        await response.Body.WriteAsync(Encoding.UTF8.GetBytes($"data: {payload}\n\n"), cancellationToken).ConfigureAwait(false);
        await response.Body.FlushAsync(cancellationToken).ConfigureAwait(false);
    }
}
