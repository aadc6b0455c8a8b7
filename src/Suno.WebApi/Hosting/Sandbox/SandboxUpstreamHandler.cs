namespace Suno.WebApi.Hosting.Sandbox;

/// <summary>
/// In sandbox mode the Suno and Clerk base URLs name a placeholder host (<see cref="SandboxMode.UpstreamHost"/>);
/// this handler sends such a request to the gateway's own address instead, where the fake is mounted. Requests to
/// any other host pass through untouched, so it is safe on every HttpClient. The gateway's own calls carry this
/// process's <see cref="SandboxAccess"/> key, so the fake needs no SECRET_TOKEN from them (their Authorization
/// header is the fake Suno's JWT).
/// </summary>
internal sealed class SandboxUpstreamHandler(GatewayAddress gateway, SandboxAccess access) : DelegatingHandler
{
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (request.RequestUri is { } uri && string.Equals(uri.Host, SandboxMode.UpstreamHost, StringComparison.OrdinalIgnoreCase))
        {
            var target = await gateway.GetAsync(cancellationToken).ConfigureAwait(false);
            request.RequestUri = new UriBuilder(uri) { Scheme = target.Scheme, Host = target.Host, Port = target.Port }.Uri;
            request.Headers.Remove(SandboxAccess.HeaderName);
            request.Headers.Add(SandboxAccess.HeaderName, access.Key);
        }

        return await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
    }
}
