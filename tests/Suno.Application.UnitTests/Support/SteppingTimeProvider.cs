namespace Suno.Application.UnitTests.Support;

/// <summary>A clock whose timestamp moves only when the test says so.</summary>
public sealed class SteppingTimeProvider : TimeProvider
{
    private long _ticks;

    public override long TimestampFrequency => TimeSpan.TicksPerSecond;

    public override long GetTimestamp() => _ticks;

    public void Advance(TimeSpan by) => _ticks += by.Ticks;
}
