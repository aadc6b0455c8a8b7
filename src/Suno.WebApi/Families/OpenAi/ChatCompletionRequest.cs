using System.Text.Json;
using System.Text.Json.Serialization;
using Suno.Application.Chat.Common;

namespace Suno.WebApi.Families.OpenAi;

/// <summary>
/// OpenAI's chat completion request. Only what the gateway uses is read; every other field (temperature, top_p,
/// presence_penalty, max_tokens, tools, ...) is accepted and ignored.
/// </summary>
public sealed class ChatCompletionRequest
{
    /// <summary>The Suno model: an upstream name (chirp-fenix) or an alias (suno-v3.5, V5); the default when empty.</summary>
    [JsonPropertyName("model")]
    public string? Model { get; init; }

    /// <summary>The conversation; the song is made from it (the last user message, or the planner model's reading).</summary>
    [JsonPropertyName("messages")]
    public IReadOnlyList<ChatCompletionMessage>? Messages { get; init; }

    /// <summary>true: Server-Sent Events (text/event-stream) with progress while the song is made.</summary>
    [JsonPropertyName("stream")]
    public bool? Stream { get; init; }

    [JsonPropertyName("stream_options")]
    public ChatStreamOptions? StreamOptions { get; init; }

    internal IReadOnlyList<ChatMessage> ToConversation() =>
        (Messages ?? []).Where(m => m is not null).Select(m => new ChatMessage(m.Role ?? ChatMessage.User, m.Text())).ToList();
}

/// <summary>One message: a role and its content (a string, or an array of parts whose text parts are read).</summary>
public sealed class ChatCompletionMessage
{
    [JsonPropertyName("role")]
    public string? Role { get; init; }

    /// <summary>A string, or an array of content parts ({"type":"text","text":"..."}).</summary>
    [JsonPropertyName("content")]
    public object? Content { get; init; }

    internal string Text()
    {
        if (Content is not JsonElement element)
        {
            return Content as string ?? string.Empty;
        }

        return element.ValueKind switch
        {
            JsonValueKind.String => element.GetString() ?? string.Empty,
            JsonValueKind.Array => string.Join(
                "\n",
                element.EnumerateArray()
                    .Where(p => p.ValueKind == JsonValueKind.Object && p.TryGetProperty("text", out var t) && t.ValueKind == JsonValueKind.String)
                    .Select(p => p.GetProperty("text").GetString())),
            _ => string.Empty,
        };
    }
}

public sealed class ChatStreamOptions
{
    /// <summary>true: a last chunk with usage and no choices before [DONE].</summary>
    [JsonPropertyName("include_usage")]
    public bool? IncludeUsage { get; init; }
}
