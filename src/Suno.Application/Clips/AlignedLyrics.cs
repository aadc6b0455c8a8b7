using System.Text.Json;
using Suno.Application.Common.Interfaces;
using Suno.Application.Common.Tenancy;
using Suno.Application.Common.Upstream;

namespace Suno.Application.Clips;

/// <summary>One sung word with its times (Suno's aligned_words item: word, success, start_s, end_s, p_align).</summary>
public sealed record AlignedWord(string Word, bool Success, double? StartS, double? EndS, double? PAlign);

/// <summary>
/// Suno's aligned lyrics of a clip (GET /api/gen/{id}/aligned_lyrics/v2/): the words with their times, the waveform,
/// hoot_cer and is_streamed. <see cref="Raw"/> is Suno's answer as received.
/// </summary>
public sealed record AlignedLyrics(
    IReadOnlyList<AlignedWord> Words,
    IReadOnlyList<double> WaveformData,
    double? HootCer,
    bool IsStreamed,
    JsonElement Raw)
{
    /// <summary>Suno's aligned_words array when there is one (the gcui family passes it through), else the whole answer.</summary>
    public JsonElement WordsOrRaw() =>
        Raw.ValueKind == JsonValueKind.Object && Raw.TryGetProperty("aligned_words", out var words) && words.ValueKind == JsonValueKind.Array
            ? words.Clone()
            : Raw.Clone();

    /// <summary>Reads Suno's answer; fields that are missing or of another type are left empty.</summary>
    public static AlignedLyrics From(UpstreamJson answer)
    {
        ArgumentNullException.ThrowIfNull(answer);
        var raw = answer.Raw;
        var isObject = raw.ValueKind == JsonValueKind.Object;
        var words = new List<AlignedWord>();
        if (isObject && raw.TryGetProperty("aligned_words", out var list) && list.ValueKind == JsonValueKind.Array)
        {
            foreach (var item in list.EnumerateArray().Where(i => i.ValueKind == JsonValueKind.Object))
            {
                words.Add(new AlignedWord(
                    item.TryGetProperty("word", out var w) && w.ValueKind == JsonValueKind.String ? w.GetString()! : string.Empty,
                    item.TryGetProperty("success", out var s) && s.ValueKind == JsonValueKind.True,
                    NumberOf(item, "start_s"),
                    NumberOf(item, "end_s"),
                    NumberOf(item, "p_align")));
            }
        }

        var waveform = isObject && raw.TryGetProperty("waveform_data", out var wave) && wave.ValueKind == JsonValueKind.Array
            ? wave.EnumerateArray().Where(v => v.ValueKind == JsonValueKind.Number).Select(v => v.GetDouble()).ToList()
            : [];
        return new AlignedLyrics(
            words,
            waveform,
            isObject ? NumberOf(raw, "hoot_cer") : null,
            isObject && raw.TryGetProperty("is_streamed", out var streamed) && streamed.ValueKind == JsonValueKind.True,
            raw.Clone());
    }

    private static double? NumberOf(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.Number ? value.GetDouble() : null;
}

/// <summary>
/// The one read of a clip's aligned lyrics, for every family: with the account the caller's tenant reads that clip
/// with (<see cref="TenantAccounts.ForClipReadAsync"/>).
/// </summary>
public sealed class AlignedLyricsReader(ISunoUpstream upstream, TenantAccounts accounts)
{
    public async Task<AlignedLyrics> ReadAsync(string clipId, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(clipId);
        var account = await accounts.ForClipReadAsync(clipId, cancellationToken).ConfigureAwait(false);
        var answer = await upstream.GetAlignedLyricsAsync(account, clipId, cancellationToken).ConfigureAwait(false);
        return AlignedLyrics.From(answer);
    }
}
