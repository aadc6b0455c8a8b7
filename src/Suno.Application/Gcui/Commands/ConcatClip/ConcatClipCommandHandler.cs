using System.Text.Json;
using MediatR;
using Suno.Application.Common.Interfaces;
using Suno.Application.Common.Tenancy;
using Suno.Application.Gcui.Common;

namespace Suno.Application.Gcui.Commands.ConcatClip;

public sealed class ConcatClipCommandHandler(ISunoUpstream upstream, TenantAccounts accounts)
    : IRequestHandler<ConcatClipCommand, JsonElement>
{
    public async Task<JsonElement> Handle(ConcatClipCommand request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var account = await accounts.ForClipEditAsync(request.ClipId!, cancellationToken).ConfigureAwait(false);
        var clip = await upstream.ConcatAsync(account, request.ClipId!, cancellationToken).ConfigureAwait(false);
        return JsonRaw.Parse(clip.RawJson);
    }
}
