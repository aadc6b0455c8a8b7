namespace Suno.Infrastructure.Configuration;

/// <summary>Polling of running tasks (section Tasks).</summary>
public sealed class TaskOptions
{
    public const string SectionName = "Tasks";
    public const int DefaultPollIntervalSeconds = 3;
    public const int DefaultTimeoutSeconds = 600;

    /// <summary>Seconds between two polls of Suno for running tasks (alias POLL_INTERVAL).</summary>
    public int PollIntervalSeconds { get; set; } = DefaultPollIntervalSeconds;

    /// <summary>A task still running after this many seconds fails with "time out".</summary>
    public int TimeoutSeconds { get; set; } = DefaultTimeoutSeconds;

    public static void Read(SettingsReader reader, TaskOptions options)
    {
        ArgumentNullException.ThrowIfNull(reader);
        ArgumentNullException.ThrowIfNull(options);
        options.PollIntervalSeconds = reader.Number(SettingKeys.TasksPollIntervalSeconds, DefaultPollIntervalSeconds, 1, 3_600);
        options.TimeoutSeconds = reader.Number(SettingKeys.TasksTimeoutSeconds, DefaultTimeoutSeconds, 10, 86_400);
    }
}
