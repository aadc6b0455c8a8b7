namespace Suno.Infrastructure.Configuration;

/// <summary>Access to the gateway itself (section Auth).</summary>
public sealed class AuthOptions
{
    public const string SectionName = "Auth";

    /// <summary>
    /// Bearer token every API route requires when set (alias SECRET_TOKEN); /ping, /health and the docs stay open.
    /// Secret: never logged.
    /// </summary>
    public string? SecretToken { get; set; }

    public static void Read(SettingsReader reader, AuthOptions options)
    {
        ArgumentNullException.ThrowIfNull(reader);
        ArgumentNullException.ThrowIfNull(options);
        options.SecretToken = reader.Text(SettingKeys.AuthSecretToken);
    }
}
