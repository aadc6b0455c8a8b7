using MediatR;
using Suno.Application.Gcui.Common;

namespace Suno.Application.Gcui.Commands.GenerateLyrics;

/// <summary>
/// gcui-art's generate_lyrics: submits a lyrics task and answers with Suno's result {id, status, title, text} once the
/// task ended (or <see cref="MaxWait"/> passed: then with the latest status).
/// </summary>
public sealed record GenerateLyricsCommand(string? Prompt, string? AccountCookie) : IRequest<GeneratedLyrics>
{
    public TimeSpan MaxWait { get; init; } = GcuiLimits.MaxWait;

    public override string ToString() => nameof(GenerateLyricsCommand);
}

/// <summary>The lyrics poll result as Suno gives it, plus the task that holds it.</summary>
public sealed record GeneratedLyrics(string TaskId, string? Id, string Status, string? Title, string? Text, string? Error);
