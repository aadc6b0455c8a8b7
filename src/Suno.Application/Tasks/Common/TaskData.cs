namespace Suno.Application.Tasks.Common;

/// <summary>The wire forms of a task's times and progress.</summary>
internal static class TaskData
{
    public static long ToUnixSeconds(DateTime? time) =>
        time is { } value ? new DateTimeOffset(DateTime.SpecifyKind(value, DateTimeKind.Utc)).ToUnixTimeSeconds() : 0;

    public static string ToPercent(int progress) =>
        string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{Math.Clamp(progress, 0, 100)}%");
}
