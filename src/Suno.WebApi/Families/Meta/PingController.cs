using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Mvc;

namespace Suno.WebApi.Families.Meta;

/// <summary>Liveness: answers without touching the database or requiring the secret token.</summary>
[ApiController]
[Tags("meta")]
[Produces("application/json")]
public sealed class PingController : ControllerBase
{
    [HttpGet("/ping")]
    [EndpointName("Ping")]
    [EndpointSummary("Is the gateway up?")]
    [ProducesResponseType<PingResponse>(StatusCodes.Status200OK)]
    public ActionResult<PingResponse> Ping() => new PingResponse { Message = "pong" };
}

public sealed record PingResponse
{
    [JsonPropertyName("message")]
    public required string Message { get; init; }
}
