using Microsoft.EntityFrameworkCore;
using Suno.Application.Common.Interfaces;
using Suno.Application.Common.Upstream;

namespace Suno.Application.Gcui.Common;

/// <summary>
/// Which account a gcui-art read or edit runs as: the request's own cookie when it holds __client (gcui-art's
/// per-request accounts), else the account that made the clip (when a task of ours did), else the configured
/// default account (Suno:Cookie), else any other configured account that is not invalid.
/// </summary>
internal static class GcuiAccounts
{
    public static async Task<UpstreamAccount> ForReadAsync(
        IAccountProvider accounts,
        string? cookie,
        CancellationToken cancellationToken)
    {
        if (!string.IsNullOrWhiteSpace(cookie))
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

    /// <summary>The account that made <paramref name="clipId"/> through this gateway, when no cookie says otherwise.</summary>
    public static async Task<UpstreamAccount> ForClipAsync(
        IAccountProvider accounts,
        ISunoDbContext db,
        string? cookie,
        string clipId,
        CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(cookie))
        {
            var owner = await db.Clips.AsNoTracking()
                .Where(c => c.Id == clipId)
                .Join(db.Tasks.AsNoTracking(), c => c.TaskId, t => t.Id, (c, t) => t.AccountId)
                .FirstOrDefaultAsync(cancellationToken)
                .ConfigureAwait(false);
            if (owner is not null && accounts.Find(owner) is { } account)
            {
                return account;
            }
        }

        return await ForReadAsync(accounts, cookie, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>A clip id Suno would accept in a path: no slashes or query characters.</summary>
    public static bool IsPlainId(string? id) =>
        id is not null && id.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_');
}
