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
}
