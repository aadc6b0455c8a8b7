using System.Globalization;
using System.Text.Json.Nodes;

namespace Suno.FakeUpstream.Internal;

/// <summary>Renders clips the way studio-api sends them (snake_case, nulls included).</summary>
internal static class ClipJson
{
    public const string SandboxPrefix = "[sandbox] ";

    private static readonly Dictionary<string, (string ModelName, string Major)> Models = new(StringComparer.Ordinal)
    {
        ["chirp-v2-xxl-alpha"] = ("chirp-v2-xxl-alpha", "v2"),
        ["chirp-v3-0"] = ("chirp-v3", "v3"),
        ["chirp-v3-5"] = ("chirp-v3", "v3.5"),
        ["chirp-v4"] = ("chirp-v4", "v4"),
        ["chirp-auk"] = ("chirp-auk", "v4.5"),
        ["chirp-auk-turbo"] = ("chirp-auk-turbo", "v4.5"),
        ["chirp-bluejay"] = ("chirp-bluejay", "v4.5+"),
        ["chirp-crow"] = ("chirp-crow", "v5"),
        ["chirp-fenix"] = ("chirp-fenix", "v5.5"),
    };

    public static bool IsKnownModel(string mv) => Models.ContainsKey(mv);

    /// <summary>v4 and older: prompt 3000 / tags 200; v4.5 and newer: prompt 5000 / tags 1000.</summary>
    public static (int Prompt, int Tags) MaxLengths(string mv) =>
        mv is "chirp-v2-xxl-alpha" or "chirp-v3-0" or "chirp-v3-5" or "chirp-v4" ? (3000, 200) : (5000, 1000);

    public static string ModelName(string mv) => Models.TryGetValue(mv, out var m) ? m.ModelName : mv;

    public static string MajorVersion(string mv) => Models.TryGetValue(mv, out var m) ? m.Major : "v3";

    public static string Timestamp(DateTimeOffset value) =>
        value.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);

    public static JsonObject Render(FakeClip clip, FakeSunoState state, DateTimeOffset now, string? forcedStatus = null)
    {
        var status = forcedStatus ?? state.ClipStatus(clip, now);
        var media = state.Media;
        var streamed = status is "streaming" or "complete";
        var complete = status == "complete";

        var lyrics = clip.IsDescriptionMode && !clip.MakeInstrumental
            ? (streamed ? clip.GeneratedLyrics : string.Empty)
            : clip.Prompt;
        var title = clip.IsDescriptionMode && string.IsNullOrEmpty(clip.Title)
            ? (streamed ? clip.GeneratedTitle : string.Empty)
            : clip.Title;
        if (clip.StemTitleSuffix is not null)
        {
            title += clip.StemTitleSuffix;
        }

        if (state.Options.SandboxMarking)
        {
            title = SandboxPrefix + title;
        }

        var audioUrl = complete ? $"{media.Cdn}/{clip.Id}.mp3" : streamed ? $"{media.AudioPipe}/?item_id={clip.Id}" : string.Empty;

        return new JsonObject
        {
            ["id"] = clip.Id,
            ["entity_type"] = "song_schema",
            ["video_url"] = complete ? $"{media.Cdn}/{clip.Id}.mp4" : string.Empty,
            ["audio_url"] = audioUrl,
            ["image_url"] = streamed ? $"{media.ImageCdn}/image_{clip.Id}.jpeg" : null,
            ["image_large_url"] = streamed ? $"{media.ImageCdn}/image_large_{clip.Id}.jpeg" : null,
            ["is_video_pending"] = false,
            ["major_model_version"] = MajorVersion(clip.Mv),
            ["model_name"] = ModelName(clip.Mv),
            ["metadata"] = Metadata(clip, status, lyrics),
            ["is_liked"] = false,
            ["user_id"] = clip.Owner.UserId,
            ["display_name"] = clip.Owner.DisplayName,
            ["handle"] = clip.Owner.Handle,
            ["is_handle_updated"] = true,
            ["avatar_image_url"] = $"{media.ImageCdn}/defaultAvatar.webp",
            ["is_trashed"] = false,
            ["reaction"] = null,
            ["created_at"] = Timestamp(clip.CreatedAt),
            ["status"] = status,
            ["title"] = title,
            ["play_count"] = 0,
            ["upvote_count"] = 0,
            ["is_public"] = clip.IsPublic,
            ["allow_comments"] = true,
        };
    }

    public static JsonObject Metadata(FakeClip clip, string status, string lyrics)
    {
        var error = status == "error";
        return new JsonObject
        {
            ["tags"] = clip.Tags,
            ["negative_tags"] = clip.NegativeTags,
            ["prompt"] = lyrics,
            ["gpt_description_prompt"] = clip.GptDescriptionPrompt,
            ["audio_prompt_id"] = null,
            ["history"] = History(clip.History),
            ["concat_history"] = History(clip.ConcatHistory),
            ["stem_from_id"] = clip.StemFromId,
            ["type"] = clip.Type,
            ["duration"] = status == "complete" ? clip.Duration : null,
            ["refund_credits"] = error,
            ["stream"] = true,
            ["infill"] = false,
            ["has_vocal"] = !clip.MakeInstrumental,
            ["make_instrumental"] = clip.MakeInstrumental,
            ["task"] = clip.Task,
            ["can_remix"] = true,
            ["is_remix"] = false,
            ["priority"] = 10,
            ["uses_latest_model"] = false,
            ["error_type"] = error ? "internal_error" : null,
            ["error_message"] = error ? clip.ErrorMessage : null,
        };
    }

    private static JsonArray? History(IReadOnlyList<HistoryEntry>? entries)
    {
        if (entries is null)
        {
            return null;
        }

        var array = new JsonArray();
        foreach (var e in entries)
        {
            array.Add(new JsonObject
            {
                ["id"] = e.Id,
                ["continue_at"] = e.ContinueAt,
                ["type"] = e.Type,
                ["source"] = e.Source,
                ["infill"] = e.Infill,
            });
        }

        return array;
    }
}
