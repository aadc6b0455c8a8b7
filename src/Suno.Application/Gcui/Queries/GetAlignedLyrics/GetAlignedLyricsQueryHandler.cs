using System.Text.Json;
using MediatR;
using Suno.Application.Common.Interfaces;
using Suno.Application.Common.Tenancy;
using Suno.Application.Gcui.Common;

namespace Suno.Application.Gcui.Queries.GetAlignedLyrics;

public sealed class GetAlignedLyricsQueryHandler(ISunoUpstream upstream, TenantAccounts accounts)
    : IRequestHandler<GetAlignedLyricsQuery, JsonElement>
{
    public async Task<JsonElement> Handle(GetAlignedLyricsQuery request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var account = await accounts.ForClipReadAsync(request.SongId!, cancellationToken).ConfigureAwait(false);
        var answer = await upstream.GetAlignedLyricsAsync(account, request.SongId!, cancellationToken).ConfigureAwait(false);
        return answer.Raw.ValueKind == JsonValueKind.Object
               && answer.Raw.TryGetProperty("aligned_words", out var words)
               && words.ValueKind == JsonValueKind.Array
            ? words.Clone()
            : answer.Raw.Clone();
    }
}
