using Suno.Domain.Clips;
using Suno.Domain.Common;

namespace Suno.Domain.Tasks;

/// <summary>
/// A durable unit of work: one submission to Suno and everything learnt about it until it ends.
/// The status only moves forward (see <see cref="CanTransition"/>); an illegal explicit transition throws.
/// </summary>
public class SunoTask
{
    /// <summary>Reason stored when a task outlives the task timeout (the reference gateways' wording).</summary>
    public const string TimeOutReason = "time out";

    private readonly List<Clip> _clips = [];
    private List<string> _upstreamIds = [];

    private SunoTask()
    {
        Id = string.Empty;
        Parameters = "{}";
        TenantId = Tenants.Pool;
    }

    public string Id { get; private set; }
    public TaskAction Action { get; private set; }
    public SunoTaskStatus Status { get; private set; }
    public string? FailReason { get; private set; }

    /// <summary>Progress in percent, 0 to 100; it never decreases.</summary>
    public int Progress { get; private set; }
    public DateTime CreatedAt { get; private set; }
    public DateTime UpdatedAt { get; private set; }
    public DateTime? SubmitTime { get; private set; }
    public DateTime? StartTime { get; private set; }
    public DateTime? FinishTime { get; private set; }

    /// <summary>The request parameters as JSON (as the caller sent them, after defaults were applied).</summary>
    public string Parameters { get; private set; }

    /// <summary>Ids Suno gave the work: the clip ids of a generation, or the lyrics id.</summary>
    public IReadOnlyList<string> UpstreamIds => _upstreamIds;

    /// <summary>The clips of a music task, in Suno's order.</summary>
    public IReadOnlyList<Clip> Clips => _clips;

    /// <summary>The result of a lyrics task.</summary>
    public LyricsResult? Lyrics { get; private set; }
    public string? AccountId { get; private set; }
    public string? CallbackUrl { get; private set; }

    /// <summary>Why a callback of this task was given up (every retry failed); null while none was.</summary>
    public string? CallbackError { get; private set; }
    public string? IdempotencyKey { get; private set; }

    /// <summary>Who the task belongs to (<see cref="Tenants"/>): only that tenant reads it, and its key is unique there.</summary>
    public string TenantId { get; private set; }

    /// <summary>A hash of what was submitted, so a replayed Idempotency-Key with another body can be told apart.</summary>
    public string? RequestHash { get; private set; }

    /// <summary>Which gateway process polls this task now, and until when (several processes share one database).</summary>
    public string? LeaseOwner { get; private set; }
    public DateTime? LeaseUntil { get; private set; }

    public static SunoTask Create(
        string id,
        TaskAction action,
        string parameters,
        DateTime now,
        string? callbackUrl = null,
        string? idempotencyKey = null,
        string? accountId = null,
        string tenantId = Tenants.Pool,
        string? requestHash = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(id);
        ArgumentException.ThrowIfNullOrWhiteSpace(parameters);
        ArgumentException.ThrowIfNullOrWhiteSpace(tenantId);
        return new SunoTask
        {
            Id = id,
            Action = action,
            Status = SunoTaskStatus.NotStart,
            Parameters = parameters,
            CreatedAt = now,
            UpdatedAt = now,
            CallbackUrl = callbackUrl,
            IdempotencyKey = idempotencyKey,
            AccountId = accountId,
            TenantId = tenantId,
            RequestHash = requestHash,
        };
    }

    /// <summary>An expired Idempotency-Key is let go, so the tenant may use it for new work.</summary>
    public void ReleaseIdempotencyKey(DateTime now)
    {
        IdempotencyKey = null;
        UpdatedAt = now;
    }

    /// <summary>Whether a task may move from one status to another.</summary>
    public static bool CanTransition(SunoTaskStatus from, SunoTaskStatus to)
    {
        if (from.IsTerminal())
        {
            return false;
        }

        if (from == SunoTaskStatus.NotStart)
        {
            return to is SunoTaskStatus.Submitted or SunoTaskStatus.Failure;
        }

        return to > from;
    }

    /// <summary>
    /// The one way back from a terminal status: a task failed only because it outlived the task timeout
    /// (<see cref="TimeOutReason"/>) becomes SUCCESS when Suno finishes its song late. Any other failure, and any
    /// other target, is final.
    /// </summary>
    public static bool CanRecover(SunoTaskStatus from, string? failReason, SunoTaskStatus to) =>
        from == SunoTaskStatus.Failure && to == SunoTaskStatus.Success && string.Equals(failReason, TimeOutReason, StringComparison.Ordinal);

    /// <summary>Whether the task failed by the task timeout (and so is still watched for a late song).</summary>
    public bool TimedOut => Status == SunoTaskStatus.Failure && string.Equals(FailReason, TimeOutReason, StringComparison.Ordinal);

    /// <summary>
    /// Whether a running task has outlived <paramref name="timeout"/>, counted from when Suno accepted it (a slow
    /// submission does not eat into the time Suno has to make the song), or from its creation while not submitted.
    /// </summary>
    public bool IsPastTimeout(DateTime now, TimeSpan timeout) => now - (SubmitTime ?? CreatedAt) >= timeout;

    /// <summary>Progress shown for a status: NOT_START 0%, SUBMITTED 10%, QUEUED 20%, IN_PROGRESS 50%, done 100%.</summary>
    public static int ProgressFor(SunoTaskStatus status) => status switch
    {
        SunoTaskStatus.NotStart => 0,
        SunoTaskStatus.Submitted => 10,
        SunoTaskStatus.Queued => 20,
        SunoTaskStatus.InProgress => 50,
        _ => 100,
    };

    /// <summary>Records that an account was chosen for the task before it is sent upstream.</summary>
    public void AssignAccount(string accountId, DateTime now)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(accountId);
        EnsureStatus(SunoTaskStatus.NotStart, "assign an account");
        AccountId = accountId;
        UpdatedAt = now;
    }

    /// <summary>Suno accepted the submission and gave it these ids.</summary>
    public void MarkSubmitted(IEnumerable<string> upstreamIds, DateTime now)
    {
        ArgumentNullException.ThrowIfNull(upstreamIds);
        var ids = upstreamIds.ToList();
        if (ids.Count == 0 || ids.Exists(string.IsNullOrWhiteSpace))
        {
            throw new DomainException($"Task {Id}: a submitted task needs at least one upstream id, none blank.");
        }

        MoveTo(SunoTaskStatus.Submitted, now);
        _upstreamIds = ids;
        SubmitTime = now;
    }

    /// <summary>Suno accepted the submission and answered with the clips it will make.</summary>
    public void MarkSubmitted(IReadOnlyList<ClipSnapshot> clips, DateTime now)
    {
        ArgumentNullException.ThrowIfNull(clips);
        MarkSubmitted(clips.Select(c => c.Id), now);
        _ = UpsertClips(clips);
    }

    /// <summary>Ends the task as failed with a reason the caller will see.</summary>
    public void Fail(string reason, DateTime now)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(reason);
        MoveTo(SunoTaskStatus.Failure, now);
        FailReason = reason.Length > FieldLengths.FailReason ? reason[..FieldLengths.FailReason] : reason;
    }

    /// <summary>
    /// Applies what a feed read says about the task's clips: the clips are updated and the task status follows
    /// <see cref="TaskStatusRule"/>. Suno may report an earlier status than one already seen (clips do not move in
    /// step); such an observation updates the clips but never moves the task back. A read that changes nothing
    /// leaves the task untouched (no write for the poller to make).
    /// </summary>
    public void ApplyClips(IReadOnlyList<ClipSnapshot> snapshots, DateTime now)
    {
        ArgumentNullException.ThrowIfNull(snapshots);
        if (Status.IsTerminal())
        {
            throw new DomainException($"Task {Id} is {Status.ToWire()}; its clips can no longer change.");
        }

        if (Status == SunoTaskStatus.NotStart)
        {
            throw new DomainException($"Task {Id} has not been submitted; it has no clips to update.");
        }

        if (snapshots.Count == 0)
        {
            return;
        }

        var changed = UpsertClips(snapshots);
        var target = TaskStatusRule.FromClips(_clips.Select(c => c.Status));
        if (target == SunoTaskStatus.Failure)
        {
            var reason = _clips.Select(c => c.ErrorMessage).FirstOrDefault(m => !string.IsNullOrWhiteSpace(m))
                ?? "Suno reported the clip as failed.";
            Fail(reason, now);
        }
        else if (target > Status)
        {
            MoveTo(target, now);
        }
        else if (changed)
        {
            UpdatedAt = now;
        }
    }

    /// <summary>
    /// Applies a late feed read to a task that failed by the timeout (<see cref="CanRecover"/>): the clips are
    /// updated, and when Suno has finished them all the task becomes SUCCESS. Clips that failed, or are still running,
    /// leave it failed.
    /// </summary>
    public void ApplyLateClips(IReadOnlyList<ClipSnapshot> snapshots, DateTime now)
    {
        ArgumentNullException.ThrowIfNull(snapshots);
        if (!TimedOut)
        {
            throw new DomainException($"Task {Id} is {Status.ToWire()} ({FailReason}); only a task that timed out takes late clips.");
        }

        if (snapshots.Count == 0)
        {
            return;
        }

        var changed = UpsertClips(snapshots);
        if (_clips.Count > 0 && TaskStatusRule.FromClips(_clips.Select(c => c.Status)) == SunoTaskStatus.Success
            && CanRecover(Status, FailReason, SunoTaskStatus.Success))
        {
            Status = SunoTaskStatus.Success;
            FailReason = null;
            Progress = ProgressFor(SunoTaskStatus.Success);
            StartTime ??= now;
            FinishTime = now;
            UpdatedAt = now;
            ReleaseLease();
        }
        else if (changed)
        {
            UpdatedAt = now;
        }
    }

    /// <summary>Applies a lyrics poll: complete ends the task, error fails it, anything else means running.</summary>
    /// <summary>A callback stage of this task could not be delivered (hosted record-info: CALLBACK_EXCEPTION).</summary>
    public void RecordCallbackFailure(string error, DateTime now)
    {
        ArgumentNullException.ThrowIfNull(error);
        CallbackError = error.Length > 2000 ? error[..2000] : error;
        UpdatedAt = now;
    }

    public void ApplyLyrics(LyricsResult lyrics, DateTime now)
    {
        ArgumentNullException.ThrowIfNull(lyrics);
        if (Action != TaskAction.Lyrics)
        {
            throw new DomainException($"Task {Id} is a {Action.ToWire()} task; it has no lyrics.");
        }

        if (Status.IsTerminal() || Status == SunoTaskStatus.NotStart)
        {
            throw new DomainException($"Task {Id} is {Status.ToWire()}; its lyrics cannot change.");
        }

        var changed = Lyrics != lyrics;
        Lyrics = lyrics;
        switch (lyrics.Status.Trim().ToUpperInvariant())
        {
            case "COMPLETE":
                MoveTo(SunoTaskStatus.Success, now);
                break;
            case "ERROR" or "FAILED":
                Fail("Suno could not write the lyrics.", now);
                break;
            default:
                if (Status < SunoTaskStatus.InProgress)
                {
                    MoveTo(SunoTaskStatus.InProgress, now);
                }
                else if (changed)
                {
                    UpdatedAt = now;
                }

                break;
        }
    }

    /// <summary>Claims the polling lease when it is free, expired, or already ours.</summary>
    public bool TryClaimLease(string owner, DateTime until, DateTime now)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(owner);
        if (LeaseOwner is not null && LeaseOwner != owner && LeaseUntil > now)
        {
            return false;
        }

        LeaseOwner = owner;
        LeaseUntil = until;
        return true;
    }

    public void ReleaseLease()
    {
        LeaseOwner = null;
        LeaseUntil = null;
    }

    private bool UpsertClips(IEnumerable<ClipSnapshot> snapshots)
    {
        var changed = false;
        foreach (var snapshot in snapshots)
        {
            var clip = _clips.Find(c => c.Id == snapshot.Id);
            if (clip is null)
            {
                _clips.Add(new Clip(Id, TenantId, _clips.Count, snapshot));
                changed = true;
            }
            else
            {
                changed |= clip.Apply(snapshot);
            }
        }

        return changed;
    }

    private void EnsureStatus(SunoTaskStatus expected, string what)
    {
        if (Status != expected)
        {
            throw new DomainException($"Task {Id} is {Status.ToWire()}; cannot {what}.");
        }
    }

    /// <summary>
    /// The one place a status changes; an illegal transition throws. The public methods (MarkSubmitted, ApplyClips,
    /// ApplyLyrics, Fail) decide the target; the transition table tests drive it directly.
    /// </summary>
    internal void MoveTo(SunoTaskStatus target, DateTime now)
    {
        if (!CanTransition(Status, target))
        {
            throw new DomainException($"Task {Id}: illegal transition {Status.ToWire()} -> {target.ToWire()}.");
        }

        Status = target;
        UpdatedAt = now;
        Progress = Math.Max(Progress, ProgressFor(target));
        if (target >= SunoTaskStatus.InProgress && StartTime is null && target != SunoTaskStatus.Failure)
        {
            StartTime = now;
        }

        if (target.IsTerminal())
        {
            FinishTime = now;
            ReleaseLease();
        }
    }
}
