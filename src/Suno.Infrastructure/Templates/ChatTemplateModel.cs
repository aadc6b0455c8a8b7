using System.Globalization;
using Suno.Application.Chat.Common;
using Suno.Application.Tasks.Common;

namespace Suno.Infrastructure.Templates;

/// <summary>
/// The model the chat templates see, with snake_case names: <c>task_id</c>, <c>status</c>, <c>progress</c>,
/// <c>model</c>, <c>failed</c>, <c>fail_reason</c>, <c>clips</c> (each with <c>id</c>, <c>status</c>, <c>title</c>,
/// <c>lyrics</c>, <c>tags</c>, <c>duration</c> (seconds), <c>duration_text</c> (m:ss), <c>image_url</c>,
/// <c>image_large_url</c>, <c>audio_url</c>, <c>video_url</c>, <c>model_name</c>, <c>error_message</c>) and
/// <c>clip_count</c>.
/// </summary>
public static class ChatTemplateModel
{
    /// <summary>A song with one clip of every field, used to try the templates at start.</summary>
    public static Dictionary<string, object?> Sample { get; } = From(new ChatSong
    {
        TaskId = "00000000-0000-0000-0000-000000000000",
        Status = "SUCCESS",
        Progress = "100%",
        Model = "chirp-fenix",
        Clips =
        [
            new ClipDto
            {
                Id = "sample", Status = "complete", Title = "Sample", Prompt = "[Verse]", Tags = "pop", Duration = 120,
                ImageUrl = "https://example.invalid/i.jpeg", ImageLargeUrl = "https://example.invalid/l.jpeg",
                AudioUrl = "https://example.invalid/a.mp3", VideoUrl = "https://example.invalid/v.mp4",
                ModelName = "chirp-fenix", RawJson = "{}",
            },
        ],
    });

    public static Dictionary<string, object?> From(ChatSong song)
    {
        ArgumentNullException.ThrowIfNull(song);
        return new Dictionary<string, object?>(StringComparer.Ordinal)
        {
            ["task_id"] = song.TaskId,
            ["status"] = song.Status,
            ["progress"] = song.Progress,
            ["model"] = song.Model,
            ["failed"] = song.IsFailed,
            ["fail_reason"] = song.FailReason,
            ["clip_count"] = song.Clips.Count,
            ["clips"] = song.Clips.Select(Clip).ToList(),
        };
    }

    private static Dictionary<string, object?> Clip(ClipDto clip) => new(StringComparer.Ordinal)
    {
        ["id"] = clip.Id,
        ["status"] = clip.Status,
        ["title"] = clip.Title,
        ["lyrics"] = clip.Prompt,
        ["tags"] = clip.Tags,
        ["duration"] = clip.Duration,
        ["duration_text"] = clip.Duration is { } seconds
            ? string.Create(CultureInfo.InvariantCulture, $"{(int)seconds / 60}:{(int)seconds % 60:00}")
            : null,
        ["image_url"] = clip.ImageUrl,
        ["image_large_url"] = clip.ImageLargeUrl ?? clip.ImageUrl,
        ["audio_url"] = clip.AudioUrl,
        ["video_url"] = clip.VideoUrl,
        ["model_name"] = clip.ModelName,
        ["error_message"] = clip.ErrorMessage,
    };
}
