using System.Globalization;
using Microsoft.AspNetCore.Http;

namespace Suno.FakeUpstream.Endpoints;

internal static class FakeSunoFilters
{
    /// <summary>Counts the call, then applies latency and any pending fault for the endpoint.</summary>
    public static async ValueTask<object?> CountAndInjectFaultsAsync(FakeSunoState state, bool clerk,
        EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var http = context.HttpContext;
        var name = http.GetEndpoint()?.Metadata.GetMetadata<FakeSunoEndpointMetadata>()?.Name;
        if (name is null)
        {
            return await next(context).ConfigureAwait(false);
        }

        var caller = clerk ? Caller.ClerkAccount(http, state) : Caller.ClaimedStudioAccount(http, state);
        state.Counters.Increment(name, caller?.UserId);
        state.Requests.Record(name, caller?.UserId, http.Request.Headers.UserAgent.ToString(), http.Request.QueryString.Value, http.Request.Path.Value);

        var latency = state.Faults.LatencyFor(name);
        if (latency > TimeSpan.Zero)
        {
            await Task.Delay(latency, http.RequestAborted).ConfigureAwait(false);
        }

        var fault = state.Faults.TakeFault(name, caller?.UserId);
        switch (fault?.Kind)
        {
            case FakeFaultKind.ServerError:
                return Responses.Detail(fault.StatusCode, "Internal Server Error");
            case FakeFaultKind.Refused when clerk:
                return Responses.ClerkError(fault.StatusCode, "authentication_invalid", fault.Detail!, fault.Detail!);
            case FakeFaultKind.Refused:
                return Responses.Detail(fault.StatusCode, fault.Detail!);
            case FakeFaultKind.RateLimited:
                http.Response.Headers.RetryAfter =
                    ((long)Math.Ceiling(fault.RetryAfter.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
                return Responses.Detail(StatusCodes.Status429TooManyRequests, "Too Many Requests");
            case FakeFaultKind.DropConnection:
                http.Abort();
                return Results.Empty;
            case FakeFaultKind.DropAfterProcessing:
                await next(context).ConfigureAwait(false);
                http.Abort();
                return Results.Empty;
            case FakeFaultKind.SlowAnswer:
                var answer = await next(context).ConfigureAwait(false);
                await Task.Delay(fault.RetryAfter, CancellationToken.None).ConfigureAwait(false);
                return answer;
            default:
                return await next(context).ConfigureAwait(false);
        }
    }

    /// <summary>studio-api requires a valid Bearer JWT on every route.</summary>
    public static async ValueTask<object?> RequireStudioAuthAsync(FakeSunoState state,
        EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var account = Caller.AuthenticateStudio(context.HttpContext, state);
        if (account is null)
        {
            return Responses.Unauthorized();
        }

        Caller.SetAccount(context.HttpContext, account);
        return await next(context).ConfigureAwait(false);
    }
}
