using MediatR;
using Suno.Application.Gcui.Common;
using Suno.Application.Tasks.Commands.SubmitMusic;

namespace Suno.Application.Gcui.Commands.GenerateAudio;

/// <summary>
/// gcui-art's generate, custom_generate and extend_audio: submits <see cref="Submission"/> as a music task (so it is
/// visible through /suno/fetch too) and answers with the task's clips, at once or, with <see cref="WaitAudio"/>,
/// once they are all streaming or complete (or all failed), at most <see cref="MaxWait"/>.
/// </summary>
public sealed record GenerateAudioCommand : IRequest<GeneratedAudio>
{
    public required SubmitMusicCommand Submission { get; init; }

    public bool WaitAudio { get; init; }

    public TimeSpan MaxWait { get; init; } = GcuiLimits.MaxWait;

    public override string ToString() => $"{nameof(GenerateAudioCommand)} ({Submission}, wait_audio {WaitAudio})";
}

/// <summary>The task that was made and its clips as they were when the answer was sent.</summary>
public sealed record GeneratedAudio(string TaskId, IReadOnlyList<ClipInfo> Clips);
