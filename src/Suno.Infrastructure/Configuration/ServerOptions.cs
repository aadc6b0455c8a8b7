namespace Suno.Infrastructure.Configuration;

/// <summary>Where the gateway listens (section Server). --urls / ASPNETCORE_URLS override both.</summary>
public sealed class ServerOptions
{
    public const string SectionName = "Server";
    public const int DefaultPort = 3000;
    public const string DefaultHost = "0.0.0.0";

    /// <summary>TCP port (alias PORT), 1 to 65535.</summary>
    public int Port { get; set; } = DefaultPort;

    /// <summary>Address to bind: 0.0.0.0 for every interface, 127.0.0.1 for this machine only.</summary>
    public string Host { get; set; } = DefaultHost;

    public static void Read(SettingsReader reader, ServerOptions options)
    {
        ArgumentNullException.ThrowIfNull(reader);
        ArgumentNullException.ThrowIfNull(options);
        options.Port = reader.Number(SettingKeys.ServerPort, DefaultPort, 1, 65535);
        options.Host = reader.Text(SettingKeys.ServerHost, DefaultHost);
        if (options.Host.Contains('/', StringComparison.Ordinal) || options.Host.Contains(' ', StringComparison.Ordinal))
        {
            reader.Fail(SettingKeys.ServerHost, $"must be a host name or IP address, got '{options.Host}'");
            options.Host = DefaultHost;
        }
    }
}
