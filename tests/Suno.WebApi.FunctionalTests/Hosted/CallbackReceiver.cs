using System.Collections.Concurrent;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace Suno.WebApi.FunctionalTests.Hosted;

/// <summary>One callback as the receiver got it.</summary>
public sealed record ReceivedCallback(string Path, string? CallbackId, string? Timestamp, string? Signature, JsonElement Body, int Answer);

/// <summary>
/// A real HTTP receiver on 127.0.0.1 (Kestrel) that records every callback. A path answers 200 unless told to fail
/// its first N requests with 500 (<see cref="FailFirst"/>) or always.
/// </summary>
public sealed class CallbackReceiver : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly ConcurrentDictionary<string, int> _failuresLeft = new(StringComparer.Ordinal);
    private readonly ConcurrentQueue<ReceivedCallback> _received = new();
    private readonly ConcurrentDictionary<string, int> _hangsLeft = new(StringComparer.Ordinal);

    private CallbackReceiver(WebApplication app) => _app = app;

    public Uri BaseUrl { get; private set; } = null!;

    public IReadOnlyList<ReceivedCallback> Received => _received.ToList();

    public static async Task<CallbackReceiver> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var receiver = new CallbackReceiver(app);
        app.MapPost("/{**path}", receiver.HandleAsync);
        await app.StartAsync();
        receiver.BaseUrl = new Uri(app.Urls.Single());
        return receiver;
    }

    public string Url(string path) => new Uri(BaseUrl, path).ToString();

    /// <summary>The first <paramref name="count"/> requests to <paramref name="path"/> are answered 500 (int.MaxValue: always).</summary>
    public void FailFirst(string path, int count) => _failuresLeft[path] = count;

    /// <summary>The first <paramref name="count"/> requests to <paramref name="path"/> get no answer for <see cref="HangFor"/>.</summary>
    public void HangFirst(string path, int count) => _hangsLeft[path] = count;

    public static TimeSpan HangFor => TimeSpan.FromSeconds(5);

    public IReadOnlyList<ReceivedCallback> On(string path) => Received.Where(r => r.Path == path).ToList();

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }

    private async Task HandleAsync(HttpContext context)
    {
        var path = context.Request.Path.Value!;
        var body = await JsonSerializer.DeserializeAsync<JsonElement>(context.Request.Body);
        var fail = false;
        _failuresLeft.AddOrUpdate(path, 0, (_, left) =>
        {
            fail = left > 0;
            return left == int.MaxValue ? left : Math.Max(0, left - 1);
        });
        _received.Enqueue(new ReceivedCallback(
            path,
            context.Request.Headers["X-Callback-Id"].FirstOrDefault(),
            context.Request.Headers["X-Webhook-Timestamp"].FirstOrDefault(),
            context.Request.Headers["X-Webhook-Signature"].FirstOrDefault(),
            body,
            fail ? 500 : 200));
        var hang = false;
        _hangsLeft.AddOrUpdate(path, 0, (_, left) =>
        {
            hang = left > 0;
            return Math.Max(0, left - 1);
        });
        if (hang)
        {
            await Task.Delay(HangFor, context.RequestAborted).ContinueWith(_ => { }, TaskScheduler.Default);
        }

        context.Response.StatusCode = fail ? 500 : 200;
        await context.Response.WriteAsync(fail ? "not now" : "{\"status\":\"received\"}");
    }
}
