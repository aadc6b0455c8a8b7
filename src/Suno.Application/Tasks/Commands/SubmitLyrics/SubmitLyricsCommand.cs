using MediatR;
using Suno.Application.Tasks.Common;

namespace Suno.Application.Tasks.Commands.SubmitLyrics;

/// <summary>
/// Lyrics from a description; the task ends with {id, status, title, text}. Answers with the task, at once or after
/// <see cref="Wait"/>.
/// </summary>
public sealed record SubmitLyricsCommand : IRequest<TaskDto>
{
    public string? Prompt { get; init; }

    public string? CallbackUrl { get; init; }

    public string? IdempotencyKey { get; init; }

    /// <summary>What the answer waits for (at most <see cref="MaxWait"/>).</summary>
    public TaskWait Wait { get; init; }

    public TimeSpan MaxWait { get; init; }

    /// <summary>The family whose messages the errors use.</summary>
    public SubmissionDialect Dialect { get; init; }

    public override string ToString() => $"{nameof(SubmitLyricsCommand)} (wait {Wait})";
}
