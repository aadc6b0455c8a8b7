using System.Globalization;
using MediatR;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.Extensions.Options;
using Suno.Application.Chat.Commands.StartChatSong;
using Suno.Application.Chat.Common;
using Suno.Application.Common.Exceptions;
using Suno.Application.Tasks.Engine;
using Suno.Infrastructure.Configuration;
using Suno.WebApi.Errors;

namespace Suno.WebApi.Families.OpenAi;

/// <summary>
/// Answers a chat completion: starts the song (or answers a frontend's side request), follows it through the task
/// engine's notifications, and renders the reply from the templates, either as one chat.completion JSON or as a
/// stream with progress. Chat:TimeoutSeconds bounds the wait: a late song is a 504 error, or a stream that ends
/// with a message saying where to fetch the song later.
/// </summary>
public sealed partial class ChatCompletionResponder(
    IMediator mediator,
    ChatSongFollower follower,
    IChatReplyRenderer renderer,
    IOptions<ChatOptions> chat,
    IOptions<TaskEngineOptions> engine,
    IOptions<JsonOptions> json,
    TimeProvider timeProvider,
    ILogger<ChatCompletionResponder> logger)
{
    private TimeSpan Timeout => TimeSpan.FromSeconds(chat.Value.TimeoutSeconds);

    public async Task<ChatCompletion> CompleteAsync(ChatCompletionRequest request, string? accountCookie, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var command = Command(request, accountCookie);
        var start = await mediator.Send(command, cancellationToken).ConfigureAwait(false);
        var content = start.Reply;
        if (content is null)
        {
            ChatSongUpdate? last = null;
            await foreach (var update in follower.FollowAsync(start.TaskId!, ModelName(request), Timeout, cancellationToken).ConfigureAwait(false))
            {
                last = update;
            }

            if (last!.Progress == ChatSongProgress.TimedOut)
            {
                throw ChatTimeoutException.For(last.Song, Timeout);
            }

            content = renderer.Reply(last.Song).Trim();
        }

        return new ChatCompletion
        {
            Id = NewId(),
            Created = timeProvider.GetUtcNow().ToUnixTimeSeconds(),
            Model = ModelName(request),
            Choices = [new ChatCompletionChoice { Message = new ChatCompletionReply { Content = content }, FinishReason = "stop" }],
            Usage = new ChatUsage
            {
                PromptTokens = ChatUsage.Estimate(PromptCharacters(command)),
                CompletionTokens = ChatUsage.Estimate(content.Length),
            },
        };
    }

    public async Task StreamAsync(ChatCompletionRequest request, string? accountCookie, HttpResponse response, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(response);
        var stream = new ChatCompletionStream(
            response,
            json.Value.SerializerOptions,
            NewId(),
            timeProvider.GetUtcNow().ToUnixTimeSeconds(),
            ModelName(request),
            request.StreamOptions?.IncludeUsage == true);
        // The headers and the role chunk go out once the request is known to be valid, before planning and
        // submission: a frontend (NextChat gives up after 60 s without headers) sees the answer begin at once.
        var command = Command(request, accountCookie) with { OnAccepted = stream.StartAsync };
        try
        {
            await StreamContentAsync(request, command, stream, cancellationToken).ConfigureAwait(false);
            await stream.FinishAsync(PromptCharacters(command), cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (stream.Started && !cancellationToken.IsCancellationRequested)
        {
            // Too late for a status code: the error becomes an event the SDKs raise.
            var error = Errors.GatewayExceptionHandler.Map(ex);
            if (ex is not SunoApplicationException)
            {
                LogStreamFailed(logger, ex);
            }

            await stream.FailAsync(error, cancellationToken).ConfigureAwait(false);
        }
    }

    private async Task StreamContentAsync(ChatCompletionRequest request, StartChatSongCommand command, ChatCompletionStream stream, CancellationToken cancellationToken)
    {
        var start = await mediator.Send(command, cancellationToken).ConfigureAwait(false);
        if (start.Reply is not null)
        {
            await stream.ContentAsync(start.Reply, cancellationToken).ConfigureAwait(false);
            return;
        }

        var first = true;
        await foreach (var update in follower.FollowAsync(start.TaskId!, ModelName(request), Timeout, cancellationToken).ConfigureAwait(false))
        {
            if (first)
            {
                await stream.ContentAsync(renderer.Submitted(update.Song), cancellationToken).ConfigureAwait(false);
            }

            var text = update.Progress switch
            {
                // A blank line between the progress notes and the song, so its first heading starts a line.
                ChatSongProgress.Finished => "\n\n" + renderer.Reply(update.Song).TrimStart(),
                ChatSongProgress.TimedOut => "\n\n⏱️ " + ChatTimeoutException.TimeoutText(update.Song, Timeout),
                _ when first => string.Empty,
                _ => renderer.Tick(update.Song),
            };
            first = false;
            await stream.ContentAsync(text, cancellationToken).ConfigureAwait(false);
        }
    }

    private string ModelName(ChatCompletionRequest request) =>
        string.IsNullOrWhiteSpace(request.Model) ? engine.Value.DefaultModel : request.Model.Trim();

    private static StartChatSongCommand Command(ChatCompletionRequest request, string? accountCookie) => new()
    {
        Messages = request.ToConversation(),
        Model = request.Model,
        AccountCookie = accountCookie,
    };

    private static int PromptCharacters(StartChatSongCommand command) => command.Messages.Sum(m => m.Content.Length);

    private static string NewId() => "chatcmpl-" + Guid.NewGuid().ToString("N", CultureInfo.InvariantCulture);

    [LoggerMessage(Level = LogLevel.Error, Message = "A chat completion stream failed after its headers were sent")]
    private static partial void LogStreamFailed(ILogger logger, Exception exception);
}
