using System.Net.Http;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Suno.Application.Common.Exceptions;
using Suno.Application.Common.Interfaces;
using Suno.Infrastructure.Configuration;

namespace Suno.Infrastructure.Upstream.Captcha;

/// <summary>
/// Asks an external solver for a captcha token: POST {Suno:CaptchaSolverUrl} with
/// <c>{"ctype":"generation","captcha_version":N,"account_id":"…","site_url":"https://suno.com/create"}</c>, answer
/// <c>{"token":"…"}</c>. Without a configured URL it fails with a message saying what to configure.
/// </summary>
public sealed partial class HttpCaptchaTokenProvider(
    HttpClient http,
    IOptions<SunoOptions> connection,
    IOptions<UpstreamOptions> options,
    ILogger<HttpCaptchaTokenProvider> logger) : ICaptchaTokenProvider
{
    public const string NotConfiguredMessage =
        "Suno requires a captcha before this generation and no captcha solver is configured. Set Suno:CaptchaSolverUrl "
        + "(CAPTCHA_SOLVER_URL) to a service that answers POST with {\"token\": \"...\"}, or open suno.com/create in a browser "
        + "with this account and generate once to clear the check.";

    public async Task<string> GetTokenAsync(string accountId, int? captchaVersion, CancellationToken cancellationToken)
    {
        var url = connection.Value.CaptchaSolverUrl;
        if (url is null)
        {
            throw new CaptchaRequiredException(NotConfiguredMessage);
        }

        var body = new JsonObject
        {
            ["ctype"] = "generation",
            ["captcha_version"] = captchaVersion,
            ["account_id"] = accountId,
            ["site_url"] = "https://suno.com/create",
        };
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(options.Value.CaptchaSolverTimeout);
        try
        {
            using var content = new StringContent(body.ToJsonString(), Encoding.UTF8, "application/json");
            using var response = await http.PostAsync(url, content, timeout.Token).ConfigureAwait(false);
            var text = await response.Content.ReadAsStringAsync(timeout.Token).ConfigureAwait(false);
            if (!response.IsSuccessStatusCode)
            {
                LogSolverFailed(accountId, ((int)response.StatusCode).ToString(System.Globalization.CultureInfo.InvariantCulture));
                throw new CaptchaRequiredException($"Suno requires a captcha and the captcha solver answered {(int)response.StatusCode}.");
            }

            using var document = JsonDocument.Parse(text);
            if (document.RootElement.ValueKind == JsonValueKind.Object
                && document.RootElement.TryGetProperty("token", out var token)
                && token.ValueKind == JsonValueKind.String
                && !string.IsNullOrWhiteSpace(token.GetString()))
            {
                return token.GetString()!;
            }

            throw new CaptchaRequiredException("Suno requires a captcha and the captcha solver's answer had no \"token\".");
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            LogSolverFailed(accountId, "timeout");
            throw new CaptchaRequiredException("Suno requires a captcha and the captcha solver did not answer in time.");
        }
        catch (HttpRequestException ex)
        {
            LogSolverFailed(accountId, ex.HttpRequestError.ToString());
            throw new CaptchaRequiredException("Suno requires a captcha and the captcha solver could not be reached.");
        }
        catch (JsonException)
        {
            LogSolverFailed(accountId, "not json");
            throw new CaptchaRequiredException("Suno requires a captcha and the captcha solver's answer was not JSON.");
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "The captcha solver failed for account {AccountId} ({Reason})")]
    private partial void LogSolverFailed(string accountId, string reason);
}
