using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Suno.FakeUpstream.Endpoints;

/// <summary>The fake OpenAI-compatible model (see <see cref="FakeOpenAiModel"/>), under <c>/openai/v1</c>.</summary>
internal static class OpenAiEndpoints
{
    public const string Prefix = "/openai/v1";

    public static void Map(IEndpointRouteBuilder routes, FakeSunoState state)
    {
        var api = routes.MapGroup(Prefix);
        api.AddEndpointFilter((context, next) => FakeSunoFilters.CountAndInjectFaultsAsync(state, clerk: false, context, next));
        api.MapPost("/chat/completions", (Func<HttpContext, Task<IResult>>)(http => ChatCompletionsAsync(http, state)))
            .WithMetadata(new FakeSunoEndpointMetadata(FakeSunoEndpoints.OpenAiChatCompletions));
    }

    private static async Task<IResult> ChatCompletionsAsync(HttpContext http, FakeSunoState state)
    {
        var model = state.OpenAi;
        if (!string.Equals(Caller.BearerToken(http), model.ApiKey, StringComparison.Ordinal))
        {
            return Error(StatusCodes.Status401Unauthorized, "Incorrect API key provided.", "invalid_request_error", "invalid_api_key");
        }

        if (model.Failing)
        {
            return Error(StatusCodes.Status500InternalServerError, "The fake model is failing on purpose.", "server_error", null);
        }

        var (body, error) = await RequestBody.ReadObjectAsync(http).ConfigureAwait(false);
        if (body is null)
        {
            return error!;
        }

        var messages = body["messages"] as JsonArray;
        var tool = (body["tools"] as JsonArray)?
            .Select(t => t?["function"]?["name"])
            .FirstOrDefault(n => n is JsonValue v && v.GetValueKind() == JsonValueKind.String);
        if (messages is null || messages.Count == 0 || tool is null)
        {
            return Error(StatusCodes.Status400BadRequest, "messages and a function tool are required.", "invalid_request_error", null);
        }

        model.Record(body);
        var lastUser = messages
            .OfType<JsonObject>()
            .LastOrDefault(m => string.Equals(RequestBody.String(m, "role"), "user", StringComparison.Ordinal));
        var text = lastUser is null ? string.Empty : RequestBody.String(lastUser, "content") ?? string.Empty;
        var arguments = FakeOpenAiModel.PlanFor(text);
        var now = state.Clock.GetUtcNow().ToUnixTimeSeconds();
        var id = Guid.NewGuid().ToString("N", CultureInfo.InvariantCulture);
        return Responses.Json(new JsonObject
        {
            ["id"] = "chatcmpl-" + id,
            ["object"] = "chat.completion",
            ["created"] = now,
            ["model"] = RequestBody.String(body, "model") ?? "fake-model",
            ["choices"] = new JsonArray(new JsonObject
            {
                ["index"] = 0,
                ["message"] = new JsonObject
                {
                    ["role"] = "assistant",
                    ["content"] = null,
                    ["tool_calls"] = new JsonArray(new JsonObject
                    {
                        ["id"] = "call_" + id[..24],
                        ["type"] = "function",
                        ["function"] = new JsonObject
                        {
                            ["name"] = tool.GetValue<string>(),
                            ["arguments"] = arguments.ToJsonString(),
                        },
                    }),
                },
                ["logprobs"] = null,
                ["finish_reason"] = "tool_calls",
            }),
            ["usage"] = new JsonObject { ["prompt_tokens"] = 50, ["completion_tokens"] = 40, ["total_tokens"] = 90 },
        });
    }

    private static IResult Error(int status, string message, string type, string? code) =>
        Responses.Json(
            new JsonObject { ["error"] = new JsonObject { ["message"] = message, ["type"] = type, ["param"] = null, ["code"] = code } },
            status);
}
