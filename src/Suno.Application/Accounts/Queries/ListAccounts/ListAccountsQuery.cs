using MediatR;
using Suno.Application.Common.Upstream;

namespace Suno.Application.Accounts.Queries.ListAccounts;

/// <summary>
/// The gateway's own Suno accounts (configured, or stored from an earlier configuration) with their credits and
/// state, ordered by name, never with a cookie or JWT. Accounts built from a client's own Cookie header are not
/// listed: they belong to that client. Credits older than <see cref="AccountListOptions.CreditsMaxAge"/> (or never
/// read, as right after start) are read again first, and <see cref="Refresh"/> re-reads them all; invalid accounts
/// are never re-read.
/// </summary>
public sealed record ListAccountsQuery(bool Refresh = false) : IRequest<IReadOnlyList<AccountSummary>>;
