using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;
using Suno.Application.Callbacks;
using Suno.Domain.Callbacks;

namespace Suno.Infrastructure.Callbacks;

/// <summary>The outcome of one attempt: delivered (2xx), failed (retry), or refused (give up at once).</summary>
public sealed record CallbackAttempt(bool Delivered, bool Refused, string? Error);

/// <summary>
/// One POST of a stage's JSON body: X-Callback-Id (the same on every attempt of the stage), the signature headers
/// when Callbacks:SigningKey is set, 15 s, no redirects followed, at most 64 KiB of the answer read.
/// </summary>
public sealed class CallbackSender(HttpClient http, IOptions<CallbackOptions> options, TimeProvider clock)
{
    public const int MaxResponseBytes = 64 * 1024;

    public async Task<CallbackAttempt> SendAsync(CallbackDelivery delivery, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(delivery);
        var problem = TargetAddressGuard.ProblemOf(delivery.Url, options.Value.AllowLoopbackTargets);
        if (problem is not null)
        {
            return new CallbackAttempt(false, true, $"the callback URL {problem}");
        }

        using var request = new HttpRequestMessage(HttpMethod.Post, delivery.Url)
        {
            Content = new StringContent(delivery.Payload, Encoding.UTF8, "application/json"),
        };
        request.Headers.Add("X-Callback-Id", delivery.Id);
        request.Headers.UserAgent.Add(new ProductInfoHeaderValue("Suno.Api-callbacks", "1"));
        if (options.Value.SigningKey is { } key)
        {
            var timestamp = clock.GetUtcNow().ToUnixTimeSeconds().ToString(System.Globalization.CultureInfo.InvariantCulture);
            request.Headers.Add("X-Webhook-Timestamp", timestamp);
            request.Headers.Add("X-Webhook-Signature", Sign(delivery.TaskId, timestamp, key));
        }

        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(options.Value.Timeout);
        try
        {
            using var response = await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, timeout.Token).ConfigureAwait(false);
            await DrainAsync(response, timeout.Token).ConfigureAwait(false);
            var status = (int)response.StatusCode;
            return status is >= 200 and < 300
                ? new CallbackAttempt(true, false, null)
                : new CallbackAttempt(false, false, $"the receiver answered {status}");
        }
        catch (HttpRequestException ex) when (FindRefusal(ex) is { } refusal)
        {
            return new CallbackAttempt(false, true, refusal.Message);
        }
        catch (HttpRequestException ex)
        {
            return new CallbackAttempt(false, false, $"the receiver could not be reached ({ex.HttpRequestError})");
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return new CallbackAttempt(false, false, $"the receiver did not answer within {options.Value.Timeout.TotalSeconds:0} s");
        }
    }

    /// <summary>base64(HMAC-SHA256(taskId + "." + timestamp, key)).</summary>
    public static string Sign(string taskId, string timestamp, string key) =>
        Convert.ToBase64String(HMACSHA256.HashData(Encoding.UTF8.GetBytes(key), Encoding.UTF8.GetBytes($"{taskId}.{timestamp}")));

    private static RefusedTargetException? FindRefusal(Exception ex)
    {
        for (var e = ex.InnerException; e is not null; e = e.InnerException)
        {
            if (e is RefusedTargetException refused)
            {
                return refused;
            }
        }

        return null;
    }

    private static async Task DrainAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        var stream = await response.Content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
        await using (stream.ConfigureAwait(false))
        {
            var buffer = new byte[8192];
            var total = 0;
            int read;
            while (total < MaxResponseBytes && (read = await stream.ReadAsync(buffer, cancellationToken).ConfigureAwait(false)) > 0)
            {
                total += read;
            }
        }
    }
}
