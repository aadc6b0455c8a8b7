using System.Globalization;
using System.Text.Json;

namespace Suno.Application.Gcui.Common;

/// <summary>Reads <see cref="ClipInfo"/> out of a clip object as Suno sends it (top-level fields plus metadata).</summary>
public static class ClipInfoReader
{
    /// <summary>
    /// The gcui-art mapping. <paramref name="compactLyrics"/>: the /api/get path drops blank lines from the lyric.
    /// </summary>
    public static ClipInfo Read(string clipId, string rawJson, bool compactLyrics)
    {
        try
        {
            using var document = JsonDocument.Parse(rawJson);
            return Read(clipId, document.RootElement, compactLyrics);
        }
        catch (JsonException)
        {
            return new ClipInfo { Id = clipId };
        }
    }

    public static ClipInfo Read(string clipId, JsonElement clip, bool compactLyrics)
    {
        if (clip.ValueKind != JsonValueKind.Object)
        {
            return new ClipInfo { Id = clipId };
        }

        var metadata = clip.TryGetProperty("metadata", out var m) && m.ValueKind == JsonValueKind.Object ? m : default;
        var prompt = Text(metadata, "prompt");
        return new ClipInfo
        {
            Id = Text(clip, "id") ?? clipId,
            Title = Text(clip, "title"),
            ImageUrl = Text(clip, "image_url"),
            Lyric = compactLyrics ? CompactLyrics(prompt) : prompt ?? string.Empty,
            AudioUrl = Text(clip, "audio_url"),
            VideoUrl = Text(clip, "video_url"),
            CreatedAt = Text(clip, "created_at"),
            ModelName = Text(clip, "model_name"),
            Status = Text(clip, "status"),
            GptDescriptionPrompt = Text(metadata, "gpt_description_prompt"),
            Prompt = prompt,
            Type = Text(metadata, "type"),
            Tags = Text(metadata, "tags"),
            NegativeTags = Text(metadata, "negative_tags"),
            Duration = Number(metadata, "duration"),
            ErrorMessage = Text(metadata, "error_message"),
        };
    }

    /// <summary>gcui-art's parseLyrics: the lines of the lyrics without the blank ones.</summary>
    public static string CompactLyrics(string? lyrics) =>
        string.IsNullOrEmpty(lyrics)
            ? string.Empty
            : string.Join('\n', lyrics.Split('\n').Select(l => l.TrimEnd('\r')).Where(l => l.Trim().Length > 0));

    internal static string? Text(JsonElement element, string name)
    {
        if (element.ValueKind != JsonValueKind.Object || !element.TryGetProperty(name, out var value))
        {
            return null;
        }

        return value.ValueKind switch
        {
            JsonValueKind.String => value.GetString(),
            JsonValueKind.Number => value.GetRawText(),
            JsonValueKind.True => "true",
            JsonValueKind.False => "false",
            _ => null,
        };
    }

    internal static double? Number(JsonElement element, string name)
    {
        if (element.ValueKind != JsonValueKind.Object || !element.TryGetProperty(name, out var value))
        {
            return null;
        }

        return value.ValueKind switch
        {
            JsonValueKind.Number when value.TryGetDouble(out var d) => d,
            JsonValueKind.String when double.TryParse(value.GetString(), NumberStyles.Float, CultureInfo.InvariantCulture, out var d) => d,
            _ => null,
        };
    }
}
