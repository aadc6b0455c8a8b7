using System.Text.Json;
using MediatR;
using Suno.Application.Clips;

namespace Suno.Application.Gcui.Queries.GetAlignedLyrics;

public sealed class GetAlignedLyricsQueryHandler(AlignedLyricsReader reader)
    : IRequestHandler<GetAlignedLyricsQuery, JsonElement>
{
    public async Task<JsonElement> Handle(GetAlignedLyricsQuery request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var lyrics = await reader.ReadAsync(request.SongId!, cancellationToken).ConfigureAwait(false);
        return lyrics.WordsOrRaw();
    }
}
