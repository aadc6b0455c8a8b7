using System.Globalization;
using System.Text.Json.Serialization;
using Suno.Application.Gcui.Commands.GenerateStems;
using Suno.Application.Gcui.Queries.GetLimit;
using Suno.Application.Tasks.Common;

namespace Suno.WebApi.Families.Gcui;

/// <summary>A clip as gcui-art's routes return it.</summary>
public sealed record AudioInfo
{
    [JsonPropertyName("id")]
    public required string Id { get; init; }

    [JsonPropertyName("title")]
    public string? Title { get; init; }

    /// <summary>Cover image; null until the clip streams.</summary>
    [JsonPropertyName("image_url")]
    public string? ImageUrl { get; init; }

    /// <summary>The lyrics (metadata.prompt; on /api/get without blank lines).</summary>
    [JsonPropertyName("lyric")]
    public string? Lyric { get; init; }

    /// <summary>Empty until the clip streams; a stream URL while streaming, the mp3 once complete.</summary>
    [JsonPropertyName("audio_url")]
    public string? AudioUrl { get; init; }

    /// <summary>Empty until the clip is complete.</summary>
    [JsonPropertyName("video_url")]
    public string? VideoUrl { get; init; }

    /// <summary>ISO 8601, as Suno wrote it.</summary>
    [JsonPropertyName("created_at")]
    public string? CreatedAt { get; init; }

    [JsonPropertyName("model_name")]
    public string? ModelName { get; init; }

    /// <summary>submitted, queued, streaming, complete or error.</summary>
    [JsonPropertyName("status")]
    public string? Status { get; init; }

    [JsonPropertyName("gpt_description_prompt")]
    public string? GptDescriptionPrompt { get; init; }

    /// <summary>metadata.prompt as Suno sent it.</summary>
    [JsonPropertyName("prompt")]
    public string? Prompt { get; init; }

    /// <summary>metadata.type: gen, concat, ...</summary>
    [JsonPropertyName("type")]
    public string? Type { get; init; }

    [JsonPropertyName("tags")]
    public string? Tags { get; init; }

    /// <summary>Seconds; null until Suno knows it.</summary>
    [JsonPropertyName("duration")]
    public double? Duration { get; init; }

    /// <summary>Written on the generate routes without wait_audio ("" when none).</summary>
    [JsonPropertyName("negative_tags")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? NegativeTags { get; init; }

    /// <summary>Why the clip failed; written on /api/get (and a waited generate) when Suno gave a reason.</summary>
    [JsonPropertyName("error_message")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? ErrorMessage { get; init; }

    /// <summary>The generate routes' shape without wait_audio: the lyric as Suno wrote it, negative_tags always, no error_message.</summary>
    public static AudioInfo FromGenerate(ClipDto clip) => From(clip) with
    {
        Lyric = clip.Prompt ?? string.Empty,
        NegativeTags = clip.NegativeTags ?? string.Empty,
    };

    /// <summary>The /api/get shape (also a generate route's with wait_audio, gcui-art's get() output): the lyric without blank lines, error_message when there is one, no negative_tags.</summary>
    public static AudioInfo FromGet(ClipDto clip) => From(clip) with
    {
        Lyric = CompactLyrics(clip.Prompt),
        ErrorMessage = string.IsNullOrEmpty(clip.ErrorMessage) ? null : clip.ErrorMessage,
    };

    /// <summary>gcui-art's parseLyrics: the lines of the lyrics without the blank ones.</summary>
    public static string CompactLyrics(string? lyrics) =>
        string.IsNullOrEmpty(lyrics)
            ? string.Empty
            : string.Join('\n', lyrics.Split('\n').Select(l => l.TrimEnd('\r')).Where(l => l.Trim().Length > 0));

    /// <summary>ISO 8601 in UTC with milliseconds, as Suno writes its times.</summary>
    internal static string? Timestamp(DateTime? time) =>
        time?.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);

    /// <summary>The fields both shapes share; audio and video URLs are "" until Suno has them, as Suno sends them.</summary>
    private static AudioInfo From(ClipDto clip)
    {
        ArgumentNullException.ThrowIfNull(clip);
        return new AudioInfo
        {
            Id = clip.Id,
            Title = clip.Title,
            ImageUrl = clip.ImageUrl,
            AudioUrl = clip.AudioUrl ?? string.Empty,
            VideoUrl = clip.VideoUrl ?? string.Empty,
            CreatedAt = Timestamp(clip.CreatedAt),
            ModelName = clip.ModelName,
            Status = clip.Status,
            GptDescriptionPrompt = clip.GptDescriptionPrompt,
            Prompt = clip.Prompt,
            Type = clip.Type,
            Tags = clip.Tags,
            Duration = clip.Duration,
        };
    }
}

/// <summary>GET /api/get_limit.</summary>
public sealed record GcuiLimit
{
    [JsonPropertyName("credits_left")]
    public required int CreditsLeft { get; init; }

    /// <summary>day, month, ... (null when Suno does not say).</summary>
    [JsonPropertyName("period")]
    public string? Period { get; init; }

    [JsonPropertyName("monthly_limit")]
    public int? MonthlyLimit { get; init; }

    [JsonPropertyName("monthly_usage")]
    public int? MonthlyUsage { get; init; }

    public static GcuiLimit From(CreditsInfo credits)
    {
        ArgumentNullException.ThrowIfNull(credits);
        return new GcuiLimit
        {
            CreditsLeft = credits.CreditsLeft,
            Period = credits.Period,
            MonthlyLimit = credits.MonthlyLimit,
            MonthlyUsage = credits.MonthlyUsage,
        };
    }
}

/// <summary>POST /api/generate_lyrics: Suno's lyrics result.</summary>
public sealed record GcuiLyrics
{
    /// <summary>Suno's lyrics job id.</summary>
    [JsonPropertyName("id")]
    public string? Id { get; init; }

    /// <summary>complete; error when Suno could not write them; running when the wait ran out.</summary>
    [JsonPropertyName("status")]
    public required string Status { get; init; }

    [JsonPropertyName("title")]
    public string? Title { get; init; }

    /// <summary>The lyrics.</summary>
    [JsonPropertyName("text")]
    public string? Text { get; init; }

    /// <summary>The task of this gateway that holds the result (also readable through /suno/fetch).</summary>
    [JsonPropertyName("task_id")]
    public required string TaskId { get; init; }

    /// <summary>The lyrics task's result; before it exists, status error (the task failed) or running (the wait ran out).</summary>
    public static GcuiLyrics From(TaskDto task)
    {
        ArgumentNullException.ThrowIfNull(task);
        var lyrics = task.Lyrics;
        var status = lyrics?.Status ?? (task.Status == "FAILURE" ? "error" : "running");
        return new GcuiLyrics { Id = lyrics?.Id, Status = status, Title = lyrics?.Title, Text = lyrics?.Text, TaskId = task.TaskId };
    }
}

/// <summary>One stem of POST /api/generate_stems.</summary>
public sealed record GcuiStem
{
    [JsonPropertyName("id")]
    public required string Id { get; init; }

    [JsonPropertyName("status")]
    public string? Status { get; init; }

    [JsonPropertyName("created_at")]
    public string? CreatedAt { get; init; }

    [JsonPropertyName("title")]
    public string? Title { get; init; }

    /// <summary>The clip the stem was split from.</summary>
    [JsonPropertyName("stem_from_id")]
    public string? StemFromId { get; init; }

    [JsonPropertyName("duration")]
    public double? Duration { get; init; }

    public static GcuiStem From(ClipDto stem)
    {
        ArgumentNullException.ThrowIfNull(stem);
        return new GcuiStem
        {
            Id = stem.Id,
            Status = stem.Status,
            CreatedAt = AudioInfo.Timestamp(stem.CreatedAt),
            Title = stem.Title,
            StemFromId = stem.StemFromId,
            Duration = stem.Duration,
        };
    }
}

/// <summary>Every /api/* error: {"error": "..."}.</summary>
public sealed record GcuiError
{
    [JsonPropertyName("error")]
    public required string Error { get; init; }
}
