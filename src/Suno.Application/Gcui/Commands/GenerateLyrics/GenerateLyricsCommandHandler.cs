using MediatR;
using Microsoft.Extensions.Options;
using Suno.Application.Common.Interfaces;
using Suno.Application.Gcui.Common;
using Suno.Application.Tasks.Commands.SubmitLyrics;
using Suno.Application.Tasks.Engine;
using Suno.Domain.Tasks;

namespace Suno.Application.Gcui.Commands.GenerateLyrics;

public sealed class GenerateLyricsCommandHandler(
    IMediator mediator,
    ISunoDbContext db,
    ITaskChangeNotifier notifier,
    TimeProvider clock,
    IOptions<TaskEngineOptions> options) : IRequestHandler<GenerateLyricsCommand, GeneratedLyrics>
{
    public async Task<GeneratedLyrics> Handle(GenerateLyricsCommand request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var submitted = await mediator.Send(
            new SubmitLyricsCommand { Prompt = request.Prompt, AccountCookie = request.AccountCookie },
            cancellationToken).ConfigureAwait(false);
        var waiter = new TaskWaiter(db, notifier, clock, options);
        var task = await waiter.WaitAsync(submitted.TaskId, t => t.Status.IsTerminal(), request.MaxWait, cancellationToken).ConfigureAwait(false);
        var lyrics = task?.Lyrics;
        var status = lyrics?.Status ?? (task?.Status == SunoTaskStatus.Failure ? "error" : "running");
        return new GeneratedLyrics(submitted.TaskId, lyrics?.Id, status, lyrics?.Title, lyrics?.Text, task?.FailReason);
    }
}
