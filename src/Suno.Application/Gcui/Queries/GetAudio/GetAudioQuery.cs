using MediatR;
using Suno.Application.Gcui.Common;
using Suno.Application.Tasks.Common;

namespace Suno.Application.Gcui.Queries.GetAudio;

/// <summary>
/// gcui-art's get: the clips named in <see cref="Ids"/> (a comma list), or without ids one page of the account's
/// recent feed. Clips this gateway made are answered from its database, which the task engine keeps current, so
/// polling this route costs Suno nothing; other ids are looked up in Suno's feed.
/// </summary>
public sealed record GetAudioQuery(string? Ids, string? Page) : IRequest<IReadOnlyList<ClipDto>>
{
    /// <summary>The ids of <see cref="Ids"/>, trimmed, without empty entries and duplicates, in the order given.</summary>
    public IReadOnlyList<string> IdList =>
        (Ids ?? string.Empty).Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)
            .Distinct(StringComparer.Ordinal)
            .ToList();

    public override string ToString() => $"{nameof(GetAudioQuery)} ({IdList.Count} ids, page {Page})";
}
