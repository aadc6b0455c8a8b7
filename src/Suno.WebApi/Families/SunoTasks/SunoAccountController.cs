using MediatR;
using Microsoft.AspNetCore.Mvc;
using Suno.Application.Accounts.Queries.ListAccounts;

namespace Suno.WebApi.Families.SunoTasks;

/// <summary>GET /suno/account: the gateway's Suno accounts, in the /suno/* envelope.</summary>
[ApiController]
[Route("suno")]
[Tags("suno")]
[Produces("application/json")]
[ProducesResponseType<SunoErrorEnvelope>(StatusCodes.Status401Unauthorized)]
[ProducesResponseType<SunoErrorEnvelope>(StatusCodes.Status500InternalServerError)]
public sealed class SunoAccountController(IMediator mediator, SunoEnvelopes envelopes) : ControllerBase
{
    /// <summary>
    /// data.certificate: the default account as the Go gateway reports it (session_id cut to 8 characters and "…",
    /// last_update in unix seconds, credits_left, monthly_limit, monthly_usage, period, is_active), so
    /// jq '.data.certificate.credits_left' works; data.accounts: each of the gateway's Suno accounts (name, status
    /// active, exhausted or invalid, credits, last error, last billing read). Never a cookie or a JWT. Accounts a
    /// client brought in its own Cookie header are not listed. Credits older than
    /// Suno:Upstream:CreditsRefreshInterval (or never read) are read first; refresh=true reads them all again (one
    /// call to Suno per account that is not invalid).
    /// </summary>
    [HttpGet("account")]
    [EndpointName("GetAccounts")]
    [EndpointSummary("The default account's certificate and every Suno account with its credits")]
    [ProducesResponseType<SunoEnvelope<SunoAccountData>>(StatusCodes.Status200OK)]
    [ProducesResponseType<SunoErrorEnvelope>(StatusCodes.Status400BadRequest)]
    public async Task<IActionResult> GetAccounts([FromQuery] bool? refresh, CancellationToken cancellationToken)
    {
        var accounts = await mediator.Send(new ListAccountsQuery(refresh ?? false), cancellationToken);
        return Ok(envelopes.Ok(SunoAccountData.From(accounts)));
    }
}
