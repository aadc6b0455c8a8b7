using System.Text.Json;
using System.Text.Json.Serialization;
using Suno.Application.Models;
using Suno.Application.Tasks.Common;
using Suno.Application.Tasks.Engine;
using Suno.Application.Tasks.Hosted;

namespace Suno.WebApi.Families.Hosted;

/// <summary>data of a submission: the new task's id.</summary>
public sealed record HostedTaskId([property: JsonPropertyName("taskId")] string TaskId);

/// <summary>data of GET /api/v1/get-credits (the seed sample's shape).</summary>
public sealed record HostedCredits([property: JsonPropertyName("credits")] int Credits);

/// <summary>A clip in record-info's camelCase form (<c>response.sunoData[]</c>); <c>id</c> is the Suno clip id later calls take as audioId.</summary>
public sealed record HostedSunoData : HostedClipFields
{
    [JsonPropertyName("audioUrl")]
    public required string AudioUrl { get; init; }

    [JsonPropertyName("streamAudioUrl")]
    public required string StreamAudioUrl { get; init; }

    [JsonPropertyName("imageUrl")]
    public required string ImageUrl { get; init; }

    [JsonPropertyName("modelName")]
    public required string ModelName { get; init; }

    public static HostedSunoData From(ClipDto clip) => new()
    {
        Id = clip.Id,
        AudioUrl = HostedMusic.AudioUrlOf(clip),
        StreamAudioUrl = HostedMusic.StreamUrlOf(clip),
        ImageUrl = clip.ImageUrl ?? string.Empty,
        Prompt = clip.Prompt ?? string.Empty,
        ModelName = clip.ModelName ?? string.Empty,
        Title = clip.Title ?? string.Empty,
        Tags = clip.Tags ?? string.Empty,
        CreateTime = HostedMusic.CreateTimeOf(clip),
        Duration = clip.Duration,
    };
}

/// <summary>record-info's response of a music task: the clips twice, camelCase (documented) and snake_case (the seed sample's).</summary>
public sealed record HostedMusicResponse
{
    [JsonPropertyName("taskId")]
    public required string TaskId { get; init; }

    [JsonPropertyName("sunoData")]
    public required IReadOnlyList<HostedSunoData> SunoData { get; init; }

    [JsonPropertyName("data")]
    public required IReadOnlyList<HostedClipItem> Data { get; init; }
}

/// <summary>A lyrics result: {text, title, status complete|failed, errorMessage}.</summary>
public sealed record HostedLyricsItem
{
    [JsonPropertyName("text")]
    public required string Text { get; init; }

    [JsonPropertyName("title")]
    public required string Title { get; init; }

    [JsonPropertyName("status")]
    public required string Status { get; init; }

    [JsonPropertyName("errorMessage")]
    public required string ErrorMessage { get; init; }
}

/// <summary>record-info's response of a lyrics task.</summary>
public sealed record HostedLyricsResponse
{
    [JsonPropertyName("taskId")]
    public required string TaskId { get; init; }

    [JsonPropertyName("data")]
    public required IReadOnlyList<HostedLyricsItem> Data { get; init; }
}

/// <summary>
/// data of GET /api/v1/generate/record-info and /api/v1/lyrics/record-info. <c>param</c> is the request as a JSON
/// string (rebuilt from what the gateway stored, in the hosted field names); <c>type</c> GENERATE, EXTEND or LYRICS.
/// </summary>
public sealed record HostedRecord<TResponse>
{
    [JsonPropertyName("taskId")]
    public required string TaskId { get; init; }

    /// <summary>The clip an extension continues; empty otherwise.</summary>
    [JsonPropertyName("parentMusicId")]
    public required string ParentMusicId { get; init; }

    [JsonPropertyName("param")]
    public required string Param { get; init; }

    [JsonPropertyName("response")]
    public required TResponse Response { get; init; }

    /// <summary>
    /// PENDING, TEXT_SUCCESS, FIRST_SUCCESS, SUCCESS, CREATE_TASK_FAILED, GENERATE_AUDIO_FAILED (music);
    /// PENDING, SUCCESS, CREATE_TASK_FAILED, GENERATE_LYRICS_FAILED (lyrics); CALLBACK_EXCEPTION.
    /// </summary>
    [JsonPropertyName("status")]
    public required string Status { get; init; }

    [JsonPropertyName("type")]
    public required string Type { get; init; }

    [JsonPropertyName("errorCode")]
    public int? ErrorCode { get; init; }

    [JsonPropertyName("errorMessage")]
    public string? ErrorMessage { get; init; }
}

/// <summary>TaskDto → the hosted record-info shapes.</summary>
public static class HostedRecords
{
    /// <summary>A callback of the task was given up after its retries (it wins over the generation's own status).</summary>
    public const string CallbackException = "CALLBACK_EXCEPTION";

    private static readonly JsonSerializerOptions ParamJson = new() { DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull };

    public static HostedRecord<HostedMusicResponse> Music(TaskDto task)
    {
        ArgumentNullException.ThrowIfNull(task);
        var work = task.Parameters is null ? null : SubmittedWork.ReadMusic(task.Parameters);
        var stage = HostedMusic.StageOf(task);
        return new HostedRecord<HostedMusicResponse>
        {
            TaskId = task.TaskId,
            ParentMusicId = work?.ContinueClipId ?? string.Empty,
            Param = MusicParam(work, task.CallbackUrl),
            Response = new HostedMusicResponse
            {
                TaskId = task.TaskId,
                SunoData = task.Clips.Select(HostedSunoData.From).ToList(),
                Data = task.Clips.Select(HostedClipItem.From).ToList(),
            },
            Status = task.CallbackError is not null ? CallbackException : stage switch
            {
                MusicStage.Text => "TEXT_SUCCESS",
                MusicStage.First => "FIRST_SUCCESS",
                MusicStage.Complete => "SUCCESS",
                MusicStage.CreateFailed => "CREATE_TASK_FAILED",
                MusicStage.GenerateFailed => "GENERATE_AUDIO_FAILED",
                _ => "PENDING",
            },
            Type = work?.IsExtension == true ? "EXTEND" : "GENERATE",
            ErrorCode = stage switch
            {
                MusicStage.CreateFailed => HostedMusic.CreateFailedCode,
                MusicStage.GenerateFailed => HostedMusic.GenerateFailedCode,
                _ => null,
            },
            ErrorMessage = task.FailReason ?? task.CallbackError,
        };
    }

    public static HostedRecord<HostedLyricsResponse> Lyrics(TaskDto task)
    {
        ArgumentNullException.ThrowIfNull(task);
        var failed = task.Status == "FAILURE";
        var items = task.Lyrics is { } lyrics && (lyrics.Status == "complete" || failed)
            ? [new HostedLyricsItem
            {
                Text = lyrics.Text ?? string.Empty,
                Title = lyrics.Title ?? string.Empty,
                Status = failed ? "failed" : "complete",
                ErrorMessage = failed ? task.FailReason ?? string.Empty : string.Empty,
            }]
            : new List<HostedLyricsItem>();
        return new HostedRecord<HostedLyricsResponse>
        {
            TaskId = task.TaskId,
            ParentMusicId = string.Empty,
            Param = JsonSerializer.Serialize(new { prompt = LyricsPrompt(task.Parameters), callBackUrl = task.CallbackUrl }, ParamJson),
            Response = new HostedLyricsResponse { TaskId = task.TaskId, Data = items },
            Status = task.CallbackError is not null ? CallbackException : (task.Status, task.Lyrics) switch
            {
                ("SUCCESS", _) => "SUCCESS",
                ("FAILURE", null) => "CREATE_TASK_FAILED",
                ("FAILURE", _) => "GENERATE_LYRICS_FAILED",
                _ => "PENDING",
            },
            Type = "LYRICS",
            ErrorCode = failed ? HostedMusic.CreateFailedCode : null,
            ErrorMessage = task.FailReason ?? task.CallbackError,
        };
    }

    /// <summary>The stored work in the hosted request's field names.</summary>
    private static string MusicParam(MusicWork? work, string? callbackUrl)
    {
        if (work is null)
        {
            return "{}";
        }

        var custom = work.GptDescriptionPrompt is null;
        return JsonSerializer.Serialize(
            new
            {
                prompt = custom ? work.Prompt : work.GptDescriptionPrompt,
                customMode = custom,
                instrumental = work.MakeInstrumental,
                model = SunoModelCatalog.HostedNameOf(work.Mv),
                callBackUrl = callbackUrl,
                style = work.Tags,
                title = work.Title,
                negativeTags = work.NegativeTags,
                vocalGender = work.VocalGender,
                audioId = work.ContinueClipId,
                continueAt = work.ContinueAt,
            },
            ParamJson);
    }

    private static string? LyricsPrompt(string? parameters)
    {
        if (parameters is null)
        {
            return null;
        }

        try
        {
            using var doc = JsonDocument.Parse(parameters);
            return doc.RootElement.TryGetProperty("prompt", out var prompt) ? prompt.GetString() : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
