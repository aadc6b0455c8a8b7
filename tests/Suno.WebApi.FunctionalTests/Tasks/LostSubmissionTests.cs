using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Suno.Application.Tasks.Engine;
using Suno.Domain.Tasks;
using Suno.FakeUpstream;
using Suno.WebApi.FunctionalTests.Support;

namespace Suno.WebApi.FunctionalTests.Tasks;

/// <summary>Submissions whose answer was lost are settled from Suno's feed: adopted when Suno made the song.</summary>
public sealed class LostSubmissionTests
{
    [Test]
    public async Task Two_lost_submissions_of_the_same_song_adopt_different_clips_from_one_feed_read()
    {
        var slow = new FakeSunoOptions { QueuedAfter = TimeSpan.FromSeconds(30), StreamingAfter = TimeSpan.FromSeconds(60), CompleteAfter = TimeSpan.FromSeconds(120) };
        await using var api = await TaskApiGateway.StartAsync(
            fakeOptions: slow,
            settings: new Dictionary<string, string?> { ["Tasks:Polling"] = "false", ["Tasks:SubmissionGraceSeconds"] = "1" });

        // Suno makes both songs but the connection drops before the gateway reads the answers.
        api.Fake.State.Faults.DropAfterProcessingNext(2, FakeSunoEndpoints.Generate);
        for (var i = 0; i < 2; i++)
        {
            var (response, body) = await api.SubmitAsync("music", new { gpt_description_prompt = "the very same song" });
            using (response)
            {
                Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.ServiceUnavailable), body.ToString());
            }
        }

        var pagesBefore = api.Fake.State.Requests.Of(FakeSunoEndpoints.FeedV2).Count(r => r.Query!.Contains("page=", StringComparison.Ordinal));
        await Eventually.AssertAsync(
            async () =>
            {
                await using var waiting = api.Gateway.Database.CreateContext();
                var leases = await waiting.Tasks.AsNoTracking().Select(t => t.LeaseUntil).ToListAsync();
                return leases.Count == 2 && leases.All(until => until < DateTime.UtcNow);
            },
            "both submission graces have passed",
            TimeSpan.FromSeconds(20));
        await using (var scope = api.Gateway.Factory.Services.CreateAsyncScope())
        {
            var report = await scope.ServiceProvider.GetRequiredService<TaskPoller>().PollOnceAsync(CancellationToken.None);
            Assert.That(report.Settled, Is.EqualTo(2), "one tick settles both lost submissions");
        }

        await using var db = api.Gateway.Database.CreateContext();
        var tasks = await db.Tasks.AsNoTracking().Include(t => t.Clips).ToListAsync();
        var clipIds = tasks.SelectMany(t => t.Clips.Select(c => c.Id)).ToList();
        Assert.Multiple(() =>
        {
            Assert.That(tasks.Select(t => t.Status), Is.All.EqualTo(SunoTaskStatus.Submitted), string.Join("\n", tasks.Select(t => $"{t.Status} {t.FailReason}")));
            Assert.That(tasks.Select(t => t.Clips.Count), Is.All.EqualTo(2));
            Assert.That(clipIds, Is.Unique, "each lost submission adopts its own pair of clips");
            Assert.That(clipIds, Is.EquivalentTo(api.Fake.State.ClipIdsOf(api.Account)));
            Assert.That(
                api.Fake.State.Requests.Of(FakeSunoEndpoints.FeedV2).Count(r => r.Query!.Contains("page=", StringComparison.Ordinal)) - pagesBefore,
                Is.EqualTo(1),
                "the account's feed page is read once for both");
        });
    }
}
