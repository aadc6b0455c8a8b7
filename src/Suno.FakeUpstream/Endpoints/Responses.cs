using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;

namespace Suno.FakeUpstream.Endpoints;

internal static class Responses
{
    public static IResult Json(JsonNode node, int statusCode = StatusCodes.Status200OK) =>
        Results.Text(node.ToJsonString(), "application/json", Encoding.UTF8, statusCode);

    /// <summary>studio-api's FastAPI error: <c>{"detail": "…"}</c>.</summary>
    public static IResult Detail(int statusCode, string detail) =>
        Json(new JsonObject { ["detail"] = detail }, statusCode);

    /// <summary>FastAPI/pydantic validation error: <c>{"detail":[{type,loc,msg,input}]}</c>.</summary>
    public static IResult Validation(string type, string field, string message, JsonNode? input, JsonObject? ctx = null) =>
        Validation(type, new JsonArray("body", field), message, input, ctx);

    public static IResult Validation(string type, JsonArray loc, string message, JsonNode? input, JsonObject? ctx = null)
    {
        var item = new JsonObject
        {
            ["type"] = type,
            ["loc"] = loc,
            ["msg"] = message,
            ["input"] = input,
        };
        if (ctx is not null)
        {
            item["ctx"] = ctx;
        }

        return Json(new JsonObject { ["detail"] = new JsonArray(item) }, StatusCodes.Status422UnprocessableEntity);
    }

    public static IResult Unauthorized() => Detail(StatusCodes.Status401Unauthorized, "Unauthorized");

    public static IResult NotFound() => Detail(StatusCodes.Status404NotFound, "Not found");

    /// <summary>Clerk's error envelope: <c>{"errors":[{message,long_message,code,meta}],"clerk_trace_id"}</c>.</summary>
    public static IResult ClerkError(int statusCode, string code, string message, string longMessage) =>
        Json(new JsonObject
        {
            ["errors"] = new JsonArray(new JsonObject
            {
                ["message"] = message,
                ["long_message"] = longMessage,
                ["code"] = code,
                ["meta"] = new JsonObject(),
            }),
            ["clerk_trace_id"] = Guid.NewGuid().ToString("N", CultureInfo.InvariantCulture),
        }, statusCode);
}
