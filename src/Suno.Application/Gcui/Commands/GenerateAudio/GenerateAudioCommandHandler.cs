using MediatR;
using Microsoft.Extensions.Options;
using Suno.Application.Common.Interfaces;
using Suno.Application.Gcui.Common;
using Suno.Application.Tasks.Engine;
using Suno.Domain.Tasks;

namespace Suno.Application.Gcui.Commands.GenerateAudio;

public sealed class GenerateAudioCommandHandler(
    IMediator mediator,
    ISunoDbContext db,
    ITaskChangeNotifier notifier,
    TimeProvider clock,
    IOptions<TaskEngineOptions> options) : IRequestHandler<GenerateAudioCommand, GeneratedAudio>
{
    public async Task<GeneratedAudio> Handle(GenerateAudioCommand request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);

        // The one submission path of every family: stored first, validated, charged once.
        var submitted = await mediator.Send(request.Submission, cancellationToken).ConfigureAwait(false);
        var waiter = new TaskWaiter(db, notifier, clock, options);
        var task = request.WaitAudio
            ? await waiter.WaitAsync(submitted.TaskId, TaskWaiter.ClipsPlayable, request.MaxWait, cancellationToken).ConfigureAwait(false)
            : await waiter.ReadAsync(submitted.TaskId, cancellationToken).ConfigureAwait(false);
        return new GeneratedAudio(submitted.TaskId, task is null ? [] : ClipsOf(task));
    }

    internal static IReadOnlyList<ClipInfo> ClipsOf(SunoTask task) =>
        task.Clips.OrderBy(c => c.Position).Select(c => ClipInfoReader.Read(c.Id, c.RawJson, compactLyrics: false)).ToList();
}
