using System.Text.Json.Serialization;
using Suno.Application.Gcui.Commands.GenerateLyrics;
using Suno.Application.Gcui.Commands.GenerateStems;
using Suno.Application.Gcui.Common;
using Suno.Application.Gcui.Queries.GetLimit;

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

    /// <summary>Written on the generate routes ("" when none).</summary>
    [JsonPropertyName("negative_tags")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? NegativeTags { get; init; }

    /// <summary>Why the clip failed; written on /api/get when Suno gave a reason.</summary>
    [JsonPropertyName("error_message")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? ErrorMessage { get; init; }

    /// <summary>The generate routes' shape: negative_tags always, no error_message.</summary>
    public static AudioInfo FromGenerate(ClipInfo clip) => From(clip) with
    {
        NegativeTags = clip.NegativeTags ?? string.Empty,
        ErrorMessage = null,
    };

    /// <summary>The /api/get shape: error_message when there is one, no negative_tags.</summary>
    public static AudioInfo FromGet(ClipInfo clip) => From(clip) with
    {
        NegativeTags = null,
        ErrorMessage = string.IsNullOrEmpty(clip.ErrorMessage) ? null : clip.ErrorMessage,
    };

    private static AudioInfo From(ClipInfo clip)
    {
        ArgumentNullException.ThrowIfNull(clip);
        return new AudioInfo
        {
            Id = clip.Id,
            Title = clip.Title,
            ImageUrl = clip.ImageUrl,
            Lyric = clip.Lyric,
            AudioUrl = clip.AudioUrl,
            VideoUrl = clip.VideoUrl,
            CreatedAt = clip.CreatedAt,
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

    public static GcuiLyrics From(GeneratedLyrics lyrics)
    {
        ArgumentNullException.ThrowIfNull(lyrics);
        return new GcuiLyrics { Id = lyrics.Id, Status = lyrics.Status, Title = lyrics.Title, Text = lyrics.Text, TaskId = lyrics.TaskId };
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

    public static GcuiStem From(StemInfo stem)
    {
        ArgumentNullException.ThrowIfNull(stem);
        return new GcuiStem
        {
            Id = stem.Id,
            Status = stem.Status,
            CreatedAt = stem.CreatedAt,
            Title = stem.Title,
            StemFromId = stem.StemFromId,
            Duration = stem.Duration,
        };
    }
}

/// <summary>One word of GET /api/get_aligned_lyrics.</summary>
public sealed record GcuiAlignedWord
{
    [JsonPropertyName("word")]
    public string? Word { get; init; }

    [JsonPropertyName("start_s")]
    public double? StartS { get; init; }

    [JsonPropertyName("end_s")]
    public double? EndS { get; init; }

    [JsonPropertyName("success")]
    public bool? Success { get; init; }

    [JsonPropertyName("p_align")]
    public double? PAlign { get; init; }
}

/// <summary>Every /api/* error: {"error": "..."}.</summary>
public sealed record GcuiError
{
    [JsonPropertyName("error")]
    public required string Error { get; init; }
}
