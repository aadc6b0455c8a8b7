using System.Text.Json.Serialization;
using Suno.Application.Clips;

namespace Suno.WebApi.Families.Hosted;

/// <summary>One word of data.alignedWords: the word, whether Suno aligned it, its start and end in seconds, and the alignment score.</summary>
public sealed record HostedAlignedWord
{
    [JsonPropertyName("word")]
    public required string Word { get; init; }

    [JsonPropertyName("success")]
    public required bool Success { get; init; }

    [JsonPropertyName("startS")]
    public double? StartS { get; init; }

    [JsonPropertyName("endS")]
    public double? EndS { get; init; }

    [JsonPropertyName("palign")]
    public double? Palign { get; init; }
}

/// <summary>data of POST /api/v1/generate/get-timestamped-lyrics (Suno's aligned_lyrics/v2 in camelCase).</summary>
public sealed record HostedTimestampedLyrics
{
    [JsonPropertyName("alignedWords")]
    public required IReadOnlyList<HostedAlignedWord> AlignedWords { get; init; }

    [JsonPropertyName("waveformData")]
    public required IReadOnlyList<double> WaveformData { get; init; }

    [JsonPropertyName("hootCer")]
    public double? HootCer { get; init; }

    [JsonPropertyName("isStreamed")]
    public required bool IsStreamed { get; init; }

    public static HostedTimestampedLyrics From(AlignedLyrics lyrics)
    {
        ArgumentNullException.ThrowIfNull(lyrics);
        return new HostedTimestampedLyrics
        {
            AlignedWords = lyrics.Words
                .Select(w => new HostedAlignedWord { Word = w.Word, Success = w.Success, StartS = w.StartS, EndS = w.EndS, Palign = w.PAlign })
                .ToList(),
            WaveformData = lyrics.WaveformData,
            HootCer = lyrics.HootCer,
            IsStreamed = lyrics.IsStreamed,
        };
    }
}
