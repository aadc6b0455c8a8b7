using MediatR;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Suno.Application.Chat.Common;
using Suno.Application.Common.Interfaces;
using Suno.Application.Models;
using Suno.Application.Tasks.Commands.SubmitMusic;
using Suno.Application.Tasks.Engine;

namespace Suno.Application.Chat.Commands.StartChatSong;

public sealed class StartChatSongCommandHandler(
    IMediator mediator,
    ISongPlanner planner,
    ISunoDbContext db,
    IOptions<TaskEngineOptions> options) : IRequestHandler<StartChatSongCommand, ChatStart>
{
    public async Task<ChatStart> Handle(StartChatSongCommand request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (request.OnAccepted is not null)
        {
            await request.OnAccepted(cancellationToken).ConfigureAwait(false);
        }

        var sideReply = SideRequests.TryAnswer(request.Messages);
        if (sideReply is not null)
        {
            return ChatStart.Answer(sideReply);
        }

        var model = SunoModelCatalog.TryResolve(
            string.IsNullOrWhiteSpace(request.Model) ? options.Value.DefaultModel : request.Model, out var resolved)
            ? resolved
            : SunoModelCatalog.All[^1];
        var plan = await planner.PlanAsync(request.Messages, cancellationToken).ConfigureAwait(false);
        var command = await BuildSubmissionAsync(request, plan, model, cancellationToken).ConfigureAwait(false);
        var submitted = await mediator.Send(command, cancellationToken).ConfigureAwait(false);
        return ChatStart.Song(submitted.TaskId);
    }

    /// <summary>
    /// The song to make: the plan's lyrics (custom mode) when it has some, else the last user message as the
    /// description (inspiration mode) with the plan's hints. Texts are cut to the model's limits, so a verbose
    /// planner cannot turn a chat turn into a 400.
    /// </summary>
    private async Task<SubmitMusicCommand> BuildSubmissionAsync(
        StartChatSongCommand request, SongPlan? plan, SunoModel model, CancellationToken cancellationToken)
    {
        var lastUser = request.Messages.Last(m => m.IsUser && !string.IsNullOrWhiteSpace(m.Content)).Content.Trim();
        var lyrics = Cut(plan?.Prompt, model.PromptMaxLength);
        var command = new SubmitMusicCommand
        {
            Prompt = lyrics,
            GptDescriptionPrompt = lyrics is null ? Cut(lastUser, model.DescriptionMaxLength) : null,
            Title = Cut(plan?.Title, model.TitleMaxLength),
            Tags = Cut(plan?.Tags, model.TagsMaxLength),
            MakeInstrumental = plan?.MakeInstrumental ?? false,
            Model = model.Mv,
            AccountCookie = request.AccountCookie,
        };

        if (!string.IsNullOrWhiteSpace(plan?.ContinueClipId))
        {
            // A continuation needs the task that made the clip; an unknown clip is not continued.
            var clipId = plan.ContinueClipId.Trim();
            var taskId = await db.Clips.AsNoTracking()
                .Where(c => c.Id == clipId)
                .Select(c => c.TaskId)
                .FirstOrDefaultAsync(cancellationToken)
                .ConfigureAwait(false);
            if (taskId is not null)
            {
                command = command with
                {
                    ContinueClipId = clipId,
                    ContinueAt = plan.ContinueAt is { } at && at >= 0 && double.IsFinite(at) ? at : null,
                    SourceTaskId = taskId,
                };
            }
        }

        return command;
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
