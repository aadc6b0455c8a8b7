using Riok.Mapperly.Abstractions;
using Suno.Domain.Clips;

namespace Suno.Application.Tasks.Common;

/// <summary>
/// The one clip mapping, generated at compile time: a stored clip (its typed columns) or a clip Suno just returned
/// becomes a <see cref="ClipDto"/>. A target member without a source is a build error (RequiredMappingStrategy.Target).
/// </summary>
[Mapper(RequiredMappingStrategy = RequiredMappingStrategy.Target)]
public static partial class ClipMapper
{
    [MapperIgnoreSource(nameof(Clip.TaskId))]
    [MapperIgnoreSource(nameof(Clip.Position))]
    [MapperIgnoreSource(nameof(Clip.TenantId))]
    [MapperIgnoreTarget(nameof(ClipDto.StemFromId))]
    public static partial ClipDto ToDto(this Clip clip);

    [MapperIgnoreSource(nameof(ClipSnapshot.StatusText))]
    public static partial ClipDto ToDto(this ClipSnapshot clip);

    private static string StatusToWire(ClipStatus status) => status.ToWire();
}
