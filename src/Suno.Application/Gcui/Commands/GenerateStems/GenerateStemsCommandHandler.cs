using MediatR;
using Suno.Application.Common.Interfaces;
using Suno.Application.Common.Tenancy;
using Suno.Application.Tasks.Common;

namespace Suno.Application.Gcui.Commands.GenerateStems;

public sealed class GenerateStemsCommandHandler(ISunoUpstream upstream, TenantAccounts accounts)
    : IRequestHandler<GenerateStemsCommand, IReadOnlyList<ClipDto>>
{
    public async Task<IReadOnlyList<ClipDto>> Handle(GenerateStemsCommand request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var account = await accounts.ForClipEditAsync(request.AudioId!, cancellationToken).ConfigureAwait(false);
        var stems = await upstream.StemsAsync(account, request.AudioId!, cancellationToken).ConfigureAwait(false);
        return stems.Select(s => s.ToDto()).ToList();
    }
}
