using Suno.Application.Common.Tenancy;
using System.Collections.Concurrent;
using Microsoft.Extensions.Options;
using Suno.Application.Common.Exceptions;
using Suno.Application.Common.Upstream;
using Suno.Domain.Accounts;
using Suno.Infrastructure.Configuration;
using Suno.Infrastructure.Upstream.Clerk;

namespace Suno.Infrastructure.Upstream.Accounts;

/// <summary>Every account the process knows, by id (singleton).</summary>
public sealed class AccountRegistry(IOptions<SunoOptions> connection)
{
    private readonly ConcurrentDictionary<string, AccountSession> _sessions = new(StringComparer.Ordinal);

    public IReadOnlyCollection<AccountSession> All => _sessions.Values.OrderBy(s => s.Account.CreatedAt).ThenBy(s => s.Name, StringComparer.Ordinal).ToList();

    public AccountSession? Find(string accountId) => _sessions.TryGetValue(accountId, out var session) ? session : null;

    /// <summary>The session of <paramref name="account"/>; <see cref="NoAccountException"/> when this gateway does not know it.</summary>
    internal AccountSession Require(UpstreamAccount account)
    {
        ArgumentNullException.ThrowIfNull(account);
        return Find(account.Id)
            ?? throw new NoAccountException($"Account {account.Id} is not known to this gateway; configure it in Suno:Accounts or Suno:Cookie.");
    }

    internal AccountSession? FindByName(string name) =>
        _sessions.Values.FirstOrDefault(s => string.Equals(s.Name, name, StringComparison.OrdinalIgnoreCase));

    /// <summary>How many cookie accounts are held now.</summary>
    internal int RequestAccountCount => _sessions.Values.Count(s => s.IsRequestAccount);

    /// <summary>Forgets the cookie accounts not used since <paramref name="idleSince"/>.</summary>
    internal void EvictIdleRequestAccounts(DateTime idleSince)
    {
        foreach (var session in _sessions.Values.Where(s => s.IsRequestAccount && s.LastUsed < idleSince))
        {
            _sessions.TryRemove(session.Id, out _);
        }
    }

    internal AccountSession Add(SunoAccount account, bool isRequestAccount, bool persisted) =>
        _sessions.GetOrAdd(account.Id, _ => new AccountSession(account, isRequestAccount, persisted, ChooseDeviceId(account.Cookie)));

    private string ChooseDeviceId(string cookie) =>
        !string.IsNullOrWhiteSpace(connection.Value.DeviceId) ? connection.Value.DeviceId.Trim().Trim('"')
        : CookieHeader.Get(cookie, CookieString.AnonymousIdCookie) is { } anonymousId ? anonymousId
        : Guid.NewGuid().ToString();
}
