using Microsoft.Extensions.DependencyInjection;
using Suno.Application.Tasks.Engine;
using Suno.FakeUpstream;

namespace Suno.WebApi.FunctionalTests.Tasks;

/// <summary>One feed call per account per tick: upstream calls grow with accounts, not with tasks.</summary>
public sealed class PollingEconomyTests
{
    [Test]
    public async Task Feed_calls_per_tick_grow_with_accounts_not_with_tasks()
    {
        var slow = new FakeSunoOptions
        {
            QueuedAfter = TimeSpan.FromSeconds(30),
            StreamingAfter = TimeSpan.FromSeconds(60),
            CompleteAfter = TimeSpan.FromSeconds(120),
        };
        await using var api = await TaskApiGateway.StartAsync(fakeOptions: slow, settings: new Dictionary<string, string?> { ["Tasks:Polling"] = "false" });
        var second = api.Fake.State.AddAccount(new FakeAccountSpec { Credits = 1_000 });
        var third = api.Fake.State.AddAccount(new FakeAccountSpec { Credits = 1_000 });

        for (var i = 0; i < 3; i++)
        {
            await api.SubmitOkAsync("music", new { gpt_description_prompt = $"first batch {i}" });
        }

        Assert.That(await FeedCallsOfOneTickAsync(api), Is.EqualTo(1), "3 tasks of one account: one feed call");

        for (var i = 0; i < 6; i++)
        {
            await api.SubmitOkAsync("music", new { gpt_description_prompt = $"second batch {i}" });
        }

        Assert.That(await FeedCallsOfOneTickAsync(api), Is.EqualTo(1), "9 tasks (18 clips) of one account: still one feed call");

        foreach (var other in new[] { second, third })
        {
            for (var i = 0; i < 2; i++)
            {
                await api.SubmitOkAsync("music", new { gpt_description_prompt = $"other account {i}" }, cookie: other.Cookie);
            }
        }

        var before = new[] { api.Account, second, third }.Select(a => api.Fake.State.Counters.Get(FakeSunoEndpoints.FeedV2, a)).ToArray();
        Assert.That(await FeedCallsOfOneTickAsync(api), Is.EqualTo(3), "13 tasks over three accounts: one feed call per account");
        var after = new[] { api.Account, second, third }.Select(a => api.Fake.State.Counters.Get(FakeSunoEndpoints.FeedV2, a)).ToArray();
        Assert.That(after.Zip(before, (a, b) => a - b), Is.All.EqualTo(1), "each account's own feed is read once");
    }

    private static async Task<int> FeedCallsOfOneTickAsync(TaskApiGateway api)
    {
        var before = api.Fake.State.Counters.Get(FakeSunoEndpoints.FeedV2);
        await using var scope = api.Gateway.Factory.Services.CreateAsyncScope();
        var report = await scope.ServiceProvider.GetRequiredService<TaskPoller>().PollOnceAsync(CancellationToken.None);
        var calls = api.Fake.State.Counters.Get(FakeSunoEndpoints.FeedV2) - before;
        Assert.That(report.FeedCalls, Is.EqualTo(calls), "the poller's own count agrees with what Suno saw: " + string.Join("\n", api.Gateway.Logs.Lines.Where(l => l.Contains("feed", StringComparison.OrdinalIgnoreCase) || l.Contains("token", StringComparison.OrdinalIgnoreCase))));
        return calls;
    }
}
