using MediatR;
using Suno.Application.Common.Upstream;

namespace Suno.Application.Accounts.Queries.ListAccounts;

/// <summary>
/// The gateway's own Suno accounts (configured, or stored from an earlier configuration) with their credits and
/// state, ordered by name, never with a cookie or JWT. Accounts built from a client's own Cookie header are not
/// listed: they belong to that client. <see cref="Refresh"/> first re-reads billing for every account that is not
/// invalid.
/// </summary>
public sealed record ListAccountsQuery(bool Refresh = false) : IRequest<IReadOnlyList<AccountSummary>>;
