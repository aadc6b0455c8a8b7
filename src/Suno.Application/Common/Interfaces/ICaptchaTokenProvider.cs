namespace Suno.Application.Common.Interfaces;

/// <summary>
/// Obtains a captcha token for a generation when Suno's /api/c/check says one is required. The configured
/// implementation POSTs to Suno:CaptchaSolverUrl; without one it throws CaptchaRequiredException saying what to set.
/// </summary>
public interface ICaptchaTokenProvider
{
    /// <param name="accountId">The account that needs the token.</param>
    /// <param name="captchaVersion">captcha_version from /api/c/check (1 hCaptcha, 2 Turnstile), when given.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    Task<string> GetTokenAsync(string accountId, int? captchaVersion, CancellationToken cancellationToken);
}
