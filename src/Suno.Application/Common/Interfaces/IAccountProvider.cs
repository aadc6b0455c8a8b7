using Suno.Application.Common.Upstream;

namespace Suno.Application.Common.Interfaces;

/// <summary>
/// The Suno accounts the gateway can use: the configured ones (persisted with their state) and per-request ones
/// built from a client's own cookie.
/// </summary>
public interface IAccountProvider
{
    /// <summary>
    /// The account for a new generation: active, with at least one generation's credits, most credits left first.
    /// Exhausted and invalid accounts are skipped. When none fits: OutOfCreditsException (402) if every account is
    /// only out of credits, else NoAccountException (503) saying how to configure one or what state each is in.
    /// </summary>
    Task<UpstreamAccount> AcquireForGenerationAsync(CancellationToken cancellationToken);

    /// <summary>
    /// The account a request's own Cookie header (holding __client) stands for; cached per cookie string, and
    /// written to the database only when Suno:PersistRequestAccounts is true. Throws ValidationException when the
    /// cookie has no __client.
    /// </summary>
    Task<UpstreamAccount> ForRequestCookieAsync(string cookie, CancellationToken cancellationToken);

    /// <summary>
    /// An account by id (e.g. the one a task was submitted with); null when unknown. Accounts are loaded at start
    /// (and by any of the async members), so this lookup does no I/O.
    /// </summary>
    UpstreamAccount? Find(string accountId);

    /// <summary>Every known account's state, without secrets (for GET /suno/account).</summary>
    Task<IReadOnlyList<AccountSummary>> ListAsync(CancellationToken cancellationToken);

    /// <summary>
    /// Reads billing for the account and returns the new summary. One read at a time per account; without
    /// <paramref name="force"/>, a read started within the last second (the one at start, a submission's) is shared.
    /// </summary>
    Task<AccountSummary> RefreshCreditsAsync(string accountId, bool force, CancellationToken cancellationToken);
}
