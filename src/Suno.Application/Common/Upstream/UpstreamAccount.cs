namespace Suno.Application.Common.Upstream;

/// <summary>
/// The account an upstream call runs as. Only its id travels through the use cases; the credentials stay in
/// Infrastructure (the account pool holds the cookie and the cached JWT).
/// </summary>
/// <param name="Id">The account id (the <c>SunoAccount.Id</c>; tasks store it in <c>AccountId</c>).</param>
/// <param name="Name">Display name (configuration name, or <c>request-…</c> for a per-request cookie).</param>
/// <param name="IsRequestAccount">Built from a request's own Cookie header rather than from configuration.</param>
public sealed record UpstreamAccount(string Id, string Name, bool IsRequestAccount = false);
