namespace Suno.Infrastructure.Configuration;

/// <summary>
/// Gateway logging switches (keys Logging:Debug, Logging:RotateLogs, Logging:Directory, Logging:RetainedFiles,
/// Logging:FileSizeMegabytes).
/// </summary>
public sealed class LoggingOptions
{
    public const string SectionName = "Logging";
    public const string DefaultDirectory = "logs";
    public const int DefaultRetainedFiles = 14;
    public const int DefaultFileSizeMegabytes = 100;

    /// <summary>Debug-level logs of the gateway's own categories (alias DEBUG).</summary>
    public bool Debug { get; set; }

    /// <summary>Write rotating log files as well (alias ROTATE_LOGS).</summary>
    public bool RotateLogs { get; set; }

    /// <summary>Folder of the log files (alias LOG_DIR).</summary>
    public string Directory { get; set; } = DefaultDirectory;

    /// <summary>How many log files are kept; older ones are deleted.</summary>
    public int RetainedFiles { get; set; } = DefaultRetainedFiles;

    /// <summary>A file that reaches this size is closed and the next one started (same day, a _001 suffix).</summary>
    public int FileSizeMegabytes { get; set; } = DefaultFileSizeMegabytes;

    public static void Read(SettingsReader reader, LoggingOptions options)
    {
        ArgumentNullException.ThrowIfNull(reader);
        ArgumentNullException.ThrowIfNull(options);
        options.Debug = reader.Flag(SettingKeys.LoggingDebug, false);
        options.RotateLogs = reader.Flag(SettingKeys.LoggingRotateLogs, false);
        options.Directory = reader.Text(SettingKeys.LoggingDirectory, DefaultDirectory);
        options.RetainedFiles = reader.Number(SettingKeys.LoggingRetainedFiles, DefaultRetainedFiles, 1, 10_000);
        options.FileSizeMegabytes = reader.Number(SettingKeys.LoggingFileSizeMegabytes, DefaultFileSizeMegabytes, 1, 100_000);
    }
}
