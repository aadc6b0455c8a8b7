using MediatR;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Suno.Application.Common.Exceptions;
using Suno.Application.Common.Interfaces;
using Suno.Application.Common.Upstream;
using Suno.Application.Tasks.Engine;
using Suno.Domain.Tasks;

namespace Suno.Application.Tasks.Commands.SubmitMusic;

public sealed class SubmitMusicCommandHandler(
    TaskSubmitter submitter,
    ISunoUpstream upstream,
    ISunoDbContext db,
    IOptions<TaskEngineOptions> options) : IRequestHandler<SubmitMusicCommand, SubmittedTask>
{
    public async Task<SubmittedTask> Handle(SubmitMusicCommand request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var model = SubmitMusicCommandValidator.ResolveModel(request.Model, options.Value.DefaultModel);
        var payer = new SubmissionAccount(RequestCookie: request.AccountCookie);
        var sourceTaskId = request.SourceTaskId;
        if (request.IsExtension && string.IsNullOrWhiteSpace(sourceTaskId) && request.FindSourceTaskByClip)
        {
            sourceTaskId = await db.Clips.AsNoTracking()
                .Where(c => c.Id == request.ContinueClipId)
                .Select(c => c.TaskId)
                .FirstOrDefaultAsync(cancellationToken)
                .ConfigureAwait(false);
        }

        if (request.IsExtension && !string.IsNullOrWhiteSpace(sourceTaskId))
        {
            var source = await db.Tasks.AsNoTracking()
                .Where(t => t.Id == sourceTaskId)
                .Select(t => new { t.Id, t.AccountId, t.Action })
                .FirstOrDefaultAsync(cancellationToken)
                .ConfigureAwait(false)
                ?? throw new ValidationException("task_id", $"task_id: task {sourceTaskId} does not exist");
            if (source.Action != TaskAction.Music)
            {
                throw new ValidationException("task_id", $"task_id: task {source.Id} is a {source.Action.ToWire()} task; only music clips can be continued");
            }

            // The clip belongs to the account that made it: the continuation must run there.
            payer = request.AccountCookie is null && source.AccountId is not null
                ? new SubmissionAccount(AccountId: source.AccountId)
                : payer;
        }

        var generate = BuildRequest(request, model.Mv);
        var parameters = TaskSubmitter.SerializeParameters(new MusicParameters(
            generate.Prompt,
            generate.GptDescriptionPrompt,
            generate.Title,
            generate.Tags,
            generate.NegativeTags,
            request.VocalGender,
            generate.Model,
            generate.MakeInstrumental,
            generate.ContinueClipId,
            generate.ContinueAt,
            sourceTaskId));

        return await submitter.SubmitAsync(
            TaskAction.Music,
            parameters,
            payer,
            request.CallbackUrl,
            request.IdempotencyKey,
            async (account, ct) =>
            {
                var result = await upstream.GenerateAsync(account, generate, ct).ConfigureAwait(false);
                if (result.Clips.Count == 0)
                {
                    throw new UpstreamRejectedException("Suno accepted the generation but returned no clips.");
                }

                return (task, now) => task.MarkSubmitted(result.Clips, now);
            },
            cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Turns the command into Suno's generate body: description mode sends an empty prompt.</summary>
    internal static GenerateRequest BuildRequest(SubmitMusicCommand command, string mv)
    {
        var description = string.IsNullOrWhiteSpace(command.GptDescriptionPrompt) ? null : command.GptDescriptionPrompt.Trim();
        return new GenerateRequest
        {
            Prompt = description is null ? command.Prompt ?? string.Empty : string.Empty,
            GptDescriptionPrompt = description,
            Title = command.Title,
            Tags = TagsWithVocals(command.Tags, command.VocalGender),
            NegativeTags = string.IsNullOrWhiteSpace(command.NegativeTags) ? null : command.NegativeTags,
            Model = mv,
            MakeInstrumental = command.MakeInstrumental,
            Task = command.IsExtension ? "extend" : null,
            ContinueClipId = command.IsExtension ? command.ContinueClipId : null,
            ContinueAt = command.IsExtension ? command.ContinueAt : null,
        };
    }

    /// <summary>vocal_gender female/male becomes "female vocals"/"male vocals" at the end of the tags.</summary>
    internal static string? TagsWithVocals(string? tags, string? vocalGender)
    {
        var vocals = vocalGender?.Trim().ToUpperInvariant() switch
        {
            "FEMALE" or "F" => "female vocals",
            "MALE" or "M" => "male vocals",
            _ => null,
        };
        var trimmed = string.IsNullOrWhiteSpace(tags) ? null : tags.Trim();
        return (trimmed, vocals) switch
        {
            (null, null) => null,
            (null, _) => vocals,
            (_, null) => trimmed,
            _ => $"{trimmed}, {vocals}",
        };
    }

    /// <summary>What a music task stores as its parameters (no secrets).</summary>
    internal sealed record MusicParameters(
        string Prompt,
        string? GptDescriptionPrompt,
        string? Title,
        string? Tags,
        string? NegativeTags,
        string? VocalGender,
        string Mv,
        bool MakeInstrumental,
        string? ContinueClipId,
        double? ContinueAt,
        string? TaskId);
}
