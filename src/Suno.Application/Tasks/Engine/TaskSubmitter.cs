using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Suno.Application.Common.Exceptions;
using Suno.Application.Common.Interfaces;
using Suno.Application.Common.Upstream;
using Suno.Domain.Tasks;

namespace Suno.Application.Tasks.Engine;

/// <summary>Who pays for a submission: the request's own cookie, a given account (an extension), or the pool.</summary>
public sealed record SubmissionAccount(string? RequestCookie = null, string? AccountId = null);

/// <summary>What a submission returns: the task id, and whether an earlier submission with the same key answered.</summary>
public sealed record SubmittedTask(string TaskId, bool Replayed);

/// <summary>
/// The one way work reaches Suno. A submission is stored before any upstream call and holds a lease while the call
/// runs; the call itself is never cancelled half-way (it may already cost credits) and never retried. Outcomes:
/// Suno accepted → SUBMITTED with the upstream ids; Suno refused (credits, captcha, rejected parameters, dead
/// cookie, rate limit) → FAILURE with Suno's reason and the error goes to the caller; no answer → the task stays
/// NOT_START and the poller later settles it from Suno's feed (adopted if Suno made it, failed if not), so a task is
/// never duplicated and never silently lost.
/// </summary>
public sealed partial class TaskSubmitter(
    ISunoDbContext db,
    IAccountProvider accounts,
    TimeProvider clock,
    GatewayInstance instance,
    Microsoft.Extensions.Options.IOptions<TaskEngineOptions> options,
    ILogger<TaskSubmitter> logger)
{
    private static readonly JsonSerializerOptions ParameterJson = new(JsonSerializerDefaults.Web)
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        DefaultIgnoreCondition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull,
    };

    /// <summary>Serialises request parameters the way tasks store them (snake_case JSON, nulls left out).</summary>
    public static string SerializeParameters<T>(T parameters) => JsonSerializer.Serialize(parameters, ParameterJson);

    /// <summary>
    /// Stores the task, picks the account, runs <paramref name="send"/> against Suno and records the outcome.
    /// <paramref name="send"/> returns the change to apply to the task once Suno accepted it.
    /// </summary>
    public async Task<SubmittedTask> SubmitAsync(
        TaskAction action,
        string parameters,
        SubmissionAccount payer,
        string? callbackUrl,
        string? idempotencyKey,
        Func<UpstreamAccount, CancellationToken, Task<Action<SunoTask, DateTime>>> send,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(payer);
        ArgumentNullException.ThrowIfNull(send);
        if (idempotencyKey is not null)
        {
            var earlier = await FindByKeyAsync(idempotencyKey, cancellationToken).ConfigureAwait(false);
            if (earlier is not null)
            {
                return new SubmittedTask(earlier, Replayed: true);
            }
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var task = SunoTask.Create(Guid.NewGuid().ToString(), action, parameters, now, callbackUrl, idempotencyKey);
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
            var winner = await FindByKeyAsync(idempotencyKey, cancellationToken).ConfigureAwait(false);
            if (winner is null)
            {
                throw;
            }

            return new SubmittedTask(winner, Replayed: true);
        }

        // From here on the task exists: every outcome is recorded on it, and the caller's cancellation no longer
        // stops the work (an abandoned generate call may still cost credits, so it is seen through).
        var account = await ChooseAccountAsync(task, payer).ConfigureAwait(false);
        Action<SunoTask, DateTime> accepted;
        try
        {
            accepted = await send(account, CancellationToken.None).ConfigureAwait(false);
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

        accepted(task, clock.GetUtcNow().UtcDateTime);
        task.ReleaseLease();
        await db.SaveChangesAsync(CancellationToken.None).ConfigureAwait(false);
        LogSubmitted(logger, task.Id, action, account.Id);
        return new SubmittedTask(task.Id, Replayed: false);
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
            await db.SaveChangesAsync(CancellationToken.None).ConfigureAwait(false);
            return account;
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
        await db.SaveChangesAsync(CancellationToken.None).ConfigureAwait(false);
    }

    private Task<string?> FindByKeyAsync(string key, CancellationToken cancellationToken) =>
        db.Tasks.AsNoTracking().Where(t => t.IdempotencyKey == key).Select(t => t.Id).FirstOrDefaultAsync(cancellationToken);

    [LoggerMessage(Level = LogLevel.Information, Message = "Task {TaskId} ({Action}) submitted with account {AccountId}")]
    private static partial void LogSubmitted(ILogger logger, string taskId, TaskAction action, string accountId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Task {TaskId}: Suno did not answer the submission with account {AccountId} ({Error}); the poller will settle it from the feed")]
    private static partial void LogOutcomeUnknown(ILogger logger, string taskId, string accountId, string error);
}
