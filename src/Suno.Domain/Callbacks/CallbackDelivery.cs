namespace Suno.Domain.Callbacks;

/// <summary>Where a callback delivery stands.</summary>
public enum CallbackDeliveryStatus
{
    /// <summary>Not delivered yet: due at <see cref="CallbackDelivery.NextAttemptAt"/>.</summary>
    Pending,

    /// <summary>The receiver answered 2xx; never sent again.</summary>
    Delivered,

    /// <summary>Every retry failed (or the address was refused); recorded on the task.</summary>
    GivenUp,
}

/// <summary>
/// One stage of one task's callback in the outbox (the source of truth: a crash between sending and recording
/// sends it again). <see cref="Id"/> is the X-Callback-Id the receiver sees on every attempt of this stage.
/// Stages of a task are delivered in <see cref="Sequence"/> order.
/// </summary>
public sealed class CallbackDelivery
{
    /// <summary>For EF Core.</summary>
    private CallbackDelivery()
    {
        Id = TaskId = TenantId = Stage = Url = Payload = string.Empty;
    }

    private CallbackDelivery(string id, string taskId, string tenantId, string stage, int sequence, string url, string payload, DateTime now)
    {
        Id = id;
        TaskId = taskId;
        TenantId = tenantId;
        Stage = stage;
        Sequence = sequence;
        Url = url;
        Payload = payload;
        CreatedAt = now;
        NextAttemptAt = now;
    }

    public string Id { get; private set; }
    public string TaskId { get; private set; }
    public string TenantId { get; private set; }

    /// <summary>text, first, complete or error.</summary>
    public string Stage { get; private set; }
    public int Sequence { get; private set; }
    public string Url { get; private set; }

    /// <summary>The JSON body, fixed when the stage was reached.</summary>
    public string Payload { get; private set; }
    public CallbackDeliveryStatus Status { get; private set; }
    public int Attempts { get; private set; }
    public DateTime CreatedAt { get; private set; }
    public DateTime NextAttemptAt { get; private set; }
    public DateTime? DeliveredAt { get; private set; }
    public string? LastError { get; private set; }

    public static CallbackDelivery Create(string taskId, string tenantId, string stage, int sequence, string url, string payload, DateTime now) =>
        new(Guid.NewGuid().ToString(), taskId, tenantId, stage, sequence, url, payload, now);

    /// <summary>An attempt starts: until <paramref name="leaseUntil"/> no other attempt is made (a crash makes it due again then).</summary>
    public void BeginAttempt(DateTime leaseUntil)
    {
        Attempts++;
        NextAttemptAt = leaseUntil;
    }

    public void MarkDelivered(DateTime now)
    {
        Status = CallbackDeliveryStatus.Delivered;
        DeliveredAt = now;
        LastError = null;
    }

    /// <summary>The attempt failed: retried at <paramref name="retryAt"/>, or given up when it is null.</summary>
    public void MarkFailed(string error, DateTime? retryAt)
    {
        LastError = error.Length > 2000 ? error[..2000] : error;
        if (retryAt is { } at)
        {
            NextAttemptAt = at;
        }
        else
        {
            Status = CallbackDeliveryStatus.GivenUp;
        }
    }
}
