using System.Text.Json.Serialization;
using Suno.Application.Tasks.Common;
using Suno.Application.Tasks.Hosted;

namespace Suno.WebApi.Families.Hosted;

/// <summary>The three URLs in the callback's snake_case (what the hosted API's sample client reads from record-info's response).</summary>
public sealed record HostedVocalRemovalInfo
{
    [JsonPropertyName("origin_url")]
    public string? OriginUrl { get; init; }

    [JsonPropertyName("vocal_url")]
    public string? VocalUrl { get; init; }

    [JsonPropertyName("instrumental_url")]
    public string? InstrumentalUrl { get; init; }
}

/// <summary>
/// record-info's response of a vocal removal: the source clip's audio, the vocals and the instrumental (each null
/// until complete). The other stems of a 12-stem split are always null (split_stem is not supported). The same three
/// URLs are also under vocal_removal_info, in the callback's snake_case.
/// </summary>
public sealed record HostedVocalRemovalResponse
{
    [JsonPropertyName("originUrl")]
    public string? OriginUrl { get; init; }

    [JsonPropertyName("vocalUrl")]
    public string? VocalUrl { get; init; }

    [JsonPropertyName("instrumentalUrl")]
    public string? InstrumentalUrl { get; init; }

    [JsonPropertyName("backingVocalsUrl")]
    public string? BackingVocalsUrl { get; init; }

    [JsonPropertyName("drumsUrl")]
    public string? DrumsUrl { get; init; }

    [JsonPropertyName("bassUrl")]
    public string? BassUrl { get; init; }

    [JsonPropertyName("guitarUrl")]
    public string? GuitarUrl { get; init; }

    [JsonPropertyName("keyboardUrl")]
    public string? KeyboardUrl { get; init; }

    [JsonPropertyName("percussionUrl")]
    public string? PercussionUrl { get; init; }

    [JsonPropertyName("stringsUrl")]
    public string? StringsUrl { get; init; }

    [JsonPropertyName("synthUrl")]
    public string? SynthUrl { get; init; }

    [JsonPropertyName("fxUrl")]
    public string? FxUrl { get; init; }

    [JsonPropertyName("brassUrl")]
    public string? BrassUrl { get; init; }

    [JsonPropertyName("woodwindsUrl")]
    public string? WoodwindsUrl { get; init; }

    [JsonPropertyName("vocal_removal_info")]
    public required HostedVocalRemovalInfo VocalRemovalInfo { get; init; }
}

/// <summary>
/// data of GET /api/v1/vocal-removal/record-info. Times are unix milliseconds (as the hosted API's vocal removal
/// examples give them); completeTime is null until the split succeeded. <c>status</c> repeats successFlag, for
/// clients that wait on every task through /api/v1/generate/record-info (the hosted API's sample client does).
/// </summary>
public sealed record HostedVocalRemovalRecord
{
    [JsonPropertyName("taskId")]
    public required string TaskId { get; init; }

    /// <summary>The clip that was split (the request's audioId).</summary>
    [JsonPropertyName("musicId")]
    public required string MusicId { get; init; }

    [JsonPropertyName("callbackUrl")]
    public string? CallbackUrl { get; init; }

    /// <summary>The clip's place in the task that made it (0 or 1).</summary>
    [JsonPropertyName("musicIndex")]
    public int MusicIndex { get; init; }

    [JsonPropertyName("completeTime")]
    public long? CompleteTime { get; init; }

    [JsonPropertyName("response")]
    public required HostedVocalRemovalResponse Response { get; init; }

    /// <summary>PENDING, SUCCESS, CREATE_TASK_FAILED, GENERATE_AUDIO_FAILED or CALLBACK_EXCEPTION.</summary>
    [JsonPropertyName("successFlag")]
    public required string SuccessFlag { get; init; }

    [JsonPropertyName("status")]
    public required string Status { get; init; }

    [JsonPropertyName("createTime")]
    public long CreateTime { get; init; }

    [JsonPropertyName("errorCode")]
    public int? ErrorCode { get; init; }

    [JsonPropertyName("errorMessage")]
    public string? ErrorMessage { get; init; }

    public static HostedVocalRemovalRecord From(TaskDto task)
    {
        ArgumentNullException.ThrowIfNull(task);
        var work = HostedVocalRemoval.WorkOf(task);
        var urls = HostedVocalRemoval.UrlsOf(task);
        var flag = HostedVocalRemoval.SuccessFlagOf(task);
        return new HostedVocalRemovalRecord
        {
            TaskId = task.TaskId,
            MusicId = work?.ClipId ?? string.Empty,
            CallbackUrl = task.CallbackUrl,
            MusicIndex = work?.MusicIndex ?? 0,
            CompleteTime = task.Status == "SUCCESS" && task.FinishTime > 0 ? task.FinishTime * 1000 : null,
            Response = new HostedVocalRemovalResponse
            {
                OriginUrl = urls.OriginUrl,
                VocalUrl = urls.VocalUrl,
                InstrumentalUrl = urls.InstrumentalUrl,
                VocalRemovalInfo = new HostedVocalRemovalInfo { OriginUrl = urls.OriginUrl, VocalUrl = urls.VocalUrl, InstrumentalUrl = urls.InstrumentalUrl },
            },
            SuccessFlag = flag,
            Status = flag,
            CreateTime = new DateTimeOffset(DateTime.SpecifyKind(task.CreatedAt, DateTimeKind.Utc)).ToUnixTimeMilliseconds(),
            ErrorCode = HostedVocalRemoval.ErrorCodeOf(task),
            ErrorMessage = task.FailReason ?? task.CallbackError,
        };
    }
}
