namespace Suno.Domain.Tasks;

/// <summary>What a task asks Suno for. Sent and stored as the upper-case name (MUSIC, LYRICS, ...).</summary>
public enum TaskAction
{
    Music = 0,
    Lyrics = 1,
    Extend = 2,
    Concat = 3,
    Stems = 4,
}

/// <summary>Wire names of <see cref="TaskAction"/>.</summary>
public static class TaskActionNames
{
    public static string ToWire(this TaskAction action) => action switch
    {
        TaskAction.Music => "MUSIC",
        TaskAction.Lyrics => "LYRICS",
        TaskAction.Extend => "EXTEND",
        TaskAction.Concat => "CONCAT",
        TaskAction.Stems => "STEMS",
        _ => throw new ArgumentOutOfRangeException(nameof(action), action, "Unknown task action."),
    };

    /// <summary>Parses an action name case-insensitively (new-api sends MUSIC, people type music).</summary>
    public static bool TryParse(string? value, out TaskAction action)
    {
        foreach (var candidate in Enum.GetValues<TaskAction>())
        {
            if (string.Equals(candidate.ToWire(), value, StringComparison.OrdinalIgnoreCase))
            {
                action = candidate;
                return true;
            }
        }

        action = default;
        return false;
    }
}
