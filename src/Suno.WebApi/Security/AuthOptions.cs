namespace Suno.WebApi.Security;

/// <summary>Access to the gateway itself (section Auth).</summary>
public sealed class AuthOptions
{
    public const string SectionName = "Auth";

    /// <summary>
    /// Bearer token every API route requires when set (alias SECRET_TOKEN); /ping, /health and the docs stay open.
    /// Secret: never logged.
    /// </summary>
    public string? SecretToken { get; set; }

    /// <summary>Key of <see cref="PublicMetrics"/>.</summary>
    public const string PublicMetricsKey = "Metrics:Public";

    /// <summary>GET /metrics answers without the token (for a Prometheus that cannot send one).</summary>
    public bool PublicMetrics { get; set; }
}
