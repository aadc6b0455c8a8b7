using Suno.Application.Common.Exceptions;
using Suno.Application.Common.Interfaces;
using Suno.Application.Common.Upstream;
using Suno.Domain.Clips;
using Suno.Infrastructure.Upstream.Studio;

namespace Suno.Infrastructure.Upstream.Accounts;

/// <summary>
/// The <see cref="ISunoUpstream"/> the gateway uses: the calls of <see cref="SunoStudioClient"/> (which only speaks
/// to Suno), plus what they tell about the account, recorded on it and stored: the credits of every billing read
/// (the submitter asks for one after a generation), and "out of credits" when Suno answers 402.
/// </summary>
public sealed class AccountRecordingUpstream(
    SunoStudioClient studio,
    AccountRegistry registry,
    AccountStore store,
    TimeProvider time) : ISunoUpstream
{
    public Task<CaptchaCheck> CheckCaptchaRequiredAsync(UpstreamAccount account, CancellationToken cancellationToken) =>
        RecordingAsync(account, () => studio.CheckCaptchaRequiredAsync(account, cancellationToken));

    /// <summary>
    /// Answers as soon as Suno did: the submitter saves Suno's ids before anything else can fail, and reads the
    /// credits afterwards.
    /// </summary>
    public Task<GenerateResult> GenerateAsync(UpstreamAccount account, GenerateRequest request, CancellationToken cancellationToken) =>
        RecordingAsync(account, () => studio.GenerateAsync(account, request, cancellationToken));

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

    public async Task<BillingInfo> GetBillingInfoAsync(UpstreamAccount account, CancellationToken cancellationToken)
    {
        var info = await RecordingAsync(account, () => studio.GetBillingInfoAsync(account, cancellationToken)).ConfigureAwait(false);
        var session = registry.Require(account);
        session.Mutate(a => a.UpdateCredits(info.CreditsLeft, info.MonthlyLimit, info.MonthlyUsage, info.Period, time.GetUtcNow().UtcDateTime));
        await store.SaveAsync(session, CancellationToken.None).ConfigureAwait(false);
        return info;
    }

    public Task<UpstreamJson> GetPersonaPageAsync(UpstreamAccount account, string personaId, int page, CancellationToken cancellationToken) =>
        RecordingAsync(account, () => studio.GetPersonaPageAsync(account, personaId, page, cancellationToken));

    /// <summary>Runs one call; when Suno says the account is out of credits (402), marks and stores it so, then rethrows.</summary>
    private async Task<T> RecordingAsync<T>(UpstreamAccount account, Func<Task<T>> call)
    {
        try
        {
            return await call().ConfigureAwait(false);
        }
        catch (OutOfCreditsException ex)
        {
            var session = registry.Require(account);
            session.Mutate(a => a.MarkExhausted(ex.Message, time.GetUtcNow().UtcDateTime));
            await store.SaveAsync(session, CancellationToken.None).ConfigureAwait(false);
            throw;
        }
    }
}
