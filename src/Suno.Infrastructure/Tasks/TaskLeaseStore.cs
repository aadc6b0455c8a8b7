using Microsoft.EntityFrameworkCore;
using Suno.Application.Common.Interfaces;
using Suno.Application.Tasks.Engine;
using Suno.Domain.Tasks;

namespace Suno.Infrastructure.Tasks;

/// <summary>
/// Lease claims as single conditional UPDATE statements. The condition (free, expired or ours) sits in the UPDATE's
/// own WHERE clause, so PostgreSQL re-checks it on a row another process changed meanwhile (READ COMMITTED re-reads
/// the newer row version), SQL Server reads each candidate row under an update lock and checks it again before writing
/// (so a second claimer waits, then finds the lease taken), and SQLite runs writers one at a time: a lease can never be
/// taken twice. EF translates the same LINQ to each provider's UPDATE; times compare exactly on all three (SQL
/// Server's datetime2 keeps .NET's 100 ns ticks).
/// </summary>
internal sealed class TaskLeaseStore(ISunoDbContext db) : ITaskLeaseStore
{
    public async Task<IReadOnlyList<string>> ClaimRunningAsync(string owner, DateTime now, DateTime until, CancellationToken cancellationToken)
    {
        await db.Tasks
            .Where(t => t.Status == SunoTaskStatus.Submitted || t.Status == SunoTaskStatus.Queued || t.Status == SunoTaskStatus.InProgress)
            .Where(t => t.LeaseOwner == null || t.LeaseOwner == owner || t.LeaseUntil < now)
            .ExecuteUpdateAsync(s => s.SetProperty(t => t.LeaseOwner, owner).SetProperty(t => t.LeaseUntil, until), cancellationToken)
            .ConfigureAwait(false);
        return await db.Tasks.AsNoTracking()
            .Where(t => t.LeaseOwner == owner)
            .Where(t => t.Status == SunoTaskStatus.Submitted || t.Status == SunoTaskStatus.Queued || t.Status == SunoTaskStatus.InProgress)
            .OrderBy(t => t.CreatedAt)
            .Select(t => t.Id)
            .ToListAsync(cancellationToken)
            .ConfigureAwait(false);
    }

    public async Task<IReadOnlyList<string>> ClaimStrandedSubmissionsAsync(string owner, DateTime now, DateTime until, int max, CancellationToken cancellationToken)
    {
        await db.Tasks
            .Where(t => t.Status == SunoTaskStatus.NotStart)
            .Where(t => t.LeaseUntil == null || t.LeaseUntil < now)
            .ExecuteUpdateAsync(s => s.SetProperty(t => t.LeaseOwner, owner).SetProperty(t => t.LeaseUntil, until), cancellationToken)
            .ConfigureAwait(false);
        return await db.Tasks.AsNoTracking()
            .Where(t => t.LeaseOwner == owner && t.Status == SunoTaskStatus.NotStart && t.LeaseUntil == until)
            .OrderBy(t => t.CreatedAt)
            .Take(max)
            .Select(t => t.Id)
            .ToListAsync(cancellationToken)
            .ConfigureAwait(false);
    }

    public async Task<bool> RenewSubmissionAsync(string taskId, string owner, DateTime until, CancellationToken cancellationToken) =>
        await Submitting(taskId, owner)
            .ExecuteUpdateAsync(s => s.SetProperty(t => t.LeaseUntil, until), cancellationToken)
            .ConfigureAwait(false) == 1;

    public async Task<bool> SaveIfSubmittingAsync(string taskId, string owner, CancellationToken cancellationToken)
    {
        var database = ((DbContext)db).Database;
        await using var transaction = await database.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);

        // The row is locked (PostgreSQL, SQL Server) or the database's write lock taken (SQLite) by this UPDATE, so a settler's
        // claim waits for the commit and then sees the task is no longer NOT_START.
        var owned = await Submitting(taskId, owner)
            .ExecuteUpdateAsync(s => s.SetProperty(t => t.LeaseOwner, owner), cancellationToken)
            .ConfigureAwait(false) == 1;
        if (!owned)
        {
            await transaction.RollbackAsync(cancellationToken).ConfigureAwait(false);
            return false;
        }

        await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        return true;
    }

    public async Task<IReadOnlyList<string>> ClaimTimedOutAsync(
        string owner, DateTime now, DateTime until, DateTime finishedAfter, int max, CancellationToken cancellationToken)
    {
        await TimedOut(finishedAfter)
            .Where(t => t.LeaseUntil == null || t.LeaseUntil < now)
            .ExecuteUpdateAsync(s => s.SetProperty(t => t.LeaseOwner, owner).SetProperty(t => t.LeaseUntil, until), cancellationToken)
            .ConfigureAwait(false);
        return await TimedOut(finishedAfter).AsNoTracking()
            .Where(t => t.LeaseOwner == owner && t.LeaseUntil == until)
            .OrderBy(t => t.FinishTime)
            .Take(max)
            .Select(t => t.Id)
            .ToListAsync(cancellationToken)
            .ConfigureAwait(false);
    }

    public Task ReleaseAllAsync(string owner, CancellationToken cancellationToken) =>
        db.Tasks
            .Where(t => t.LeaseOwner == owner && t.Status != SunoTaskStatus.NotStart)
            .ExecuteUpdateAsync(s => s.SetProperty(t => t.LeaseOwner, (string?)null).SetProperty(t => t.LeaseUntil, (DateTime?)null), cancellationToken);

    private IQueryable<SunoTask> Submitting(string taskId, string owner) =>
        db.Tasks.Where(t => t.Id == taskId && t.Status == SunoTaskStatus.NotStart && t.LeaseOwner == owner);

    private IQueryable<SunoTask> TimedOut(DateTime finishedAfter) =>
        db.Tasks.Where(t => t.Status == SunoTaskStatus.Failure && t.FailReason == SunoTask.TimeOutReason && t.FinishTime > finishedAfter);
}
