namespace Suno.Domain.Clips;

/// <summary>Status of one clip as Suno reports it (submitted, queued, streaming, complete, error).</summary>
public enum ClipStatus
{
    /// <summary>A status string Suno sent that we do not know; the task rule treats it as a failure.</summary>
    Unknown = 0,
    Submitted = 1,
    Queued = 2,
    Streaming = 3,
    Complete = 4,
    Error = 5,
}

/// <summary>Wire names of <see cref="ClipStatus"/> (lower case, as Suno sends them).</summary>
public static class ClipStatusNames
{
    public static ClipStatus Parse(string? value) => value?.Trim().ToUpperInvariant() switch
    {
        "SUBMITTED" => ClipStatus.Submitted,
        "QUEUED" => ClipStatus.Queued,
        "STREAMING" => ClipStatus.Streaming,
        "COMPLETE" => ClipStatus.Complete,
        "ERROR" => ClipStatus.Error,
        _ => ClipStatus.Unknown,
    };

    public static string ToWire(this ClipStatus status) => status switch
    {
        ClipStatus.Submitted => "submitted",
        ClipStatus.Queued => "queued",
        ClipStatus.Streaming => "streaming",
        ClipStatus.Complete => "complete",
        ClipStatus.Error => "error",
        _ => "unknown",
    };
}
