using System.Text.Json;
using MediatR;
using Suno.Application.Common.Interfaces;
using Suno.Application.Gcui.Common;

namespace Suno.Application.Gcui.Commands.GenerateStems;

public sealed class GenerateStemsCommandHandler(ISunoUpstream upstream, IAccountProvider accounts, ISunoDbContext db)
    : IRequestHandler<GenerateStemsCommand, IReadOnlyList<StemInfo>>
{
    public async Task<IReadOnlyList<StemInfo>> Handle(GenerateStemsCommand request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var account = await GcuiAccounts.ForClipAsync(accounts, db, request.AccountCookie, request.AudioId!, cancellationToken).ConfigureAwait(false);
        var stems = await upstream.StemsAsync(account, request.AudioId!, cancellationToken).ConfigureAwait(false);
        return stems.Select(s => Read(s.Id, s.RawJson)).ToList();
    }

    private static StemInfo Read(string id, string rawJson)
    {
        using var document = JsonDocument.Parse(rawJson);
        var clip = document.RootElement;
        var metadata = clip.TryGetProperty("metadata", out var m) ? m : default;
        return new StemInfo(
            id,
            ClipInfoReader.Text(clip, "status"),
            ClipInfoReader.Text(clip, "created_at"),
            ClipInfoReader.Text(clip, "title"),
            ClipInfoReader.Text(metadata, "stem_from_id"),
            ClipInfoReader.Number(metadata, "duration"));
    }
}
