using System.Globalization;
using System.Text.Json;
using Suno.Domain.Clips;

namespace Suno.Infrastructure.Upstream.Studio;

/// <summary>Reads Suno's clip objects into <see cref="ClipSnapshot"/>s, keeping each object's raw JSON.</summary>
public static class ClipJson
{
    /// <summary>One clip object.</summary>
    public static ClipSnapshot Parse(JsonElement clip)
    {
        if (clip.ValueKind != JsonValueKind.Object)
        {
            throw new FormatException("A clip must be a JSON object.");
        }

        var metadata = clip.TryGetProperty("metadata", out var m) && m.ValueKind == JsonValueKind.Object ? m : default;
        var statusText = String(clip, "status");
        return new ClipSnapshot
        {
            Id = String(clip, "id") ?? throw new FormatException("A clip has no id."),
            Status = ClipStatusNames.Parse(statusText),
            StatusText = statusText,
            Title = String(clip, "title"),
            AudioUrl = NullIfEmpty(String(clip, "audio_url")),
            VideoUrl = NullIfEmpty(String(clip, "video_url")),
            ImageUrl = NullIfEmpty(String(clip, "image_url")),
            ImageLargeUrl = NullIfEmpty(String(clip, "image_large_url")),
            ModelName = String(clip, "model_name"),
            MajorModelVersion = String(clip, "major_model_version"),
            Tags = String(metadata, "tags"),
            NegativeTags = String(metadata, "negative_tags"),
            Prompt = String(metadata, "prompt"),
            GptDescriptionPrompt = String(metadata, "gpt_description_prompt"),
            Type = String(metadata, "type"),
            Duration = Number(metadata, "duration"),
            ErrorMessage = NullIfEmpty(String(metadata, "error_message")),
            StemFromId = String(metadata, "stem_from_id"),
            CreatedAt = Date(clip, "created_at"),
            MakeInstrumental = Boolean(metadata, "make_instrumental"),
            ExtendsClipId = String(LastHistoryEntry(metadata), "id"),
            ExtendsAt = Number(LastHistoryEntry(metadata), "continue_at"),
            RawJson = clip.GetRawText(),
        };
    }

    /// <summary>The last entry of metadata.history (the clip an extension continues), or an undefined element.</summary>
    private static JsonElement LastHistoryEntry(JsonElement metadata) =>
        metadata.ValueKind == JsonValueKind.Object && metadata.TryGetProperty("history", out var history)
            && history.ValueKind == JsonValueKind.Array && history.GetArrayLength() > 0
            ? history[history.GetArrayLength() - 1]
            : default;

    /// <summary>The clips of an answer: a bare array, or an object with a "clips" array.</summary>
    public static IReadOnlyList<ClipSnapshot> ParseList(JsonElement root)
    {
        var array = root.ValueKind == JsonValueKind.Array ? root
            : root.ValueKind == JsonValueKind.Object && root.TryGetProperty("clips", out var clips) && clips.ValueKind == JsonValueKind.Array ? clips
            : default;
        return array.ValueKind == JsonValueKind.Array
            ? array.EnumerateArray().Where(c => c.ValueKind == JsonValueKind.Object).Select(Parse).ToList()
            : [];
    }

    internal static string? String(JsonElement element, string name) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out var value)
            ? value.ValueKind switch
            {
                JsonValueKind.String => value.GetString(),
                JsonValueKind.Number or JsonValueKind.True or JsonValueKind.False => value.GetRawText(),
                _ => null,
            }
            : null;

    internal static double? Number(JsonElement element, string name)
    {
        if (element.ValueKind != JsonValueKind.Object || !element.TryGetProperty(name, out var value))
        {
            return null;
        }

        return value.ValueKind switch
        {
            JsonValueKind.Number => value.GetDouble(),
            JsonValueKind.String when double.TryParse(value.GetString(), NumberStyles.Float, CultureInfo.InvariantCulture, out var parsed) => parsed,
            _ => null,
        };
    }

    internal static int? Integer(JsonElement element, string name) => Number(element, name) is { } n ? (int)Math.Round(n) : null;

    internal static bool? Boolean(JsonElement element, string name) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out var value)
            ? value.ValueKind switch
            {
                JsonValueKind.True => true,
                JsonValueKind.False => false,
                _ => null,
            }
            : null;

    private static DateTime? Date(JsonElement element, string name) =>
        String(element, name) is { } text && DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var date)
            ? date.UtcDateTime
            : null;

    private static string? NullIfEmpty(string? value) => string.IsNullOrEmpty(value) ? null : value;
}
