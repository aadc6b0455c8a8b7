using MediatR;
using Suno.Application.Chat.Common;

namespace Suno.Application.Chat.Commands.StartChatSong;

/// <summary>
/// A chat turn of the OpenAI-compatible route: answers a frontend's side request (title, memory summary) at once,
/// or plans a song from the conversation (planner model, else the last user message) and submits it.
/// </summary>
public sealed record StartChatSongCommand : IRequest<ChatStart>
{
    public IReadOnlyList<ChatMessage> Messages { get; init; } = [];

    /// <summary>Suno model name or alias; the engine's default when empty.</summary>
    public string? Model { get; init; }

    /// <summary>A request's own Suno cookie (holding __client). A secret.</summary>
    public string? AccountCookie { get; init; }

    /// <summary>
    /// Called once the request is known to be valid, before the slow part (planning, submission): a stream sends
    /// its headers here.
    /// </summary>
    public Func<CancellationToken, Task>? OnAccepted { get; init; }

    public override string ToString() => $"{nameof(StartChatSongCommand)} ({Messages.Count} messages, model {Model ?? "default"})";
}

/// <summary>Either a plain <see cref="Reply"/> (a side request) or the <see cref="TaskId"/> of the submitted song.</summary>
public sealed record ChatStart(string? Reply, string? TaskId)
{
    public static ChatStart Answer(string reply) => new(reply, null);

    public static ChatStart Song(string taskId) => new(null, taskId);
}
