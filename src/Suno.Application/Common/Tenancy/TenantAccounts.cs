using Microsoft.EntityFrameworkCore;
using Suno.Application.Common.Exceptions;
using Suno.Application.Common.Interfaces;
using Suno.Application.Common.Upstream;

namespace Suno.Application.Common.Tenancy;

/// <summary>
/// Which account a read or an edit runs as, always one of the caller's tenant: the request's own cookie account for
/// a cookie tenant; for the pool, the account that made the clip (when a pool task of ours did), else the configured
/// default account (Suno:Cookie), else any other configured account that is not invalid. A clip of another tenant is
/// never used to choose an account: a read treats it as unknown (Suno decides what the caller's account may see), an
/// edit answers 404 without calling Suno.
/// </summary>
public sealed class TenantAccounts(IAccountProvider accounts, ISunoDbContext db, ICallerContext caller)
{
    /// <summary>The account the caller reads with.</summary>
    public async Task<UpstreamAccount> ForCallerAsync(CancellationToken cancellationToken)
    {
        if (caller.AccountCookie is { } cookie)
        {
            return await accounts.ForRequestCookieAsync(cookie, cancellationToken).ConfigureAwait(false);
        }

        var all = await accounts.ListAsync(cancellationToken).ConfigureAwait(false);
        var chosen = all
            .Where(a => !a.IsRequestAccount && !string.Equals(a.Status, "invalid", StringComparison.OrdinalIgnoreCase))
            .OrderByDescending(a => string.Equals(a.Name, "default", StringComparison.Ordinal))
            .ThenByDescending(a => a.CreditsLeft ?? int.MinValue)
            .Select(a => accounts.Find(a.Id))
            .FirstOrDefault(a => a is not null);
        if (chosen is not null)
        {
            return chosen;
        }

        // None usable: the pool's own selection says why (not configured, or each account's state).
        return await accounts.AcquireForGenerationAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The account to read <paramref name="clipId"/> with: its maker's, when it is a pool clip and the caller is the pool.</summary>
    public async Task<UpstreamAccount> ForClipReadAsync(string clipId, CancellationToken cancellationToken)
    {
        var owner = await OwnerAsync(clipId, cancellationToken).ConfigureAwait(false);
        return owner is not null && owner.TenantId == caller.TenantId && MakerOf(owner) is { } maker
            ? maker
            : await ForCallerAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// The account to edit <paramref name="clipId"/> with (extend, concat, stems). Another tenant's clip is a 404 and
    /// nothing reaches Suno; a clip no task of ours made is left to Suno with the caller's account.
    /// </summary>
    public async Task<UpstreamAccount> ForClipEditAsync(string clipId, CancellationToken cancellationToken)
    {
        var owner = await OwnerAsync(clipId, cancellationToken).ConfigureAwait(false);
        if (owner is not null && owner.TenantId != caller.TenantId)
        {
            throw NotFoundException.Clip(clipId);
        }

        return owner is not null && MakerOf(owner) is { } maker
            ? maker
            : await ForCallerAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The pool account that made a pool clip; a cookie tenant always uses its own cookie's account.</summary>
    private UpstreamAccount? MakerOf(ClipOwner owner) =>
        caller.AccountCookie is null && owner.AccountId is not null ? accounts.Find(owner.AccountId) : null;

    private Task<ClipOwner?> OwnerAsync(string clipId, CancellationToken cancellationToken) =>
        db.Clips.AsNoTracking()
            .Where(c => c.Id == clipId)
            .Join(db.Tasks.AsNoTracking(), c => c.TaskId, t => t.Id, (c, t) => new ClipOwner(c.TenantId, t.AccountId))
            .FirstOrDefaultAsync(cancellationToken);

    /// <summary>The tenant of a clip's task and the account it ran on.</summary>
    private sealed record ClipOwner(string TenantId, string? AccountId);
}
