using System.Net.Http.Json;
using System.Text.Json;
using Suno.Infrastructure.IntegrationTests.Support;
using Suno.Infrastructure.Persistence;
using Suno.Testing;
using Suno.WebApi.FunctionalTests.Support;
using Suno.WebApi.FunctionalTests.Tasks;

namespace Suno.WebApi.FunctionalTests.Hosted;

/// <summary>
/// The gateway process is killed (SIGKILL) while its callbacks are still undelivered (the receiver is down), and
/// started again on the same database: every stage then reaches the receiver, and each is answered 200 exactly once.
/// </summary>
public sealed class CallbackCrashTests
{
    [TestCase(DatabaseProvider.Sqlite)]
    [TestCase(DatabaseProvider.Postgres)]
    public async Task Killed_with_undelivered_callbacks_then_restarted_every_stage_arrives_once(DatabaseProvider provider)
    {
        await using var receiver = await CallbackReceiver.StartAsync();
        receiver.FailFirst("/crash", int.MaxValue);
        await using var upstream = await ProcessTestUpstream.StartAsync(TimeSpan.FromMilliseconds(300), TimeSpan.FromSeconds(1));
        await using var database = await TestDatabase.CreateAsync(provider);
        var settings = upstream.GatewaySettings(database, TimeSpan.FromSeconds(3));
        settings["Network__AllowLoopbackTargets"] = "true";
        settings["Callbacks__RetryDelaysSeconds"] = "1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1";

        string taskId;
        var first = await GatewayProcess.StartAsync(settings);
        await using (first)
        {
            using var response = await first.Http.PostAsJsonAsync("/api/v1/generate", new
            {
                prompt = "a song that outlives its gateway", customMode = false, instrumental = false, model = "V4", callBackUrl = receiver.Url("/crash"),
            });
            var body = await response.Content.ReadFromJsonAsync<JsonElement>();
            Assert.That(body.GetProperty("code").GetInt32(), Is.EqualTo(200), body.ToString());
            taskId = body.GetProperty("data").GetProperty("taskId").GetString()!;
            await Eventually.AssertAsync(
                () => Task.FromResult(receiver.On("/crash").Count >= 2),
                "the gateway tried to deliver while the receiver was down",
                TimeSpan.FromSeconds(30));
            await first.KillAsync();
        }

        Assert.That(receiver.On("/crash").Where(r => r.Answer == 200), Is.Empty);
        receiver.FailFirst("/crash", 0);
        await using var second = await GatewayProcess.StartAsync(settings);
        await Eventually.AssertAsync(
            () => Task.FromResult(receiver.On("/crash").Any(r => r.Answer == 200 && Stage(r) == "complete")),
            "the complete stage is delivered after the restart",
            TimeSpan.FromSeconds(60));
        await Task.Delay(TimeSpan.FromSeconds(3));  // longer than a retry delay: nothing may come again

        var accepted = receiver.On("/crash").Where(r => r.Answer == 200).ToList();
        Assert.That(accepted.Select(Stage), Is.EqualTo(new[] { "text", "first", "complete" }), "each stage answered 200 once, in order");
        Assert.That(accepted.Select(r => r.Body.GetProperty("data").GetProperty("task_id").GetString()), Is.All.EqualTo(taskId));
        foreach (var stage in accepted)
        {
            var attempts = receiver.On("/crash").Where(r => r.CallbackId == stage.CallbackId).ToList();
            Assert.That(attempts.Select(Stage), Is.All.EqualTo(Stage(stage)), "one X-Callback-Id per stage across retries and the restart");
        }
    }

    private static string? Stage(ReceivedCallback callback) =>
        callback.Body.GetProperty("data").TryGetProperty("callbackType", out var type) ? type.GetString() : null;
}
