using System.Text.Json;
using Suno.Application.Tasks.Common;
using Suno.Application.Tasks.Engine;

namespace Suno.Application.Tasks.Hosted;

/// <summary>What a vocal removal made: the source clip's audio and its two stems (null until each is complete).</summary>
public sealed record VocalRemovalUrls(string? OriginUrl, string? VocalUrl, string? InstrumentalUrl);

/// <summary>
/// The hosted API's view of a stems task (vocal removal), shared by its record-info route and its callback: the
/// successFlag and which stem is which. Suno names its two stems by a title suffix, "(Vocals)" and "(Instrumental)"
/// (what the fake does); without one the first stem is taken as the vocals and the second as the instrumental, the
/// order Suno answers them in.
/// </summary>
public static class HostedVocalRemoval
{
    public const string Action = "STEMS";

    /// <summary>The stored split: the source clip, its task and place there, and its audio URL; null when unreadable.</summary>
    public static StemsWork? WorkOf(TaskDto task)
    {
        ArgumentNullException.ThrowIfNull(task);
        return task.Parameters is null ? null : SubmittedWork.ReadStems(task.Parameters);
    }

    /// <summary>PENDING, SUCCESS, CREATE_TASK_FAILED, GENERATE_AUDIO_FAILED, or CALLBACK_EXCEPTION once a callback was given up.</summary>
    public static string SuccessFlagOf(TaskDto task)
    {
        ArgumentNullException.ThrowIfNull(task);
        return task.CallbackError is not null ? "CALLBACK_EXCEPTION" : HostedMusic.StageOf(task) switch
        {
            MusicStage.Complete => "SUCCESS",
            MusicStage.CreateFailed => "CREATE_TASK_FAILED",
            MusicStage.GenerateFailed => "GENERATE_AUDIO_FAILED",
            _ => "PENDING",
        };
    }

    /// <summary>The hosted errorCode of a failed split (as for music: 500 before Suno accepted it, 501 after); null otherwise.</summary>
    public static int? ErrorCodeOf(TaskDto task) => HostedMusic.StageOf(task) switch
    {
        MusicStage.CreateFailed => HostedMusic.CreateFailedCode,
        MusicStage.GenerateFailed => HostedMusic.GenerateFailedCode,
        _ => null,
    };

    public static VocalRemovalUrls UrlsOf(TaskDto task)
    {
        ArgumentNullException.ThrowIfNull(task);
        return new VocalRemovalUrls(WorkOf(task)?.OriginUrl, UrlOf(Stem(task, "(Vocals)", 0)), UrlOf(Stem(task, "(Instrumental)", 1)));
    }

    /// <summary>The documented callback body: data.vocal_removal_info with the three URLs, null on failure.</summary>
    public static string CallbackPayloadOf(TaskDto task, bool failed)
    {
        ArgumentNullException.ThrowIfNull(task);
        if (failed)
        {
            return JsonSerializer.Serialize(new
            {
                code = ErrorCodeOf(task) ?? HostedMusic.GenerateFailedCode,
                msg = task.FailReason ?? "vocal removal failed",
                data = new { task_id = task.TaskId, vocal_removal_info = (object?)null },
            });
        }

        var urls = UrlsOf(task);
        return JsonSerializer.Serialize(new
        {
            code = 200,
            msg = "success",
            data = new
            {
                task_id = task.TaskId,
                vocal_removal_info = new { origin_url = urls.OriginUrl, vocal_url = urls.VocalUrl, instrumental_url = urls.InstrumentalUrl },
            },
        });
    }

    private static ClipDto? Stem(TaskDto task, string suffix, int fallbackPosition)
    {
        var named = task.Clips.FirstOrDefault(c => c.Title?.TrimEnd().EndsWith(suffix, StringComparison.OrdinalIgnoreCase) == true);
        if (named is not null)
        {
            return named;
        }

        var anyNamed = task.Clips.Any(c => c.Title?.TrimEnd().EndsWith("(Vocals)", StringComparison.OrdinalIgnoreCase) == true
            || c.Title?.TrimEnd().EndsWith("(Instrumental)", StringComparison.OrdinalIgnoreCase) == true);
        return !anyNamed && fallbackPosition < task.Clips.Count ? task.Clips[fallbackPosition] : null;
    }

    private static string? UrlOf(ClipDto? clip) => clip?.Status == "complete" && !string.IsNullOrEmpty(clip.AudioUrl) ? clip.AudioUrl : null;
}
