using MediatR;
using Microsoft.EntityFrameworkCore;
using Suno.Application.Common.Interfaces;
using Suno.Application.Gcui.Common;
using Suno.Application.Tasks.Common;

namespace Suno.Application.Gcui.Queries.GetAudio;

public sealed class GetAudioQueryHandler(ISunoDbContext db, ISunoUpstream upstream, IAccountProvider accounts)
    : IRequestHandler<GetAudioQuery, IReadOnlyList<ClipDto>>
{
    public async Task<IReadOnlyList<ClipDto>> Handle(GetAudioQuery request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var ids = request.IdList;
        if (ids.Count == 0)
        {
            var account = await GcuiAccounts.ForReadAsync(accounts, request.AccountCookie, cancellationToken).ConfigureAwait(false);
            var page = await upstream.GetFeedPageAsync(account, PageNumber.Parse(request.Page, 0), cancellationToken).ConfigureAwait(false);
            return page.Clips.Select(c => c.ToDto()).ToList();
        }

        var known = await db.Clips.AsNoTracking().Where(c => ids.Contains(c.Id)).ToListAsync(cancellationToken).ConfigureAwait(false);
        var found = known.ToDictionary(c => c.Id, c => c.ToDto(), StringComparer.Ordinal);
        var unknown = ids.Where(id => !found.ContainsKey(id)).ToList();
        if (unknown.Count > 0)
        {
            // Clips made elsewhere (Suno's site, another gateway): Suno's feed knows them.
            var account = await GcuiAccounts.ForReadAsync(accounts, request.AccountCookie, cancellationToken).ConfigureAwait(false);
            foreach (var clip in await upstream.GetFeedAsync(account, unknown, cancellationToken).ConfigureAwait(false))
            {
                found.TryAdd(clip.Id, clip.ToDto());
            }
        }

        return ids.Where(found.ContainsKey).Select(id => found[id]).ToList();
    }
}
