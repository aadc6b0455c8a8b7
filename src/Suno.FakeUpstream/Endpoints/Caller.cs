using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;

namespace Suno.FakeUpstream.Endpoints;

/// <summary>Works out which account a request speaks for.</summary>
internal static class Caller
{
    private const string AccountItem = "Suno.FakeUpstream.Account";
    private const string UserIdClaim = "suno.com/claims/user_id";

    /// <summary>The <c>__client</c> value: the raw <c>Authorization</c> header (no Bearer), else the <c>Cookie</c> header.</summary>
    public static FakeAccount? ClerkAccount(HttpContext http, FakeSunoState state)
    {
        var authorization = http.Request.Headers.Authorization.ToString().Trim();
        var account = state.FindByClientToken(authorization);
        if (account is not null)
        {
            return account;
        }

        foreach (var header in http.Request.Headers.Cookie)
        {
            foreach (var part in (header ?? string.Empty).Split(';'))
            {
                var pair = part.Trim();
                if (pair.StartsWith("__client=", StringComparison.Ordinal))
                {
                    account = state.FindByClientToken(pair["__client=".Length..]);
                    if (account is not null)
                    {
                        return account;
                    }
                }
            }
        }

        return null;
    }

    public static string? BearerToken(HttpContext http)
    {
        var authorization = http.Request.Headers.Authorization.ToString();
        const string Prefix = "Bearer ";
        return authorization.StartsWith(Prefix, StringComparison.OrdinalIgnoreCase)
            ? authorization[Prefix.Length..].Trim()
            : null;
    }

    /// <summary>The account named by a correctly signed Bearer JWT, expired or not (for counting only).</summary>
    public static FakeAccount? ClaimedStudioAccount(HttpContext http, FakeSunoState state)
    {
        var token = BearerToken(http);
        var payload = token is null ? null : state.Jwt.ReadVerified(token);
        return state.FindByUserId(ReadString(payload, UserIdClaim));
    }

    /// <summary>The account of a valid (signed, not expired) Bearer JWT, or null.</summary>
    public static FakeAccount? AuthenticateStudio(HttpContext http, FakeSunoState state)
    {
        var token = BearerToken(http);
        var payload = token is null ? null : state.Jwt.ReadVerified(token);
        if (payload is null)
        {
            return null;
        }

        var now = state.Clock.GetUtcNow().ToUnixTimeSeconds();
        var exp = ReadLong(payload, "exp");
        var nbf = ReadLong(payload, "nbf");
        if (exp is null || exp <= now || (nbf is not null && nbf > now))
        {
            return null;
        }

        return state.FindByUserId(ReadString(payload, UserIdClaim));
    }

    public static void SetAccount(HttpContext http, FakeAccount account) => http.Items[AccountItem] = account;

    public static FakeAccount Account(HttpContext http) =>
        http.Items[AccountItem] as FakeAccount ?? throw new InvalidOperationException("The studio auth filter did not run.");

    private static string? ReadString(JsonObject? payload, string name) =>
        payload?[name] is JsonValue value && value.TryGetValue<string>(out var text) ? text : null;

    private static long? ReadLong(JsonObject payload, string name) =>
        payload[name] is JsonValue value && value.TryGetValue<long>(out var number) ? number : null;
}
