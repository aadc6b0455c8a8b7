using System.Text.Json.Serialization;

namespace Suno.WebApi.Families.SunoTasks;

/// <summary>
/// The /suno/* envelope of the Go gateway (ginplus.DataResult): code "success" or an error code, a message, and
/// the data (always written, null on errors).
/// </summary>
public sealed record SunoEnvelope<T>
{
    /// <summary>"success", or an error code: invalid_request, task_not_exist, internal_error, ...</summary>
    [JsonPropertyName("code")]
    public required string Code { get; init; }

    [JsonPropertyName("message")]
    public required string Message { get; init; }

    [JsonPropertyName("data")]
    public required T Data { get; init; }
}

/// <summary>The /suno/* envelope of an error: data is always null; errors lists the failing fields of a validation error.</summary>
public sealed record SunoErrorEnvelope
{
    /// <summary>invalid_request (400, 401, 413, 415), task_not_exist (404), internal_error (500), ...</summary>
    [JsonPropertyName("code")]
    public required string Code { get; init; }

    [JsonPropertyName("message")]
    public required string Message { get; init; }

    /// <summary>Always null.</summary>
    [JsonPropertyName("data")]
    public object? Data { get; init; }

    /// <summary>Field (as sent) to messages, for validation errors only.</summary>
    [JsonPropertyName("errors")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public IReadOnlyDictionary<string, string[]>? Errors { get; init; }
}

/// <summary>The same envelopes with an integer code (Api:EnvelopeStyle = integer): 200/"success", or the HTTP status and the error message.</summary>
public sealed record SunoNumericEnvelope<T>
{
    [JsonPropertyName("code")]
    public required int Code { get; init; }

    [JsonPropertyName("message")]
    public required string Message { get; init; }

    [JsonPropertyName("data")]
    public required T Data { get; init; }

    [JsonPropertyName("errors")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public IReadOnlyDictionary<string, string[]>? Errors { get; init; }
}
