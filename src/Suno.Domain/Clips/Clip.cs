namespace Suno.Domain.Clips;

/// <summary>One audio clip of a task (Suno makes two per generation).</summary>
public class Clip
{
    private Clip()
    {
        Id = string.Empty;
        TaskId = string.Empty;
        TenantId = Common.Tenants.Pool;
        RawJson = "{}";
    }

    internal Clip(string taskId, string tenantId, int position, ClipSnapshot snapshot)
        : this()
    {
        Id = snapshot.Id;
        TaskId = taskId;
        TenantId = tenantId;
        Position = position;
        _ = Apply(snapshot);
    }

    public string Id { get; private set; }
    public string TaskId { get; private set; }

    /// <summary>The tenant of the task that made the clip (<see cref="Common.Tenants"/>).</summary>
    public string TenantId { get; private set; }

    /// <summary>Order of the clip in Suno's answer (0, 1, ...); clips are always returned in this order.</summary>
    public int Position { get; private set; }
    public ClipStatus Status { get; private set; }
    public string? Title { get; private set; }
    public string? AudioUrl { get; private set; }
    public string? VideoUrl { get; private set; }
    public string? ImageUrl { get; private set; }
    public string? ImageLargeUrl { get; private set; }
    public string? ModelName { get; private set; }
    public string? MajorModelVersion { get; private set; }
    public string? Tags { get; private set; }
    public string? NegativeTags { get; private set; }
    public string? Prompt { get; private set; }
    public string? GptDescriptionPrompt { get; private set; }
    public string? Type { get; private set; }
    public double? Duration { get; private set; }
    public string? ErrorMessage { get; private set; }
    public DateTime? CreatedAt { get; private set; }

    /// <summary>The latest clip object from Suno, verbatim.</summary>
    public string RawJson { get; private set; }

    /// <summary>Takes the snapshot's values; returns whether anything Suno sent differs from what the clip held.</summary>
    internal bool Apply(ClipSnapshot snapshot)
    {
        if (!string.Equals(snapshot.Id, Id, StringComparison.Ordinal))
        {
            throw new ArgumentException($"Snapshot of clip {snapshot.Id} applied to clip {Id}.", nameof(snapshot));
        }

        var changed = Status != snapshot.Status || !string.Equals(RawJson, snapshot.RawJson, StringComparison.Ordinal);

        Status = snapshot.Status;
        Title = snapshot.Title;
        AudioUrl = snapshot.AudioUrl;
        VideoUrl = snapshot.VideoUrl;
        ImageUrl = snapshot.ImageUrl;
        ImageLargeUrl = snapshot.ImageLargeUrl;
        ModelName = snapshot.ModelName;
        MajorModelVersion = snapshot.MajorModelVersion;
        Tags = snapshot.Tags;
        NegativeTags = snapshot.NegativeTags;
        Prompt = snapshot.Prompt;
        GptDescriptionPrompt = snapshot.GptDescriptionPrompt;
        Type = snapshot.Type;
        Duration = snapshot.Duration;
        ErrorMessage = snapshot.ErrorMessage;
        CreatedAt = snapshot.CreatedAt;
        RawJson = snapshot.RawJson;
        return changed;
    }
}
