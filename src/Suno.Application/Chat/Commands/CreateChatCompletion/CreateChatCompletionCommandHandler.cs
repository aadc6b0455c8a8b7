using System.Runtime.CompilerServices;
using MediatR;
using Microsoft.Extensions.Options;
using Suno.Application.Chat.Common;
using Suno.Application.Models;
using Suno.Application.Tasks.Commands.SubmitMusic;
using Suno.Application.Tasks.Engine;

namespace Suno.Application.Chat.Commands.CreateChatCompletion;

public sealed class CreateChatCompletionCommandHandler(
    ISongPlanner planner,
    TaskSubmitter submitter,
    TaskWaiter waiter,
    IChatReplyRenderer renderer,
    IOptions<ChatOptions> chat,
    IOptions<TaskEngineOptions> engine) : IRequestHandler<CreateChatCompletionCommand, IAsyncEnumerable<ChatEvent>>
{
    public Task<IAsyncEnumerable<ChatEvent>> Handle(CreateChatCompletionCommand request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        return Task.FromResult(RunAsync(request, cancellationToken));
    }

    private async IAsyncEnumerable<ChatEvent> RunAsync(CreateChatCompletionCommand request, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        // The model as the client named it, echoed in every answer.
        var modelName = string.IsNullOrWhiteSpace(request.Model) ? engine.Value.DefaultModel : request.Model.Trim();
        yield return new ChatEvent(ChatEventKind.Accepted, string.Empty, modelName);

        var sideReply = SideRequests.TryAnswer(request.Messages);
        if (sideReply is not null)
        {
            yield return new ChatEvent(ChatEventKind.Finished, sideReply, modelName);
            yield break;
        }

        var model = SunoModelCatalog.ResolveOrDefault(request.Model, engine.Value.DefaultModel);
        var plan = await planner.PlanAsync(request.Messages, cancellationToken).ConfigureAwait(false);
        var song = await SongAsync(request, plan, model, cancellationToken).ConfigureAwait(false);
        var taskId = await submitter.SubmitMusicAsync(song, cancellationToken).ConfigureAwait(false);

        var timeout = chat.Value.Timeout;
        var first = true;
        await foreach (var update in waiter.WatchAsync(taskId, static _ => false, timeout, cancellationToken).ConfigureAwait(false))
        {
            var current = ChatSong.From(update.Task, modelName);
            if (!request.Stream)
            {
                if (update.State == TaskWatchState.TimedOut)
                {
                    throw ChatTimeoutException.For(current, timeout);
                }

                if (update.State == TaskWatchState.Reached)
                {
                    yield return new ChatEvent(ChatEventKind.Finished, renderer.Reply(current).Trim(), modelName);
                }

                continue;
            }

            if (first)
            {
                yield return new ChatEvent(ChatEventKind.Progress, renderer.Submitted(current), modelName);
            }

            // A blank line between the progress notes and the song, so its first heading starts a line.
            var next = update.State switch
            {
                TaskWatchState.Reached => new ChatEvent(ChatEventKind.Finished, "\n\n" + renderer.Reply(current).TrimStart(), modelName),
                TaskWatchState.TimedOut => new ChatEvent(ChatEventKind.TimedOut, "\n\n⏱️ " + ChatTimeoutException.TimeoutText(current, timeout), modelName),
                _ when first => null,
                _ => new ChatEvent(ChatEventKind.Progress, renderer.Tick(current), modelName),
            };
            first = false;
            if (next is not null)
            {
                yield return next;
            }
        }
    }

    /// <summary>
    /// The song to make: the plan's lyrics (custom mode) when it has some, else the last user message as the
    /// description (inspiration mode) with the plan's hints. Texts are cut to the model's limits, so a verbose
    /// planner cannot turn a chat turn into a 400. A continuation is made only of a clip a task of ours made.
    /// </summary>
    private async Task<SubmitMusicCommand> SongAsync(
        CreateChatCompletionCommand request, SongPlan? plan, SunoModel model, CancellationToken cancellationToken)
    {
        var lastUser = request.Messages.Last(m => m.IsUser && !string.IsNullOrWhiteSpace(m.Content)).Content.Trim();
        var lyrics = Cut(plan?.Prompt, model.PromptMaxLength);
        var song = new SubmitMusicCommand
        {
            Prompt = lyrics,
            GptDescriptionPrompt = lyrics is null ? Cut(lastUser, model.DescriptionMaxLength) : null,
            Title = Cut(plan?.Title, model.TitleMaxLength),
            Tags = Cut(plan?.Tags, model.TagsMaxLength),
            MakeInstrumental = plan?.MakeInstrumental ?? false,
            Model = model.Mv,
        };

        if (!string.IsNullOrWhiteSpace(plan?.ContinueClipId))
        {
            var clipId = plan.ContinueClipId.Trim();
            var taskId = await submitter.FindTaskOfClipAsync(clipId, cancellationToken).ConfigureAwait(false);
            if (taskId is not null)
            {
                song = song with
                {
                    ContinueClipId = clipId,
                    ContinueAt = plan.ContinueAt is { } at && at >= 0 && double.IsFinite(at) ? at : null,
                    SourceTaskId = taskId,
                };
            }
        }

        return song;
    }

    private static string? Cut(string? text, int maxLength)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        var trimmed = text.Trim();
        return trimmed.Length <= maxLength ? trimmed : trimmed[..maxLength];
    }
}
