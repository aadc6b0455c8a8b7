using System.Text.Json.Serialization;
using Suno.Application.Chat.Common;

namespace Suno.WebApi.Families.OpenAi;

/// <summary>OpenAI's chat.completion object (stream=false).</summary>
public sealed record ChatCompletion
{
    [JsonPropertyName("id")]
    public required string Id { get; init; }

    /// <summary>Always chat.completion.</summary>
    [JsonPropertyName("object")]
    public string ObjectType { get; init; } = "chat.completion";

    /// <summary>Unix seconds.</summary>
    [JsonPropertyName("created")]
    public required long Created { get; init; }

    [JsonPropertyName("model")]
    public required string Model { get; init; }

    [JsonPropertyName("choices")]
    public required IReadOnlyList<ChatCompletionChoice> Choices { get; init; }

    [JsonPropertyName("usage")]
    public required ChatUsage Usage { get; init; }

    /// <summary>The answer of a chat completion that does not stream: its final reply.</summary>
    internal static async Task<ChatCompletion> FromAsync(
        IAsyncEnumerable<ChatEvent> events, int promptCharacters, long created, CancellationToken cancellationToken)
    {
        var model = string.Empty;
        var content = string.Empty;
        await foreach (var chatEvent in events.WithCancellation(cancellationToken).ConfigureAwait(false))
        {
            model = chatEvent.Model;
            if (chatEvent.Kind == ChatEventKind.Finished)
            {
                content = chatEvent.Text;
            }
        }

        return new ChatCompletion
        {
            Id = NewId(),
            Created = created,
            Model = model,
            Choices = [new ChatCompletionChoice { Message = new ChatCompletionReply { Content = content }, FinishReason = "stop" }],
            Usage = new ChatUsage { PromptTokens = ChatUsage.Estimate(promptCharacters), CompletionTokens = ChatUsage.Estimate(content.Length) },
        };
    }

    /// <summary>A fresh chatcmpl-... id.</summary>
    internal static string NewId() => "chatcmpl-" + Guid.NewGuid().ToString("N", System.Globalization.CultureInfo.InvariantCulture);
}

public sealed record ChatCompletionChoice
{
    [JsonPropertyName("index")]
    public int Index { get; init; }

    [JsonPropertyName("message")]
    public required ChatCompletionReply Message { get; init; }

    /// <summary>Always null.</summary>
    [JsonPropertyName("logprobs")]
    public object? Logprobs { get; init; }

    /// <summary>stop.</summary>
    [JsonPropertyName("finish_reason")]
    public required string FinishReason { get; init; }
}

/// <summary>The assistant's message: the rendered song (markdown).</summary>
public sealed record ChatCompletionReply
{
    [JsonPropertyName("role")]
    public string Role { get; init; } = "assistant";

    [JsonPropertyName("content")]
    public required string Content { get; init; }
}

/// <summary>Token counts, estimated (four characters a token): nothing here is a real language model.</summary>
public sealed record ChatUsage
{
    [JsonPropertyName("prompt_tokens")]
    public required int PromptTokens { get; init; }

    [JsonPropertyName("completion_tokens")]
    public required int CompletionTokens { get; init; }

    [JsonPropertyName("total_tokens")]
    public int TotalTokens => PromptTokens + CompletionTokens;

    public static int Estimate(int characters) => characters <= 0 ? 0 : (characters + 3) / 4;
}

/// <summary>One Server-Sent Event of a stream: chat.completion.chunk.</summary>
public sealed record ChatCompletionChunk
{
    [JsonPropertyName("id")]
    public required string Id { get; init; }

    [JsonPropertyName("object")]
    public string ObjectType { get; init; } = "chat.completion.chunk";

    [JsonPropertyName("created")]
    public required long Created { get; init; }

    [JsonPropertyName("model")]
    public required string Model { get; init; }

    [JsonPropertyName("choices")]
    public required IReadOnlyList<ChatChunkChoice> Choices { get; init; }

    /// <summary>Only in the last chunk (choices empty), when stream_options.include_usage.</summary>
    [JsonPropertyName("usage")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public ChatUsage? Usage { get; init; }
}

public sealed record ChatChunkChoice
{
    [JsonPropertyName("index")]
    public int Index { get; init; }

    [JsonPropertyName("delta")]
    public required ChatDelta Delta { get; init; }

    [JsonPropertyName("logprobs")]
    public object? Logprobs { get; init; }

    /// <summary>null until the last chunk, which says stop.</summary>
    [JsonPropertyName("finish_reason")]
    public string? FinishReason { get; init; }
}

public sealed record ChatDelta
{
    /// <summary>assistant, in the first chunk only.</summary>
    [JsonPropertyName("role")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? Role { get; init; }

    [JsonPropertyName("content")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? Content { get; init; }
}

/// <summary>GET /v1/models.</summary>
public sealed record ModelList
{
    [JsonPropertyName("object")]
    public string ObjectType { get; init; } = "list";

    [JsonPropertyName("data")]
    public required IReadOnlyList<ModelObject> Data { get; init; }
}

/// <summary>A Suno model, by its upstream name or one of its aliases.</summary>
public sealed record ModelObject
{
    /// <summary>The name to send as model (chirp-fenix, suno-v3.5, V5, ...).</summary>
    [JsonPropertyName("id")]
    public required string Id { get; init; }

    [JsonPropertyName("object")]
    public string ObjectType { get; init; } = "model";

    /// <summary>Unix seconds (fixed: Suno publishes no dates).</summary>
    [JsonPropertyName("created")]
    public required long Created { get; init; }

    [JsonPropertyName("owned_by")]
    public string OwnedBy { get; init; } = "suno";

    /// <summary>The upstream model (mv) this name resolves to; equal to id for upstream names.</summary>
    [JsonPropertyName("root")]
    public required string Root { get; init; }
}

/// <summary>OpenAI's error envelope: {"error": {"message", "type", "param", "code"}}.</summary>
public sealed record OpenAiErrorResponse
{
    [JsonPropertyName("error")]
    public required OpenAiError Error { get; init; }
}

public sealed record OpenAiError
{
    [JsonPropertyName("message")]
    public required string Message { get; init; }

    /// <summary>invalid_request_error, authentication_error, insufficient_quota, rate_limit_error, server_error, timeout_error.</summary>
    [JsonPropertyName("type")]
    public required string Type { get; init; }

    /// <summary>The request field at fault, when one is.</summary>
    [JsonPropertyName("param")]
    public string? Param { get; init; }

    [JsonPropertyName("code")]
    public string? Code { get; init; }
}
