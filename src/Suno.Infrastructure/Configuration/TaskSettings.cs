using Suno.Application.Tasks.Engine;

namespace Suno.Infrastructure.Configuration;

/// <summary>Reads the task engine's settings (section Tasks) into <see cref="TaskEngineOptions"/>.</summary>
public static class TaskSettings
{
    public const int DefaultPollIntervalSeconds = 3;
    public const int DefaultTimeoutSeconds = 600;

    public static void Read(SettingsReader reader, TaskEngineOptions options)
    {
        ArgumentNullException.ThrowIfNull(reader);
        ArgumentNullException.ThrowIfNull(options);
        options.PollInterval = TimeSpan.FromSeconds(reader.Number(SettingKeys.TasksPollIntervalSeconds, DefaultPollIntervalSeconds, 1, 3_600));
        options.TaskTimeout = TimeSpan.FromSeconds(reader.Number(SettingKeys.TasksTimeoutSeconds, DefaultTimeoutSeconds, 10, 86_400));
        options.LeaseDuration = TimeSpan.FromSeconds(reader.Number(TaskEngineKeys.LeaseSeconds, 30, 2, 3_600));
        options.IdempotencyKeyLifetime = TimeSpan.FromHours(reader.Number(TaskEngineKeys.IdempotencyKeyHours, 24, 1, 8_760));
        options.SubmissionGrace = TimeSpan.FromSeconds(reader.Number(TaskEngineKeys.SubmissionGraceSeconds, 60, 1, 3_600));
        options.MaxTasksPerTick = reader.Number(TaskEngineKeys.MaxTasksPerTick, 2000, 1, 100_000);
        options.SettlementFeedPages = reader.Number(TaskEngineKeys.SettlementFeedPages, 10, 1, 1_000);
        options.LateCheckWindow = TimeSpan.FromSeconds(reader.Number(TaskEngineKeys.LateCheckSeconds, 3_600, 0, 604_800));
        options.LateCheckEveryTicks = reader.Number(TaskEngineKeys.LateCheckEveryTicks, 10, 1, 10_000);
        options.PollingEnabled = reader.Flag(TaskEngineKeys.Polling, true);
        options.LyricsWait = TimeSpan.FromSeconds(reader.Number(TaskEngineKeys.LyricsWaitSeconds, 120, 1, 3_600));
        options.DefaultModel = reader.Model(TaskEngineKeys.DefaultModel, options.DefaultModel);
    }
}

/// <summary>Task-engine keys beyond the ones the reference gateways have aliases for.</summary>
public static class TaskEngineKeys
{
    public const string LeaseSeconds = "Tasks:LeaseSeconds";
    public const string IdempotencyKeyHours = "Tasks:IdempotencyKeyHours";
    public const string SubmissionGraceSeconds = "Tasks:SubmissionGraceSeconds";
    public const string MaxTasksPerTick = "Tasks:MaxTasksPerTick";
    public const string DefaultModel = "Tasks:DefaultModel";
    public const string SettlementFeedPages = "Tasks:SettlementFeedPages";
    public const string LateCheckSeconds = "Tasks:LateCheckSeconds";
    public const string LateCheckEveryTicks = "Tasks:LateCheckEveryTicks";
    public const string Polling = "Tasks:Polling";
    public const string LyricsWaitSeconds = "Tasks:LyricsWaitSeconds";
}
