using Suno.Domain.Tasks;

namespace Suno.Application.Common.Interfaces;

/// <summary>What the task engine reports to the gateway's metrics (GET /metrics); a no-op unless Infrastructure adds one.</summary>
public interface ITaskMetrics
{
    /// <summary>Suno accepted a submission of <paramref name="action"/>.</summary>
    void Submitted(TaskAction action);

    /// <summary>A task reached a terminal <paramref name="status"/> <paramref name="latency"/> after it was created.</summary>
    void Finished(TaskAction action, SunoTaskStatus status, TimeSpan latency);
}

/// <summary>The default: reports nothing.</summary>
public sealed class NoTaskMetrics : ITaskMetrics
{
    public void Submitted(TaskAction action)
    {
    }

    public void Finished(TaskAction action, SunoTaskStatus status, TimeSpan latency)
    {
    }
}
