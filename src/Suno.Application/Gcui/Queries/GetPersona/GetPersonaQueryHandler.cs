using System.Text.Json;
using MediatR;
using Suno.Application.Common.Interfaces;
using Suno.Application.Gcui.Common;

namespace Suno.Application.Gcui.Queries.GetPersona;

public sealed class GetPersonaQueryHandler(ISunoUpstream upstream, IAccountProvider accounts) : IRequestHandler<GetPersonaQuery, JsonElement>
{
    public async Task<JsonElement> Handle(GetPersonaQuery request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);

        // gcui-art reads personas with the configured account, whatever cookie the request carries.
        var account = await GcuiAccounts.ForReadAsync(accounts, null, cancellationToken).ConfigureAwait(false);
        var page = await upstream.GetPersonaPageAsync(account, request.Id!, PageNumber.Parse(request.Page, 1), cancellationToken).ConfigureAwait(false);
        return page.Raw.Clone();
    }
}
