using System.Globalization;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Suno.FakeUpstream.Endpoints;

/// <summary>Clerk's Frontend API as Suno's web app uses it (see PROTOCOL §2).</summary>
internal static class ClerkEndpoints
{
    public static void Map(IEndpointRouteBuilder routes, FakeSunoState state)
    {
        var clerk = routes.MapGroup("/v1/client");
        clerk.AddEndpointFilter((context, next) => FakeSunoFilters.CountAndInjectFaultsAsync(state, clerk: true, context, next));

        clerk.MapGet("", (HttpContext http) => GetClient(http, state))
            .WithMetadata(new FakeSunoEndpointMetadata(FakeSunoEndpoints.ClerkClient));
        clerk.MapPost("/sessions/{sessionId}/tokens", (HttpContext http, string sessionId) => CreateToken(http, state, sessionId))
            .WithMetadata(new FakeSunoEndpointMetadata(FakeSunoEndpoints.ClerkTokens));
        clerk.MapPost("/sessions/{sessionId}/tokens/api", (HttpContext http, string sessionId) => CreateToken(http, state, sessionId))
            .WithMetadata(new FakeSunoEndpointMetadata(FakeSunoEndpoints.ClerkTokens));
    }

    private static IResult GetClient(HttpContext http, FakeSunoState state)
    {
        var account = Caller.ClerkAccount(http, state);
        if (account is null || account.IsRevoked)
        {
            return SignedOut();
        }

        var now = state.Clock.GetUtcNow();
        var nowMs = now.ToUnixTimeMilliseconds();
        var createdMs = nowMs - (long)TimeSpan.FromDays(30).TotalMilliseconds;
        var jwt = state.IssueJwt(account);
        AppendCookies(http, account, now);

        var session = new JsonObject
        {
            ["object"] = "session",
            ["id"] = account.SessionId,
            ["status"] = "active",
            ["expire_at"] = nowMs + (long)TimeSpan.FromDays(7).TotalMilliseconds,
            ["abandon_at"] = nowMs + (long)TimeSpan.FromDays(30).TotalMilliseconds,
            ["last_active_at"] = nowMs,
            ["last_active_organization_id"] = null,
            ["actor"] = null,
            ["user"] = User(account, createdMs, nowMs),
            ["public_user_data"] = new JsonObject
            {
                ["first_name"] = null,
                ["last_name"] = null,
                ["image_url"] = "https://img.clerk.com/fake",
                ["has_image"] = false,
                ["identifier"] = account.Email,
            },
            ["factor_verification_age"] = new JsonArray(0, -1),
            ["created_at"] = createdMs,
            ["updated_at"] = nowMs,
            ["last_active_token"] = new JsonObject { ["object"] = "token", ["jwt"] = jwt },
        };

        return Responses.Json(new JsonObject
        {
            ["response"] = new JsonObject
            {
                ["object"] = "client",
                ["id"] = account.ClientId,
                ["sessions"] = new JsonArray(session),
                ["sign_in"] = null,
                ["sign_up"] = null,
                ["last_active_session_id"] = account.SessionId,
                ["last_authentication_strategy"] = "oauth_google",
                ["cookie_expires_at"] = nowMs + (long)TimeSpan.FromDays(90).TotalMilliseconds,
                ["captcha_bypass"] = false,
                ["created_at"] = createdMs,
                ["updated_at"] = nowMs,
            },
            ["client"] = null,
        });
    }

    private static IResult CreateToken(HttpContext http, FakeSunoState state, string sessionId)
    {
        var account = Caller.ClerkAccount(http, state);
        if (account is null || account.IsRevoked)
        {
            return SignedOut();
        }

        if (state.ClerkRequiresCaptcha)
        {
            return Responses.ClerkError(state.Options.ClerkCaptchaStatusCode, "requires_captcha",
                "CAPTCHA verification is required", "CAPTCHA verification is required");
        }

        if (!string.Equals(sessionId, account.SessionId, StringComparison.Ordinal))
        {
            return Responses.ClerkError(StatusCodes.Status404NotFound, "resource_not_found", "Resource not found",
                $"No session was found with id {sessionId}");
        }

        AppendCookies(http, account, state.Clock.GetUtcNow());
        return Responses.Json(new JsonObject { ["object"] = "token", ["jwt"] = state.IssueJwt(account) });
    }

    private static IResult SignedOut() =>
        Responses.ClerkError(StatusCodes.Status401Unauthorized, "signed_out", "Signed out",
            "You are signed out. Please sign in again.");

    /// <summary>Clerk re-sets <c>__client</c> and rotates <c>__client_uat</c> on every call.</summary>
    private static void AppendCookies(HttpContext http, FakeAccount account, DateTimeOffset now)
    {
        http.Response.Headers.Append("Set-Cookie",
            $"__client={account.ClientToken}; Path=/; Max-Age=7776000; HttpOnly; SameSite=Lax");
        http.Response.Headers.Append("Set-Cookie",
            "__client_uat=" + now.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture) +
            "; Path=/; Max-Age=315360000; SameSite=Lax");
    }

    private static JsonObject User(FakeAccount account, long createdMs, long nowMs)
    {
        var emailId = "idn_" + account.ClerkUserId[5..];
        return new JsonObject
        {
            ["id"] = account.ClerkUserId,
            ["object"] = "user",
            ["username"] = account.Handle,
            ["first_name"] = null,
            ["last_name"] = null,
            ["image_url"] = "https://img.clerk.com/fake",
            ["has_image"] = false,
            ["primary_email_address_id"] = emailId,
            ["email_addresses"] = new JsonArray(new JsonObject
            {
                ["id"] = emailId,
                ["object"] = "email_address",
                ["email_address"] = account.Email,
                ["verification"] = new JsonObject { ["status"] = "verified", ["strategy"] = "from_oauth_google" },
            }),
            ["public_metadata"] = new JsonObject(),
            ["created_at"] = createdMs,
            ["updated_at"] = nowMs,
        };
    }
}
