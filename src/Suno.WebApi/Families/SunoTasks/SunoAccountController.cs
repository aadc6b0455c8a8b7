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
    /// Each of the gateway's Suno accounts: credits left, monthly limit and usage, billing period, status (active,
    /// exhausted or invalid), last error and the time of the last billing read. Never a cookie or a JWT. Accounts a
    /// client brought in its own Cookie header are not listed. With refresh=true billing is read again first (one
    /// call to Suno per account that is not invalid).
    /// </summary>
    [HttpGet("account")]
    [EndpointName("GetAccounts")]
    [EndpointSummary("List the Suno accounts and their credits")]
    [ProducesResponseType<SunoEnvelope<IReadOnlyList<SunoAccountObject>>>(StatusCodes.Status200OK)]
    [ProducesResponseType<SunoErrorEnvelope>(StatusCodes.Status400BadRequest)]
    public async Task<IActionResult> GetAccounts([FromQuery] bool? refresh, CancellationToken cancellationToken)
    {
        var accounts = await mediator.Send(new ListAccountsQuery(refresh ?? false), cancellationToken);
        return Ok(envelopes.Ok(accounts.Select(SunoAccountObject.From).ToList()));
    }
}
