using System.Text.Json;
using MediatR;

namespace Suno.Application.Gcui.Queries.GetAlignedLyrics;

/// <summary>
/// gcui-art's get_aligned_lyrics: the song's words with their times, [{word, start_s, end_s, success, p_align}]
/// (Suno's aligned_words; Suno's whole answer when it has no such list).
/// </summary>
public sealed record GetAlignedLyricsQuery(string? SongId) : IRequest<JsonElement>
{
    public override string ToString() => $"{nameof(GetAlignedLyricsQuery)} ({SongId})";
}
