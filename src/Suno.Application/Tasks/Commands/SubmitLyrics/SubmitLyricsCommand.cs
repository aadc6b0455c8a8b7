using MediatR;
using Suno.Application.Tasks.Engine;

namespace Suno.Application.Tasks.Commands.SubmitLyrics;

/// <summary>Lyrics from a description; the task ends with {id, status, title, text}.</summary>
public sealed record SubmitLyricsCommand : IRequest<SubmittedTask>
{
    public string? Prompt { get; init; }

    public string? CallbackUrl { get; init; }

    public string? IdempotencyKey { get; init; }

    /// <summary>A request's own Suno cookie (holding __client). A secret: never stored with the task.</summary>
    public string? AccountCookie { get; init; }

    public override string ToString() => nameof(SubmitLyricsCommand);
}
