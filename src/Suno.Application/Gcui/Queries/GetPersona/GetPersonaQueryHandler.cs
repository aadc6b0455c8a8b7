using System.Text.Json;
using MediatR;
using Suno.Application.Common.Interfaces;
using Suno.Application.Common.Tenancy;
using Suno.Application.Gcui.Common;

namespace Suno.Application.Gcui.Queries.GetPersona;

public sealed class GetPersonaQueryHandler(ISunoUpstream upstream, TenantAccounts accounts) : IRequestHandler<GetPersonaQuery, JsonElement>
{
    public async Task<JsonElement> Handle(GetPersonaQuery request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);

        var account = await accounts.ForCallerAsync(cancellationToken).ConfigureAwait(false);
        var page = await upstream.GetPersonaPageAsync(account, request.Id!, PageNumber.Parse(request.Page, 1), cancellationToken).ConfigureAwait(false);
        return page.Raw.Clone();
    }
}
