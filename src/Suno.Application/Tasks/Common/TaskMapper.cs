using Riok.Mapperly.Abstractions;
using Suno.Domain.Tasks;

namespace Suno.Application.Tasks.Common;

/// <summary>
/// Entity → read DTO, generated at compile time by Mapperly; the conversions are the small helpers in
/// <see cref="TaskData"/>. <see cref="RequiredMappingStrategy.Target"/>: a <see cref="TaskDto"/> member that nothing
/// maps is reported (RMG012) and, warnings being errors, stops the build; source members the DTO does not show
/// (leases, parameters, ...) are left out on purpose and not reported.
/// </summary>
[Mapper(RequiredMappingStrategy = RequiredMappingStrategy.Target)]
public static partial class TaskMapper
{
    [MapProperty(nameof(SunoTask.Id), nameof(TaskDto.TaskId))]
    [MapProperty(nameof(SunoTask.Action), nameof(TaskDto.Action), Use = nameof(ActionToWire))]
    [MapProperty(nameof(SunoTask.Status), nameof(TaskDto.Status), Use = nameof(StatusToWire))]
    [MapProperty(nameof(SunoTask.SubmitTime), nameof(TaskDto.SubmitTime), Use = nameof(ToUnixSeconds))]
    [MapProperty(nameof(SunoTask.StartTime), nameof(TaskDto.StartTime), Use = nameof(ToUnixSeconds))]
    [MapProperty(nameof(SunoTask.FinishTime), nameof(TaskDto.FinishTime), Use = nameof(ToUnixSeconds))]
    [MapProperty(nameof(SunoTask.Progress), nameof(TaskDto.Progress), Use = nameof(ToPercent))]
    [MapPropertyFromSource(nameof(TaskDto.Clips), Use = nameof(ClipsOf))]
    public static partial TaskDto ToDto(this SunoTask task);

    [UserMapping(Default = false)]
    private static string ActionToWire(TaskAction action) => action.ToWire();

    [UserMapping(Default = false)]
    private static string StatusToWire(SunoTaskStatus status) => status.ToWire();

    [UserMapping(Default = false)]
    private static long ToUnixSeconds(DateTime? time) => TaskData.ToUnixSeconds(time);

    [UserMapping(Default = false)]
    private static string ToPercent(int progress) => TaskData.ToPercent(progress);

    /// <summary>The clips in Suno's order, each as the one clip shape.</summary>
    [UserMapping(Default = false)]
    [System.Diagnostics.CodeAnalysis.SuppressMessage("Performance", "CA1859", Justification = "Mapperly needs the DTO member's own type.")]
    private static IReadOnlyList<ClipDto> ClipsOf(SunoTask task) => task.Clips.OrderBy(c => c.Position).Select(c => c.ToDto()).ToList();
}
