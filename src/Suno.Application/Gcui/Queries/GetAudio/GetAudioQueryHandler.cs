using MediatR;
using Microsoft.EntityFrameworkCore;
using Suno.Application.Common.Interfaces;
using Suno.Application.Common.Tenancy;
using Suno.Application.Gcui.Common;
using Suno.Application.Tasks.Common;

namespace Suno.Application.Gcui.Queries.GetAudio;

public sealed class GetAudioQueryHandler(ISunoDbContext db, ISunoUpstream upstream, TenantAccounts accounts, ICallerContext caller)
    : IRequestHandler<GetAudioQuery, IReadOnlyList<ClipDto>>
{
    public async Task<IReadOnlyList<ClipDto>> Handle(GetAudioQuery request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var ids = request.IdList;
        if (ids.Count == 0)
        {
            var account = await accounts.ForCallerAsync(cancellationToken).ConfigureAwait(false);
            var page = await upstream.GetFeedPageAsync(account, PageNumber.Parse(request.Page, 0), cancellationToken).ConfigureAwait(false);
            return page.Clips.Select(c => c.ToDto()).ToList();
        }

        var known = await db.Clips.AsNoTracking().Where(c => ids.Contains(c.Id) && c.TenantId == caller.TenantId).ToListAsync(cancellationToken).ConfigureAwait(false);
        var found = known.ToDictionary(c => c.Id, c => c.ToDto(), StringComparer.Ordinal);
        var unknown = ids.Where(id => !found.ContainsKey(id)).ToList();
        if (unknown.Count > 0)
        {
            // Clips made elsewhere (Suno's site, another gateway) or by another tenant: Suno's feed decides what the
            // caller's account may see.
            var account = await accounts.ForCallerAsync(cancellationToken).ConfigureAwait(false);
            foreach (var clip in await upstream.GetFeedAsync(account, unknown, cancellationToken).ConfigureAwait(false))
            {
                found.TryAdd(clip.Id, clip.ToDto());
            }
        }

        return ids.Where(found.ContainsKey).Select(id => found[id]).ToList();
    }
}
