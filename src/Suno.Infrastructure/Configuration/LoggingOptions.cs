namespace Suno.Infrastructure.Configuration;

/// <summary>Gateway logging switches (keys Logging:Debug, Logging:RotateLogs, Logging:Directory).</summary>
public sealed class LoggingOptions
{
    public const string SectionName = "Logging";
    public const string DefaultDirectory = "logs";

    /// <summary>Debug-level logs of the gateway's own categories (alias DEBUG).</summary>
    public bool Debug { get; set; }

    /// <summary>Write rotating log files as well (alias ROTATE_LOGS).</summary>
    public bool RotateLogs { get; set; }

    /// <summary>Folder of the log files (alias LOG_DIR).</summary>
    public string Directory { get; set; } = DefaultDirectory;

    public static void Read(SettingsReader reader, LoggingOptions options)
    {
        ArgumentNullException.ThrowIfNull(reader);
        ArgumentNullException.ThrowIfNull(options);
        options.Debug = reader.Flag(SettingKeys.LoggingDebug, false);
        options.RotateLogs = reader.Flag(SettingKeys.LoggingRotateLogs, false);
        options.Directory = reader.Text(SettingKeys.LoggingDirectory, DefaultDirectory);
    }
}
