using Suno.Application.Common.Exceptions;
using Suno.Application.Common.Interfaces;
using Suno.Application.Common.Upstream;
using Suno.Domain.Clips;
using Suno.Infrastructure.Upstream.Studio;

namespace Suno.Infrastructure.Upstream.Accounts;

/// <summary>
/// The <see cref="ISunoUpstream"/> the gateway uses: the calls of <see cref="SunoStudioClient"/> (which only speaks
/// to Suno), plus what they tell about the account, recorded by <see cref="AccountLifecycle"/>: the credits of every
/// billing read, the cost of an accepted generation, "exhausted" when a generation answers 402 (a 402 from lyrics,
/// concat or stems changes nothing: a plan may lack them), and a cooldown when Suno answers 429 with Retry-After.
/// An account on cooldown is not called at all: its calls fail at once with <see cref="RateLimitedException"/>.
/// </summary>
public sealed class AccountRecordingUpstream(
    SunoStudioClient studio,
    AccountRegistry registry,
    AccountLifecycle lifecycle) : ISunoUpstream
{
    public Task<CaptchaCheck> CheckCaptchaRequiredAsync(UpstreamAccount account, CancellationToken cancellationToken) =>
        RecordingAsync(account, () => studio.CheckCaptchaRequiredAsync(account, cancellationToken));

    public async Task<GenerateResult> GenerateAsync(UpstreamAccount account, GenerateRequest request, CancellationToken cancellationToken)
    {
        GenerateResult result;
        try
        {
            result = await RecordingAsync(account, () => studio.GenerateAsync(account, request, cancellationToken)).ConfigureAwait(false);
        }
        catch (OutOfCreditsException ex)
        {
            await lifecycle.RecordGenerationRefusedAsync(registry.Require(account), ex.Message, CancellationToken.None).ConfigureAwait(false);
            throw;
        }

        await lifecycle.RecordGenerationAsync(registry.Require(account)).ConfigureAwait(false);
        return result;
    }

    public Task<IReadOnlyList<ClipSnapshot>> GetFeedAsync(UpstreamAccount account, IReadOnlyCollection<string> clipIds, CancellationToken cancellationToken) =>
        RecordingAsync(account, () => studio.GetFeedAsync(account, clipIds, cancellationToken));

    public Task<FeedPage> GetFeedPageAsync(UpstreamAccount account, int page, CancellationToken cancellationToken) =>
        RecordingAsync(account, () => studio.GetFeedPageAsync(account, page, cancellationToken));

    public Task<ClipSnapshot> GetClipAsync(UpstreamAccount account, string clipId, CancellationToken cancellationToken) =>
        RecordingAsync(account, () => studio.GetClipAsync(account, clipId, cancellationToken));

    public Task<string> GenerateLyricsAsync(UpstreamAccount account, string prompt, CancellationToken cancellationToken) =>
        RecordingAsync(account, () => studio.GenerateLyricsAsync(account, prompt, cancellationToken));

    public Task<LyricsJob> GetLyricsAsync(UpstreamAccount account, string lyricsId, CancellationToken cancellationToken) =>
        RecordingAsync(account, () => studio.GetLyricsAsync(account, lyricsId, cancellationToken));

    public Task<ClipSnapshot> ConcatAsync(UpstreamAccount account, string clipId, CancellationToken cancellationToken) =>
        RecordingAsync(account, () => studio.ConcatAsync(account, clipId, cancellationToken));

    public Task<IReadOnlyList<ClipSnapshot>> StemsAsync(UpstreamAccount account, string clipId, CancellationToken cancellationToken) =>
        RecordingAsync(account, () => studio.StemsAsync(account, clipId, cancellationToken));

    public Task<UpstreamJson> GetAlignedLyricsAsync(UpstreamAccount account, string clipId, CancellationToken cancellationToken) =>
        RecordingAsync(account, () => studio.GetAlignedLyricsAsync(account, clipId, cancellationToken));

    public Task<BillingInfo> GetBillingInfoAsync(UpstreamAccount account, CancellationToken cancellationToken) =>
        lifecycle.ReadBillingAsync(registry.Require(account), cancellationToken);

    public Task<UpstreamJson> GetPersonaPageAsync(UpstreamAccount account, string personaId, int page, CancellationToken cancellationToken) =>
        RecordingAsync(account, () => studio.GetPersonaPageAsync(account, personaId, page, cancellationToken));

    private Task<T> RecordingAsync<T>(UpstreamAccount account, Func<Task<T>> call) => lifecycle.CallAsync(registry.Require(account), call);
}
