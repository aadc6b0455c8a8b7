using Suno.Domain.Common;

namespace Suno.Application.Common.Tenancy;

/// <summary>
/// Who is asking: the tenant a request runs as (resolved once per request by the HTTP edge). The pool (no cookie of
/// its own) or the Suno account of the request's Cookie header (holding __client); see <see cref="Tenants"/>. A
/// request sees and spends only its own tenant's tasks, clips and accounts.
/// </summary>
public interface ICallerContext
{
    /// <summary>"pool", or the cookie tenant's id.</summary>
    string TenantId { get; }

    /// <summary>The request's own Suno cookie (a secret; never stored with a task); null for the pool.</summary>
    string? AccountCookie { get; }
}

/// <summary>The caller of one scope (a request); the pool until the edge says otherwise.</summary>
public sealed class CallerContext : ICallerContext
{
    public string TenantId { get; private set; } = Tenants.Pool;

    public string? AccountCookie { get; private set; }

    public bool IsPool => AccountCookie is null;

    /// <summary>
    /// Reads the request's Cookie header: one holding a non-empty __client makes the caller that Suno account's
    /// tenant; any other cookie is not an account and leaves the caller the pool.
    /// </summary>
    public void UseCookieHeader(string? cookieHeader)
    {
        var client = CookieHeader.Get(cookieHeader, CookieHeader.ClientCookie);
        if (client is null)
        {
            return;
        }

        TenantId = Tenants.ForClientCookie(client);
        AccountCookie = cookieHeader!.Trim();
    }
}
