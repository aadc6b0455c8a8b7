namespace Suno.Application.Tasks.Engine;

/// <summary>Knobs of the task engine; Infrastructure fills them from configuration (sections Tasks and Suno).</summary>
public sealed class TaskEngineOptions
{
    /// <summary>Model used when a task-style submission names none (the Go gateway's README default, v5.5).</summary>
    public string DefaultModel { get; set; } = "chirp-fenix";

    /// <summary>Time between two polls of Suno for running tasks (POLL_INTERVAL).</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(3);

    /// <summary>A task not finished this long after Suno accepted it (after its creation, while unsubmitted) fails with "time out".</summary>
    public TimeSpan TaskTimeout { get; set; } = TimeSpan.FromSeconds(600);

    /// <summary>How long a process owns the tasks it polls before another process may take them over.</summary>
    public TimeSpan LeaseDuration { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>
    /// How long a submission may stay unanswered before the engine decides its fate from Suno's feed
    /// (the gateway stopped, or Suno did not answer, while the generate call was under way).
    /// </summary>
    public TimeSpan SubmissionGrace { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>Whether this process polls at all (Tasks:Polling); off for a process that only serves the API.</summary>
    public bool PollingEnabled { get; set; } = true;

    /// <summary>How long an Idempotency-Key replays its task (Tasks:IdempotencyKeyHours); after that it may be used again.</summary>
    public TimeSpan IdempotencyKeyLifetime { get; set; } = TimeSpan.FromHours(24);

    /// <summary>How long POST /suno/submit/lyrics waits for Suno's lyrics before it answers (the Go gateway's 2 minutes).</summary>
    public TimeSpan LyricsWait { get; set; } = TimeSpan.FromSeconds(120);

    /// <summary>At most this many lost submissions are settled by one process in one tick.</summary>
    public int MaxTasksPerTick { get; set; } = 2000;

    /// <summary>At most this many pages of an account's feed are read back, per tick, to settle lost submissions.</summary>
    public int SettlementFeedPages { get; set; } = 10;

    /// <summary>How long a task that timed out is still checked for a song Suno finished late.</summary>
    public TimeSpan LateCheckWindow { get; set; } = TimeSpan.FromHours(1);

    /// <summary>A timed-out task is checked once every this many poll intervals (a slow pace).</summary>
    public int LateCheckEveryTicks { get; set; } = 10;
}
