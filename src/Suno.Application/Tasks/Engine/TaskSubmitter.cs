using System.Security.Cryptography;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Suno.Application.Common.Exceptions;
using Suno.Application.Common.Interfaces;
using Suno.Application.Common.Tenancy;
using Suno.Application.Common.Upstream;
using Suno.Application.Models;
using Suno.Application.Tasks.Commands.SubmitLyrics;
using Suno.Application.Tasks.Commands.SubmitMusic;
using Suno.Application.Tasks.Commands.SubmitStems;
using Suno.Domain.Clips;
using Suno.Domain.Tasks;

namespace Suno.Application.Tasks.Engine;

/// <summary>Who pays for a submission: the request's own cookie, a given account (an extension), or the pool.</summary>
public sealed record SubmissionAccount(string? RequestCookie = null, string? AccountId = null);

/// <summary>
/// What Suno accepted for a submission: the clips it will make (music) or its lyrics job id (lyrics), on which account.
/// The submitter applies it to the task.
/// </summary>
public sealed record SunoAccepted(string AccountId, IReadOnlyList<ClipSnapshot> Clips, string? LyricsId);

/// <summary>
/// The one way work reaches Suno. A submission is stored before any upstream call and holds a lease, renewed while the
/// call runs (<see cref="SubmissionLeaseRenewer"/>); every later write is conditional on the task still being this
/// process's submission, so a settler that took it over is never overwritten. The call itself is never cancelled half-way (it may already cost credits) and never retried. Outcomes:
/// Suno accepted → SUBMITTED with the upstream ids; Suno refused (credits, captcha, rejected parameters, dead
/// cookie, rate limit) → FAILURE with Suno's reason and the error goes to the caller; no answer → the task stays
/// NOT_START and the poller later settles it from Suno's feed (adopted if Suno made it, failed if not), so a task is
/// never duplicated and never silently lost.
/// </summary>
public sealed partial class TaskSubmitter(
    ISunoDbContext db,
    IAccountProvider accounts,
    ISunoUpstream upstream,
    ICallerContext caller,
    TimeProvider clock,
    GatewayInstance instance,
    ITaskLeaseStore leases,
    IServiceScopeFactory scopes,
    Microsoft.Extensions.Options.IOptions<TaskEngineOptions> options,
    ITaskMetrics metrics,
    ILogger<TaskSubmitter> logger)
{
    /// <summary>
    /// A song or an extension. The model is the command's, else Tasks:DefaultModel; a continuation runs on the
    /// account that made the source task (unless the request brings its own cookie). Returns the task id.
    /// </summary>
    public async Task<string> SubmitMusicAsync(SubmitMusicCommand song, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(song);
        var model = SunoModelCatalog.ResolveOrDefault(song.Model, options.Value.DefaultModel);
        var payer = new SubmissionAccount(RequestCookie: caller.AccountCookie);
        var sourceTaskId = song.SourceTaskId;
        if (song.IsExtension && string.IsNullOrWhiteSpace(sourceTaskId) && song.FindSourceTaskByClip)
        {
            // A clip alone (gcui-art's extend): the task of the caller's tenant that made it; another tenant's clip
            // is a 404 and nothing reaches Suno; a clip no task of ours made is left to Suno with the caller's account.
            var maker = await db.Clips.AsNoTracking()
                .Where(c => c.Id == song.ContinueClipId)
                .Select(c => new { c.TaskId, c.TenantId, c.Title, c.Tags, c.Duration })
                .FirstOrDefaultAsync(cancellationToken)
                .ConfigureAwait(false);
            if (maker is not null && maker.TenantId != caller.TenantId)
            {
                throw NotFoundException.Clip(song.ContinueClipId!);
            }

            sourceTaskId = maker?.TaskId;
            if (song.Hosted is { IsExtend: true } && maker is not null)
            {
                // The hosted extend: continueAt inside the clip.
                if (song.ContinueAt is { } at && maker.Duration is { } duration && at >= duration)
                {
                    throw new ValidationException("continueAt", $"continueAt must be less than the clip's duration ({duration:0.##} s), got {at}");
                }

                // defaultParamFlag false inherits the clip's style and title; true keeps those it gives, else inherits.
                song = song with
                {
                    Tags = string.IsNullOrWhiteSpace(song.Tags) ? maker.Tags : song.Tags,
                    Title = string.IsNullOrWhiteSpace(song.Title) ? maker.Title : song.Title,
                };
            }
        }

        if (song.IsExtension && !string.IsNullOrWhiteSpace(sourceTaskId))
        {
            // Another tenant's task is treated exactly like an unknown one.
            var source = await db.Tasks.AsNoTracking()
                .Where(t => t.Id == sourceTaskId && t.TenantId == caller.TenantId)
                .Select(t => new { t.Id, t.AccountId, t.Action })
                .FirstOrDefaultAsync(cancellationToken)
                .ConfigureAwait(false)
                ?? throw new ValidationException("task_id", $"task_id: task {sourceTaskId} does not exist");
            if (source.Action != TaskAction.Music)
            {
                throw new ValidationException("task_id", $"task_id: task {source.Id} is a {source.Action.ToWire()} task; only music clips can be continued");
            }

            // The clip belongs to the account that made it: the continuation must run there.
            payer = caller.AccountCookie is null && source.AccountId is not null
                ? new SubmissionAccount(AccountId: source.AccountId)
                : payer;
        }

        var description = string.IsNullOrWhiteSpace(song.GptDescriptionPrompt) ? null : song.GptDescriptionPrompt.Trim();
        var work = new MusicWork(
            Prompt: description is null ? song.Prompt ?? string.Empty : string.Empty,
            GptDescriptionPrompt: description,
            Title: song.Title,
            Tags: TagsWithVocals(song.Tags, song.VocalGender),
            NegativeTags: string.IsNullOrWhiteSpace(song.NegativeTags) ? null : song.NegativeTags,
            VocalGender: song.VocalGender,
            Mv: model.Mv,
            MakeInstrumental: song.MakeInstrumental,
            ContinueClipId: song.IsExtension ? song.ContinueClipId : null,
            ContinueAt: song.IsExtension ? song.ContinueAt : null,
            TaskId: sourceTaskId);
        return await SubmitAsync(work, payer, song.CallbackUrl, song.IdempotencyKey, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Lyrics from a description. Returns the task id.</summary>
    public Task<string> SubmitLyricsAsync(SubmitLyricsCommand lyrics, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(lyrics);
        return SubmitAsync(
            new LyricsWork(lyrics.Prompt!.Trim()),
            new SubmissionAccount(RequestCookie: caller.AccountCookie),
            lyrics.CallbackUrl,
            lyrics.IdempotencyKey,
            cancellationToken);
    }

    /// <summary>
    /// A clip of a music task of the caller's tenant split into vocals and instrumental, on the account that made it
    /// (unless the request brings its own cookie). Another tenant's task is a 404; a clip that is not the task's, or
    /// not complete yet, is refused; either way nothing reaches Suno. Returns the task id.
    /// </summary>
    public async Task<string> SubmitStemsAsync(SubmitStemsCommand stems, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(stems);
        var sourceId = stems.TaskId!.Trim();
        var source = await db.Tasks.AsNoTracking()
            .Include(t => t.Clips)
            .Where(t => t.Id == sourceId && t.TenantId == caller.TenantId)
            .FirstOrDefaultAsync(cancellationToken)
            .ConfigureAwait(false)
            ?? throw NotFoundException.Task(sourceId);
        if (source.Action != TaskAction.Music)
        {
            throw new ValidationException("taskId", $"taskId: task {source.Id} is a {source.Action.ToWire()} task; only the clips of a music task can be split");
        }

        var clips = source.Clips.OrderBy(c => c.Position).ToList();
        var index = clips.FindIndex(c => c.Id == stems.AudioId);
        if (index < 0)
        {
            throw new ValidationException("audioId", $"audioId {stems.AudioId} is not a clip of task {source.Id}");
        }

        var clip = clips[index];
        if (clip.Status != ClipStatus.Complete)
        {
            throw new ValidationException("audioId", $"audioId {clip.Id} is {clip.Status.ToWire()}; only a complete clip can be split");
        }

        var payer = caller.AccountCookie is null && source.AccountId is not null
            ? new SubmissionAccount(AccountId: source.AccountId)
            : new SubmissionAccount(RequestCookie: caller.AccountCookie);
        return await SubmitAsync(new StemsWork(clip.Id, source.Id, index, clip.AudioUrl), payer, stems.CallbackUrl, stems.IdempotencyKey, cancellationToken)
            .ConfigureAwait(false);
    }

    /// <summary>The task of the caller's tenant that made a clip, if any.</summary>
    public Task<string?> FindTaskOfClipAsync(string clipId, CancellationToken cancellationToken) =>
        db.Clips.AsNoTracking()
            .Where(c => c.Id == clipId && c.TenantId == caller.TenantId)
            .Select(c => c.TaskId)
            .FirstOrDefaultAsync(cancellationToken);

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

    /// <summary>
    /// Stores the task, picks the account, sends <paramref name="work"/> to Suno and applies what Suno accepted. The
    /// caller's cancellation counts only until the task is stored: from then on the submission is seen through.
    /// </summary>
    private async Task<string> SubmitAsync(
        SubmittedWork work, SubmissionAccount payer, string? callbackUrl, string? idempotencyKey, CancellationToken cancellationToken)
    {
        var parameters = work.ToJson();
        var requestHash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes($"{parameters}\n{callbackUrl}")));
        var now = clock.GetUtcNow().UtcDateTime;
        if (idempotencyKey is not null)
        {
            var earlier = await ReplayAsync(idempotencyKey, requestHash, now, cancellationToken).ConfigureAwait(false);
            if (earlier is not null)
            {
                return earlier;
            }
        }

        var task = SunoTask.Create(
            Guid.NewGuid().ToString(), work.Action, parameters, now, callbackUrl, idempotencyKey, tenantId: caller.TenantId, requestHash: requestHash);
        task.TryClaimLease(instance.Id, now + options.Value.SubmissionGrace, now);
        db.Tasks.Add(task);
        try
        {
            await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (DbUpdateException) when (idempotencyKey is not null)
        {
            // Two requests with one key raced; the unique index let one through. Answer with that one.
            db.Tasks.Entry(task).State = EntityState.Detached;
            var winner = await ReplayAsync(idempotencyKey, requestHash, now, cancellationToken).ConfigureAwait(false);
            if (winner is null)
            {
                throw;
            }

            return winner;
        }

        // From here on the task exists: every outcome is recorded on it, and the caller's cancellation no longer
        // stops the work (an abandoned generate call may still cost credits, so it is seen through). The lease is
        // renewed while the account is chosen and Suno is called, however long that takes; every write is made only
        // while the task is still this process's submission (NOT_START under its lease).
        SunoAccepted accepted;
        UpstreamAccount account;
        await using (var renewer = SubmissionLeaseRenewer.Start(scopes, task.Id, instance.Id, options.Value.SubmissionGrace, clock, logger))
        {
            account = await ChooseAccountAsync(task, payer).ConfigureAwait(false);
            try
            {
                accepted = await SendAsync(account, work).ConfigureAwait(false);
            }
            catch (SunoApplicationException ex) when (ex is not UpstreamUnavailableException)
            {
                await FailAsync(task, ex.Message).ConfigureAwait(false);
                throw;
            }
            catch (Exception ex) when (ex is UpstreamUnavailableException or HttpRequestException or TimeoutException or OperationCanceledException)
            {
                LogOutcomeUnknown(logger, task.Id, account.Id, ex.GetType().Name);
                throw new UpstreamUnavailableException(
                    $"Suno did not answer the submission of task {task.Id}. The gateway will check Suno's feed and either " +
                    $"adopt the clips Suno made or fail the task; fetch task {task.Id} to see which.",
                    ex);
            }
        }

        // Suno's ids are saved before anything else happens, in the one conditional write.
        var acceptedAt = clock.GetUtcNow().UtcDateTime;
        if (accepted.LyricsId is { } lyricsId)
        {
            task.MarkSubmitted([lyricsId], acceptedAt);
        }
        else
        {
            task.MarkSubmitted(accepted.Clips, acceptedAt);
        }

        task.ReleaseLease();
        if (!await SaveIfStillSubmittingAsync(task).ConfigureAwait(false))
        {
            LogSettledMeanwhile(logger, task.Id, string.Join(",", accepted.Clips.Select(c => c.Id).DefaultIfEmpty(accepted.LyricsId ?? string.Empty)));
            return task.Id;
        }

        // No billing read follows a generation: the account pool spends the known credits (ADR-013).
        metrics.Submitted(work.Action);
        LogSubmitted(logger, task.Id, work.Action, accepted.AccountId);
        return task.Id;
    }

    /// <summary>The one upstream call of a submission: never cancelled half-way, never retried.</summary>
    private async Task<SunoAccepted> SendAsync(UpstreamAccount account, SubmittedWork work)
    {
        switch (work)
        {
            case MusicWork music:
                var result = await upstream.GenerateAsync(account, music.ToGenerateRequest(), CancellationToken.None).ConfigureAwait(false);
                return result.Clips.Count == 0
                    ? throw new UpstreamRejectedException("Suno accepted the generation but returned no clips.")
                    : new SunoAccepted(account.Id, result.Clips, null);
            case StemsWork split:
                var stems = await upstream.StemsAsync(account, split.ClipId, CancellationToken.None).ConfigureAwait(false);
                return stems.Count == 0
                    ? throw new UpstreamRejectedException("Suno accepted the split but returned no stems.")
                    : new SunoAccepted(account.Id, stems, null);
            case LyricsWork lyrics:
                var lyricsId = await upstream.GenerateLyricsAsync(account, lyrics.Prompt, CancellationToken.None).ConfigureAwait(false);
                return new SunoAccepted(account.Id, [], lyricsId);
            default:
                throw new ArgumentException($"No submission path for {work.GetType().Name}.", nameof(work));
        }
    }

    private async Task<UpstreamAccount> ChooseAccountAsync(SunoTask task, SubmissionAccount payer)
    {
        try
        {
            var account = payer switch
            {
                { RequestCookie: { } cookie } => await accounts.ForRequestCookieAsync(cookie, CancellationToken.None).ConfigureAwait(false),
                { AccountId: { } id } => accounts.Find(id)
                    ?? throw new NoAccountException($"Account {id}, which made the source task, is no longer configured."),
                _ => await accounts.AcquireForGenerationAsync(CancellationToken.None).ConfigureAwait(false),
            };
            task.AssignAccount(account.Id, clock.GetUtcNow().UtcDateTime);
            return await SaveIfStillSubmittingAsync(task).ConfigureAwait(false)
                ? account
                : throw new UpstreamUnavailableException(
                    $"Task {task.Id} was settled by the gateway while it waited for a Suno account; nothing was sent to Suno. Fetch task {task.Id} to see its state.");
        }
        catch (SunoApplicationException ex)
        {
            await FailAsync(task, ex.Message).ConfigureAwait(false);
            throw;
        }
    }

    private async Task FailAsync(SunoTask task, string reason)
    {
        task.Fail(reason, clock.GetUtcNow().UtcDateTime);
        _ = await SaveIfStillSubmittingAsync(task).ConfigureAwait(false);
    }

    /// <summary>
    /// Saves the task only while it is still this process's submission. When another process settled it meanwhile
    /// (its lease lapsed), nothing is overwritten: the tracked copy is dropped and the task is left as stored, which
    /// is what a fetch of it answers.
    /// </summary>
    private async Task<bool> SaveIfStillSubmittingAsync(SunoTask task)
    {
        if (await leases.SaveIfSubmittingAsync(task.Id, instance.Id, CancellationToken.None).ConfigureAwait(false))
        {
            return true;
        }

        foreach (var clip in task.Clips)
        {
            db.Clips.Entry(clip).State = EntityState.Detached;
        }

        db.Tasks.Entry(task).State = EntityState.Detached;
        return false;
    }

    /// <summary>
    /// The task an Idempotency-Key of the caller's tenant already made: the same request replays it, another request
    /// is a 422, and a key older than Tasks:IdempotencyKeyHours is let go (null: make a new task).
    /// </summary>
    private async Task<string?> ReplayAsync(string key, string requestHash, DateTime now, CancellationToken cancellationToken)
    {
        var earlier = await db.Tasks
            .Where(t => t.TenantId == caller.TenantId && t.IdempotencyKey == key)
            .FirstOrDefaultAsync(cancellationToken)
            .ConfigureAwait(false);
        if (earlier is null)
        {
            return null;
        }

        if (now - earlier.CreatedAt >= options.Value.IdempotencyKeyLifetime)
        {
            earlier.ReleaseIdempotencyKey(now);
            await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
            return null;
        }

        return earlier.RequestHash is null || earlier.RequestHash == requestHash
            ? earlier.Id
            : throw new IdempotencyConflictException(
                $"Idempotency-Key '{key}' was already used for a different request (task {earlier.Id}); use a new key for new work.");
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Task {TaskId} ({Action}) submitted with account {AccountId}")]
    private static partial void LogSubmitted(ILogger logger, string taskId, TaskAction action, string accountId);


    [LoggerMessage(Level = LogLevel.Warning, Message = "Task {TaskId}: Suno answered ({UpstreamIds}) after another process had settled the task; its settled state is kept")]
    private static partial void LogSettledMeanwhile(ILogger logger, string taskId, string upstreamIds);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Task {TaskId}: Suno did not answer the submission with account {AccountId} ({Error}); the poller will settle it from the feed")]
    private static partial void LogOutcomeUnknown(ILogger logger, string taskId, string accountId, string error);
}
