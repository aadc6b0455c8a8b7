using System.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Suno.Application.Tasks.Engine;
using Suno.FakeUpstream;
using Suno.WebApi.FunctionalTests.Support;
using Suno.WebApi.FunctionalTests.Tasks;

namespace Suno.WebApi.FunctionalTests.OpenAi;

/// <summary>A waiting chat never asks Suno itself: it waits on the task engine's polling.</summary>
public sealed class ChatPollingTests
{
    private static readonly Dictionary<string, string?> NoBackgroundPolling = new() { ["Tasks:Polling"] = "false" };

    [Test]
    public async Task WaitingChats_CallSunosFeedNever_WhenNothingPolls()
    {
        await using var chat = await ChatGateway.StartAsync(timeoutSeconds: 3, settings: NoBackgroundPolling);

        var streams = await Task.WhenAll(Enumerable.Range(0, 4).Select(i => chat.StreamAsync(ChatGateway.Body($"song {i}", stream: true))));

        Assert.Multiple(() =>
        {
            Assert.That(streams.Select(s => s.Text), Has.All.Contain("not ready after 3 s"), "nothing polled, so nothing finished");
            Assert.That(chat.Generations, Is.EqualTo(4));
            Assert.That(chat.Fake.State.Counters.Get(FakeSunoEndpoints.FeedV2) + chat.Fake.State.Counters.Get(FakeSunoEndpoints.FeedLegacy)
                        + chat.Fake.State.Counters.Get(FakeSunoEndpoints.Clip), Is.Zero, "the chats read the database only");
        });
    }

    [Test]
    public async Task WaitingChat_WakesWhenThePollerSawItsSong()
    {
        await using var chat = await ChatGateway.StartAsync(timeoutSeconds: 60, settings: NoBackgroundPolling);
        var answer = chat.PostAsync(ChatGateway.Body("A song the poller finds"));
        await Eventually.AssertAsync(() => Task.FromResult(chat.Generations == 1), "the song was submitted");
        var ticks = 0;
        var watch = Stopwatch.StartNew();

        // The fake's clips complete within a second; each poll here is one feed call for the one account.
        while (!answer.IsCompleted && watch.Elapsed < TimeSpan.FromSeconds(30))
        {
            await using (var scope = chat.Gateway.Factory.Services.CreateAsyncScope())
            {
                await scope.ServiceProvider.GetRequiredService<TaskPoller>().PollOnceAsync(CancellationToken.None);
            }

            ticks++;
            await Task.WhenAny(answer, Task.Delay(TimeSpan.FromMilliseconds(300)));
        }

        var (response, json) = await answer;
        Assert.Multiple(() =>
        {
            Assert.That((int)response.StatusCode, Is.EqualTo(200), json.ToString());
            Assert.That(json.GetProperty("choices")[0].GetProperty("message").GetProperty("content").GetString(), Does.Contain("SUCCESS"));
            Assert.That(chat.Fake.State.Counters.Get(FakeSunoEndpoints.FeedV2), Is.LessThanOrEqualTo(ticks), "only the poller asked Suno");
        });
    }
}
