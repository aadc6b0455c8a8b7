using AutoMapper;
using Suno.Domain.Tasks;

namespace Suno.Application.Tasks.Common;

/// <summary>Entity → read DTO only; the conversions are the small helpers in <see cref="TaskData"/>.</summary>
public sealed class TaskMappingProfile : Profile
{
    public TaskMappingProfile()
    {
        CreateMap<SunoTask, TaskDto>()
            .ForMember(d => d.TaskId, o => o.MapFrom(s => s.Id))
            .ForMember(d => d.Action, o => o.MapFrom(s => s.Action.ToWire()))
            .ForMember(d => d.Status, o => o.MapFrom(s => s.Status.ToWire()))
            .ForMember(d => d.FailReason, o => o.MapFrom(s => s.FailReason))
            .ForMember(d => d.SubmitTime, o => o.MapFrom(s => TaskData.ToUnixSeconds(s.SubmitTime)))
            .ForMember(d => d.StartTime, o => o.MapFrom(s => TaskData.ToUnixSeconds(s.StartTime)))
            .ForMember(d => d.FinishTime, o => o.MapFrom(s => TaskData.ToUnixSeconds(s.FinishTime)))
            .ForMember(d => d.Progress, o => o.MapFrom(s => TaskData.ToPercent(s.Progress)))
            .ForMember(d => d.Clips, o => o.MapFrom(s => s.Clips.OrderBy(c => c.Position).Select(c => c.ToDto()).ToList()))
            .ForMember(d => d.Lyrics, o => o.MapFrom(s => s.Lyrics));
    }
}
