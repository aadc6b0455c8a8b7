using MediatR;
using Suno.Application.Common.Interfaces;
using Suno.Application.Tasks.Engine;
using Suno.Domain.Tasks;

namespace Suno.Application.Tasks.Commands.SubmitLyrics;

public sealed class SubmitLyricsCommandHandler(TaskSubmitter submitter, ISunoUpstream upstream)
    : IRequestHandler<SubmitLyricsCommand, SubmittedTask>
{
    public Task<SubmittedTask> Handle(SubmitLyricsCommand request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var prompt = request.Prompt!.Trim();
        return submitter.SubmitAsync(
            TaskAction.Lyrics,
            TaskSubmitter.SerializeParameters(new { prompt }),
            new SubmissionAccount(RequestCookie: request.AccountCookie),
            request.CallbackUrl,
            request.IdempotencyKey,
            async (account, ct) =>
            {
                var lyricsId = await upstream.GenerateLyricsAsync(account, prompt, ct).ConfigureAwait(false);
                return (task, now) => task.MarkSubmitted([lyricsId], now);
            },
            cancellationToken);
    }
}
