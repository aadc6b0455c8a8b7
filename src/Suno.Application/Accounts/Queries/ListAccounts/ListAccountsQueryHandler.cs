using MediatR;
using Microsoft.Extensions.Options;
using Suno.Application.Common.Exceptions;
using Suno.Application.Common.Interfaces;
using Suno.Application.Common.Upstream;
using Suno.Domain.Accounts;

namespace Suno.Application.Accounts.Queries.ListAccounts;

public sealed class ListAccountsQueryHandler(IAccountProvider accounts, TimeProvider clock, IOptions<AccountListOptions> options)
    : IRequestHandler<ListAccountsQuery, IReadOnlyList<AccountSummary>>
{
    private static readonly string Invalid = AccountStatus.Invalid.ToString().ToLowerInvariant();

    public async Task<IReadOnlyList<AccountSummary>> Handle(ListAccountsQuery request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var listed = await ListOwnAsync(cancellationToken).ConfigureAwait(false);
        var now = clock.GetUtcNow().UtcDateTime;
        var maxAge = options.Value.CreditsMaxAge;

        // An invalid account's cookie no longer works: reading billing would only cost another Clerk call.
        var stale = listed
            .Where(a => !string.Equals(a.Status, Invalid, StringComparison.Ordinal))
            .Where(a => request.Refresh || a.CreditsRefreshedAt is not { } at || now - at >= maxAge)
            .ToList();
        if (stale.Count == 0)
        {
            return listed;
        }

        foreach (var account in stale)
        {
            try
            {
                await accounts.RefreshCreditsAsync(account.Id, request.Refresh, cancellationToken).ConfigureAwait(false);
            }
            catch (SunoApplicationException)
            {
                // The upstream records what went wrong on the account (status, last error); the list shows it.
            }
        }

        return await ListOwnAsync(cancellationToken).ConfigureAwait(false);
    }

    private async Task<IReadOnlyList<AccountSummary>> ListOwnAsync(CancellationToken cancellationToken)
    {
        var all = await accounts.ListAsync(cancellationToken).ConfigureAwait(false);
        return all.Where(a => !a.IsRequestAccount).OrderBy(a => a.Name, StringComparer.OrdinalIgnoreCase).ToList();
    }
}
