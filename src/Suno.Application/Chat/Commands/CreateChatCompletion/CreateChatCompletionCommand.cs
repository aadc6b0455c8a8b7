using MediatR;
using Suno.Application.Chat.Common;

namespace Suno.Application.Chat.Commands.CreateChatCompletion;

/// <summary>
/// A chat turn of the OpenAI-compatible route: answers a frontend's side request (title, memory summary) at once, or
/// plans a song from the conversation (planner model, else the last user message), submits it and follows it until
/// it is made or Chat:TimeoutSeconds passed. The answer is a stream of <see cref="ChatEvent"/>s, the first of which
/// (<see cref="ChatEventKind.Accepted"/>) says the request is valid; validation errors are thrown by the send itself.
/// </summary>
public sealed record CreateChatCompletionCommand : IRequest<IAsyncEnumerable<ChatEvent>>
{
    public IReadOnlyList<ChatMessage> Messages { get; init; } = [];

    /// <summary>Suno model name or alias; Tasks:DefaultModel when empty.</summary>
    public string? Model { get; init; }

    /// <summary>
    /// Streamed answers get the submission note and progress notes as they happen, and a late song ends with a
    /// <see cref="ChatEventKind.TimedOut"/> event; otherwise only the final reply comes, and a late song is a
    /// <see cref="ChatTimeoutException"/>.
    /// </summary>
    public bool Stream { get; init; }

    public override string ToString() => $"{nameof(CreateChatCompletionCommand)} ({Messages.Count} messages, model {Model ?? "default"}, stream {Stream})";
}
