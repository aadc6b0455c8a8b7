using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Suno.Application.Chat;
using Suno.Application.Chat.Common;
using Suno.Infrastructure.Configuration;

namespace Suno.Infrastructure.Chat;

/// <summary>
/// Asks an OpenAI-compatible model (Chat:OpenAiBase, Chat:OpenAiKey, Chat:OpenAiModel) to turn the conversation into
/// the arguments of a <c>generate_song</c> tool, with tool_choice forcing that tool. Any failure (no answer, an
/// error status, no tool call, unreadable arguments, no lyrics nor hints) is logged without the key and answered
/// with null, so the chat falls back to the last user message.
/// </summary>
public sealed partial class OpenAiSongPlanner(HttpClient http, IOptions<ChatOptions> options, ILogger<OpenAiSongPlanner> logger) : ISongPlanner
{
    public const string ToolName = "generate_song";

    /// <summary>How long the planner may take before the chat falls back.</summary>
    public static readonly TimeSpan Timeout = TimeSpan.FromSeconds(30);

    private const string Instructions =
        "You write songs for Suno, an AI music generator. Read the conversation and call generate_song once for the "
        + "song the user wants now. Write complete lyrics with section tags such as [Verse] and [Chorus] in prompt, "
        + "in the user's language, unless the user wants an instrumental. Put the musical style in tags (comma separated, "
        + "short) and a title in title. Only set continue_clip_id (and continue_at, in seconds) when the user asks to "
        + "continue or extend an earlier clip and names its id.";

    public async Task<SongPlan?> PlanAsync(IReadOnlyList<ChatMessage> conversation, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(conversation);
        var settings = options.Value;
        if (settings.OpenAiBase is null || string.IsNullOrWhiteSpace(settings.OpenAiKey))
        {
            return null;
        }

        var endpoint = ChatCompletionsUri(settings.OpenAiBase);
        try
        {
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            timeout.CancelAfter(Timeout);
            using var request = new HttpRequestMessage(HttpMethod.Post, endpoint)
            {
                Content = JsonContent.Create(Body(settings.OpenAiModel, conversation)),
            };
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", settings.OpenAiKey);
            using var response = await http.SendAsync(request, timeout.Token).ConfigureAwait(false);
            if (!response.IsSuccessStatusCode)
            {
                LogFailed(logger, settings.OpenAiModel, endpoint.Authority, $"it answered HTTP {(int)response.StatusCode}");
                return null;
            }

            var body = await response.Content.ReadFromJsonAsync<JsonNode>(timeout.Token).ConfigureAwait(false);
            var plan = ReadPlan(body);
            if (plan is null)
            {
                LogFailed(logger, settings.OpenAiModel, endpoint.Authority, $"its answer has no usable {ToolName} call");
                return null;
            }

            LogPlanned(logger, settings.OpenAiModel, plan.Prompt is not null, plan.ContinueClipId is not null);
            return plan;
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            throw;
        }
        catch (Exception ex) when (ex is HttpRequestException or OperationCanceledException or JsonException or NotSupportedException or InvalidOperationException)
        {
            var reason = ex is OperationCanceledException ? $"no answer within {Timeout.TotalSeconds:0} s" : ex.GetType().Name;
            LogFailed(logger, settings.OpenAiModel, endpoint.Authority, reason);
            return null;
        }
    }

    /// <summary>{base}/chat/completions when the base already ends in /v1 (or another version), else {base}/v1/chat/completions.</summary>
    public static Uri ChatCompletionsUri(Uri baseUrl)
    {
        ArgumentNullException.ThrowIfNull(baseUrl);
        var text = baseUrl.ToString().TrimEnd('/');
        var last = text[(text.LastIndexOf('/') + 1)..];
        var versioned = last.Length >= 2 && last[0] == 'v' && last[1..].All(char.IsAsciiDigit);
        return new Uri(versioned ? text + "/chat/completions" : text + "/v1/chat/completions");
    }

    internal static JsonObject Body(string model, IReadOnlyList<ChatMessage> conversation)
    {
        var messages = new JsonArray { new JsonObject { ["role"] = "system", ["content"] = Instructions } };
        foreach (var message in conversation.Where(m => !string.IsNullOrWhiteSpace(m.Content)))
        {
            var role = message.Role.ToLowerInvariant() is "user" or "assistant" or "system" ? message.Role.ToLowerInvariant() : "user";
            messages.Add(new JsonObject { ["role"] = role, ["content"] = message.Content });
        }

        return new JsonObject
        {
            ["model"] = model,
            ["messages"] = messages,
            ["tools"] = new JsonArray(new JsonObject
            {
                ["type"] = "function",
                ["function"] = new JsonObject
                {
                    ["name"] = ToolName,
                    ["description"] = "Generate a song with Suno.",
                    ["parameters"] = new JsonObject
                    {
                        ["type"] = "object",
                        ["properties"] = new JsonObject
                        {
                            ["prompt"] = Property("string", "The full lyrics, with section tags like [Verse] and [Chorus]; empty for an instrumental."),
                            ["tags"] = Property("string", "Musical style, comma separated, e.g. \"synthwave, female vocals\"."),
                            ["title"] = Property("string", "The song's title."),
                            ["make_instrumental"] = Property("boolean", "True for a song without vocals."),
                            ["continue_clip_id"] = Property("string", "Id of an earlier clip to continue; only when the user asks to extend one."),
                            ["continue_at"] = Property("number", "Second of that clip to continue from."),
                        },
                        ["required"] = new JsonArray("prompt", "tags", "title"),
                    },
                },
            }),
            ["tool_choice"] = new JsonObject
            {
                ["type"] = "function",
                ["function"] = new JsonObject { ["name"] = ToolName },
            },
        };
    }

    /// <summary>The generate_song arguments of the first tool call, or null when there are none worth using.</summary>
    internal static SongPlan? ReadPlan(JsonNode? body)
    {
        var calls = body?["choices"]?[0]?["message"]?["tool_calls"] as JsonArray;
        var call = calls?.FirstOrDefault(c => c?["function"]?["name"]?.GetValueKind() == JsonValueKind.String
                                              && (string?)c["function"]!["name"] == ToolName);
        var argumentsText = call?["function"]?["arguments"];
        if (argumentsText is null || argumentsText.GetValueKind() != JsonValueKind.String)
        {
            return null;
        }

        if (JsonNode.Parse((string)argumentsText!) is not JsonObject arguments)
        {
            return null;
        }

        var plan = new SongPlan(
            Text(arguments, "prompt"),
            Text(arguments, "tags"),
            Text(arguments, "title"),
            arguments["make_instrumental"]?.GetValueKind() == JsonValueKind.True,
            Text(arguments, "continue_clip_id"),
            arguments["continue_at"]?.GetValueKind() == JsonValueKind.Number ? (double)arguments["continue_at"]! : null);
        return plan.Prompt is null && plan.Tags is null && plan.Title is null && !plan.MakeInstrumental ? null : plan;
    }

    private static JsonObject Property(string type, string description) => new() { ["type"] = type, ["description"] = description };

    private static string? Text(JsonObject arguments, string name) =>
        arguments[name]?.GetValueKind() == JsonValueKind.String && !string.IsNullOrWhiteSpace((string?)arguments[name])
            ? ((string)arguments[name]!).Trim()
            : null;

    [LoggerMessage(Level = LogLevel.Warning, Message = "Song planning with {Model} at {Host} failed ({Reason}); the last user message is the description")]
    private static partial void LogFailed(ILogger logger, string model, string host, string reason);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Song planned by {Model} (lyrics {HasLyrics}, continuation {IsContinuation})")]
    private static partial void LogPlanned(ILogger logger, string model, bool hasLyrics, bool isContinuation);
}
