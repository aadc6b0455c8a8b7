using System.Text.Json;
using MediatR;
using Suno.Application.Common.Interfaces;
using Suno.Application.Common.Tenancy;
using Suno.Application.Gcui.Common;

namespace Suno.Application.Gcui.Queries.GetClip;

public sealed class GetClipQueryHandler(ISunoUpstream upstream, TenantAccounts accounts)
    : IRequestHandler<GetClipQuery, JsonElement>
{
    public async Task<JsonElement> Handle(GetClipQuery request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var account = await accounts.ForClipReadAsync(request.Id!, cancellationToken).ConfigureAwait(false);
        var clip = await upstream.GetClipAsync(account, request.Id!, cancellationToken).ConfigureAwait(false);
        return JsonRaw.Parse(clip.RawJson);
    }
}
