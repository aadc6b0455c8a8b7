using System.Text.Json.Serialization;

namespace Suno.WebApi.Families.SunoTasks;

/// <summary>Body of POST /suno/fetch.</summary>
public sealed record FetchTasksRequest
{
    /// <summary>Task ids; unknown ones are skipped.</summary>
    [JsonPropertyName("ids")]
    public IReadOnlyList<string>? Ids { get; init; }

    /// <summary>Only tasks of this action (MUSIC or LYRICS, any case).</summary>
    [JsonPropertyName("action")]
    public string? Action { get; init; }
}
