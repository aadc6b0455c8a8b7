using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Suno.Domain.Tasks;
using Suno.FakeUpstream;
using Suno.Infrastructure.IntegrationTests.Support;
using Suno.Infrastructure.Persistence;
using Suno.Testing;
using Suno.WebApi.FunctionalTests.Support;

namespace Suno.WebApi.FunctionalTests.Tasks;

/// <summary>
/// The gateway process is killed (SIGKILL) with tasks in flight, some of them in the middle of their submission,
/// and started again on the same database: every task reaches a terminal state and Suno saw no duplicate generation.
/// </summary>
public sealed class CrashRecoveryTests
{
    [Test]
    public async Task Killed_mid_flight_then_restarted_every_task_ends_and_nothing_is_generated_twice()
    {
        await using var upstream = await ProcessTestUpstream.StartAsync(TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(6));
        var (fake, account) = (upstream.Fake, upstream.Account);
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        var settings = upstream.GatewaySettings(database, TimeSpan.FromSeconds(3));
        settings["Tasks__SubmissionGraceSeconds"] = "2";

        var first = await GatewayProcess.StartAsync(settings);
        var accepted = new List<string>();
        await using (first)
        {
            for (var i = 0; i < 6; i++)
            {
                using var response = await first.Http.PostAsJsonAsync("/suno/submit/music", new { gpt_description_prompt = $"song {i} before the crash" });
                var body = await response.Content.ReadFromJsonAsync<JsonElement>();
                Assert.That(response.IsSuccessStatusCode, Is.True, body.ToString());
                accepted.Add(body.GetProperty("data").GetString()!);
            }

            // Two more submissions reach Suno, which makes their clips at once but answers late: the gateway dies
            // before it hears back, so it cannot know whether they took effect.
            fake.State.Faults.AnswerSlowlyNext(2, TimeSpan.FromSeconds(20), FakeSunoEndpoints.Generate);
            var lost = Enumerable.Range(0, 2)
                .Select(i => first.Http.PostAsJsonAsync("/suno/submit/music", new { gpt_description_prompt = $"song {i} during the crash" }))
                .ToList();
            await Eventually.AssertAsync(
                () => Task.FromResult(fake.State.Counters.Get(FakeSunoEndpoints.Generate) == 8),
                "Suno received all eight submissions");
            await first.KillAsync();
            foreach (var request in lost)
            {
                Assert.That(async () => await request, Throws.InstanceOf<HttpRequestException>(), "the client of a killed gateway gets no answer");
            }
        }

        await using var second = await GatewayProcess.StartAsync(settings);
        await Eventually.AssertAsync(
            async () =>
            {
                await using var db = database.CreateContext();
                var tasks = await db.Tasks.AsNoTracking().ToListAsync();
                return tasks.Count == 8 && tasks.All(t => t.Status.IsTerminal());
            },
            "all eight tasks are finished after the restart",
            TimeSpan.FromSeconds(60));

        await using var check = database.CreateContext();
        var all = await check.Tasks.AsNoTracking().Include(t => t.Clips).ToListAsync();
        var clipIds = all.SelectMany(t => t.Clips.Select(c => c.Id)).ToList();
        Assert.Multiple(() =>
        {
            Assert.That(all.Where(t => accepted.Contains(t.Id)).Select(t => t.Status), Is.All.EqualTo(SunoTaskStatus.Success), "tasks in flight resume polling after the restart");
            Assert.That(all.Select(t => t.Status), Is.All.EqualTo(SunoTaskStatus.Success), string.Join("\n", all.Select(t => $"{t.Id} {t.Status} {t.FailReason}")));
            Assert.That(fake.State.Counters.Get(FakeSunoEndpoints.Generate), Is.EqualTo(8), "no submission was sent twice");
            Assert.That(clipIds, Is.Unique, "no clip belongs to two tasks");
            Assert.That(clipIds, Is.EquivalentTo(fake.State.ClipIdsOf(account)), "every clip Suno made belongs to exactly one task");
        });
        Assert.That(second.Output, Does.Contain("adopted 2 clips").Or.Contain("adopted"), "the two lost answers were settled from Suno's feed");
    }
}
