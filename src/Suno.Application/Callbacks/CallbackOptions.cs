namespace Suno.Application.Callbacks;

/// <summary>Callbacks and the address guard (sections Callbacks and Network); Infrastructure fills them from configuration.</summary>
public sealed class CallbackOptions
{
    /// <summary>Waits before the retries of a failed delivery (Callbacks:RetryDelaysSeconds); after the last, it is given up.</summary>
    public IReadOnlyList<TimeSpan> RetryDelays { get; set; } = [TimeSpan.FromSeconds(60), TimeSpan.FromSeconds(300), TimeSpan.FromSeconds(900)];

    /// <summary>When set, deliveries carry X-Webhook-Timestamp and X-Webhook-Signature (Callbacks:SigningKey).</summary>
    public string? SigningKey { get; set; }

    /// <summary>One attempt's limit (15 s, as the hosted API documents).</summary>
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(15);

    /// <summary>Loopback targets are allowed (Network:AllowLoopbackTargets; local development and tests). Private ranges never are.</summary>
    public bool AllowLoopbackTargets { get; set; }
}
