using System.Text.Json;
using System.Text.Json.Nodes;
using Suno.Domain.Clips;
using Suno.Domain.Tasks;

namespace Suno.Application.Tasks.Common;

/// <summary>Builds the <see cref="TaskDto.Data"/> element and the unix-second times of a task.</summary>
internal static class TaskData
{
    public static JsonElement? From(SunoTask task) =>
        task.Action == TaskAction.Lyrics ? FromLyrics(task.Lyrics) : FromClips(task.Clips);

    public static long ToUnixSeconds(DateTime? time) =>
        time is { } value ? new DateTimeOffset(DateTime.SpecifyKind(value, DateTimeKind.Utc)).ToUnixTimeSeconds() : 0;

    public static string ToPercent(int progress) =>
        string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{Math.Clamp(progress, 0, 100)}%");

    private static JsonElement? FromLyrics(LyricsResult? lyrics)
    {
        if (lyrics is null)
        {
            return null;
        }

        var node = new JsonObject
        {
            ["id"] = lyrics.Id,
            ["status"] = lyrics.Status,
            ["title"] = lyrics.Title,
            ["text"] = lyrics.Text,
        };
        return JsonSerializer.SerializeToElement(node);
    }

    private static JsonElement FromClips(IEnumerable<Clip> clips)
    {
        var array = new JsonArray();
        foreach (var clip in clips.OrderBy(c => c.Position))
        {
            array.Add(ParseRaw(clip));
        }

        return JsonSerializer.SerializeToElement(array);
    }

    private static JsonObject ParseRaw(Clip clip)
    {
        try
        {
            if (JsonNode.Parse(clip.RawJson) is JsonObject raw)
            {
                return raw;
            }
        }
        catch (JsonException)
        {
            // Fall through: a clip whose stored JSON is unreadable still reports what the gateway knows of it.
        }

        return new JsonObject
        {
            ["id"] = clip.Id,
            ["status"] = clip.Status.ToWire(),
            ["title"] = clip.Title,
            ["audio_url"] = clip.AudioUrl,
            ["video_url"] = clip.VideoUrl,
            ["image_url"] = clip.ImageUrl,
            ["model_name"] = clip.ModelName,
        };
    }
}
