using Suno.FakeUpstream;

namespace Suno.WebApi.Hosting.Sandbox;

/// <summary>How the built-in fake Suno behaves in sandbox mode (section <c>Sandbox</c>, read only in sandbox mode).</summary>
public sealed class SandboxOptions
{
    public const string CompleteAfterSecondsKey = "Sandbox:CompleteAfterSeconds";
    public const int DefaultCompleteAfterSeconds = 20;

    /// <summary>Credits of the sandbox account (a Premier plan's month).</summary>
    public const int Credits = 10_000;

    /// <summary>
    /// Seconds after which a sandbox clip is complete; it is queued after a tenth of that and streams from 40 %.
    /// 0 completes clips at once.
    /// </summary>
    public int CompleteAfterSeconds { get; set; } = DefaultCompleteAfterSeconds;

    /// <summary>The fake's settings: marked output, and a clip lifecycle scaled to <see cref="CompleteAfterSeconds"/>.</summary>
    public FakeSunoOptions ToFakeOptions()
    {
        var complete = TimeSpan.FromSeconds(CompleteAfterSeconds);
        return new FakeSunoOptions
        {
            SandboxMarking = true,
            QueuedAfter = complete * 0.1,
            StreamingAfter = complete * 0.4,
            CompleteAfter = complete,
            LyricsCompleteAfter = complete < TimeSpan.FromSeconds(3) ? complete : TimeSpan.FromSeconds(3),
        };
    }
}
