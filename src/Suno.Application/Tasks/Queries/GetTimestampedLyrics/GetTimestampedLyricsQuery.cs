using MediatR;
using Suno.Application.Clips;

namespace Suno.Application.Tasks.Queries.GetTimestampedLyrics;

/// <summary>
/// The aligned lyrics of one clip of a task of the caller's tenant: <see cref="AudioId"/> (one of the task's clips)
/// when given, else the clip at <see cref="MusicIndex"/> (0 or 1; 0 when left out). Answered at once from Suno.
/// </summary>
public sealed record GetTimestampedLyricsQuery(string? TaskId, string? AudioId, int? MusicIndex) : IRequest<AlignedLyrics>
{
    public override string ToString() => $"{nameof(GetTimestampedLyricsQuery)} ({TaskId}, {AudioId ?? MusicIndex?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "0"})";
}
