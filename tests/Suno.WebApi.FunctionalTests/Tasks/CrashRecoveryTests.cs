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
    /// <summary>
    /// Tasks in flight when the gateway is killed: SUNO_CRASH_TEST_TASKS, default 1,000 (about 40 s here); a smaller
    /// figure for a quick local run (<c>SUNO_CRASH_TEST_TASKS=100 dotnet test --filter CrashRecoveryTests</c>).
    /// </summary>
    private static int InFlight =>
        int.TryParse(Environment.GetEnvironmentVariable("SUNO_CRASH_TEST_TASKS"), out var count) && count > 0 ? count : 1_000;

    [Test]
    public async Task Killed_mid_flight_then_restarted_every_task_ends_and_nothing_is_generated_twice()
    {
        var inFlight = InFlight;
        var total = inFlight + 2;
        await using var upstream = await ProcessTestUpstream.StartAsync(TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(6), generations: total + 10);
        var (fake, account) = (upstream.Fake, upstream.Account);
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        var settings = upstream.GatewaySettings(database, TimeSpan.FromSeconds(3));
        settings["Tasks__SubmissionGraceSeconds"] = "2";

        var first = await GatewayProcess.StartAsync(settings);
        var accepted = new List<string>();
        await using (first)
        {
            using var gate = new SemaphoreSlim(16);
            var submissions = Enumerable.Range(0, inFlight).Select(async i =>
            {
                await gate.WaitAsync();
                try
                {
                    using var response = await first.Http.PostAsJsonAsync("/suno/submit/music", new { gpt_description_prompt = $"song {i} before the crash" });
                    var body = await response.Content.ReadFromJsonAsync<JsonElement>();
                    Assert.That(response.IsSuccessStatusCode, Is.True, body.ToString());
                    return body.GetProperty("data").GetString()!;
                }
                finally
                {
                    gate.Release();
                }
            });
            accepted.AddRange(await Task.WhenAll(submissions));

            // Two more submissions reach Suno, which makes their clips at once but answers late: the gateway dies
            // before it hears back, so it cannot know whether they took effect.
            fake.State.Faults.AnswerSlowlyNext(2, TimeSpan.FromSeconds(20), FakeSunoEndpoints.Generate);
            var lost = Enumerable.Range(0, 2)
                .Select(i => first.Http.PostAsJsonAsync("/suno/submit/music", new { gpt_description_prompt = $"song {i} during the crash" }))
                .ToList();
            try
            {
                await Eventually.AssertAsync(
                    () => Task.FromResult(fake.State.Counters.Get(FakeSunoEndpoints.Generate) == total),
                    "Suno received every submission",
                    TimeSpan.FromSeconds(15 + (inFlight / 20)));
            }
            catch (AssertionException)
            {
                TestContext.Out.WriteLine($"generate calls {fake.State.Counters.Get(FakeSunoEndpoints.Generate)} of {total}; gateway log:\n{first.OutputTail}");
                throw;
            }
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
                return tasks.Count == total && tasks.All(t => t.Status.IsTerminal());
            },
            "every task is finished after the restart",
            TimeSpan.FromSeconds(60 + (inFlight / 5)));

        await using var check = database.CreateContext();
        var all = await check.Tasks.AsNoTracking().Include(t => t.Clips).ToListAsync();
        var clipIds = all.SelectMany(t => t.Clips.Select(c => c.Id)).ToList();
        Assert.Multiple(() =>
        {
            Assert.That(all.Where(t => accepted.Contains(t.Id)).Select(t => t.Status), Is.All.EqualTo(SunoTaskStatus.Success), "tasks in flight resume polling after the restart");
            Assert.That(all.Select(t => t.Status), Is.All.EqualTo(SunoTaskStatus.Success), string.Join("\n", all.Select(t => $"{t.Id} {t.Status} {t.FailReason}")));
            Assert.That(fake.State.Counters.Get(FakeSunoEndpoints.Generate), Is.EqualTo(total), "no submission was sent twice");
            Assert.That(clipIds, Is.Unique, "no clip belongs to two tasks");
            Assert.That(clipIds, Is.EquivalentTo(fake.State.ClipIdsOf(account)), "every clip Suno made belongs to exactly one task");
        });
        Assert.That(second.Output, Does.Contain("adopted 2 clips").Or.Contain("adopted"), "the two lost answers were settled from Suno's feed");
        TestContext.Out.WriteLine($"{inFlight} tasks in flight + 2 lost answers: {all.Count} tasks, all SUCCESS, {clipIds.Count} clips, generate calls {total}");
    }

    [Test]
    public async Task Killed_while_writing_what_generate_answered_the_restart_adopts_the_clips_once()
    {
        await using var upstream = await ProcessTestUpstream.StartAsync(TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(3));
        var (fake, account) = (upstream.Fake, upstream.Account);
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        var settings = upstream.GatewaySettings(database, TimeSpan.FromSeconds(3));
        settings["Tasks__SubmissionGraceSeconds"] = "2";
        settings["Logging__LogLevel__Suno.Infrastructure.Upstream.UpstreamCallLog"] = "Debug";

        var first = await GatewayProcess.StartAsync(settings);
        await using (first)
        {
            fake.State.Faults.AnswerSlowlyNext(1, TimeSpan.FromSeconds(2), FakeSunoEndpoints.Generate);
            var submission = first.Http.PostAsJsonAsync("/suno/submit/music", new { gpt_description_prompt = "a song whose answer is never written" });
            await Eventually.AssertAsync(() => Task.FromResult(fake.State.Counters.Get(FakeSunoEndpoints.Generate) == 1), "Suno received the submission");

            // Hold the database's write lock while Suno answers: the gateway has the answer and is blocked writing it.
            await using var blocker = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={database.SqlitePath};Pooling=False");
            await blocker.OpenAsync();
            await using (var begin = blocker.CreateCommand())
            {
                begin.CommandText = "BEGIN EXCLUSIVE";
                await begin.ExecuteNonQueryAsync();
            }

            await Eventually.AssertAsync(
                () => Task.FromResult(first.Output.Split('\n').Any(line => line.Contains("/api/generate/v2", StringComparison.Ordinal) && line.Contains("answered 200", StringComparison.Ordinal))),
                "the gateway received Suno's answer",
                TimeSpan.FromSeconds(20));
            await first.KillAsync();
            Assert.That(async () => await submission, Throws.InstanceOf<HttpRequestException>(), "the client of a killed gateway gets no answer");
            await using var rollback = blocker.CreateCommand();
            rollback.CommandText = "ROLLBACK";
            await rollback.ExecuteNonQueryAsync();
        }

        await using var second = await GatewayProcess.StartAsync(settings);
        await Eventually.AssertAsync(
            async () =>
            {
                await using var db = database.CreateContext();
                var tasks = await db.Tasks.AsNoTracking().ToListAsync();
                return tasks.Count == 1 && tasks[0].Status.IsTerminal();
            },
            "the task is finished after the restart",
            TimeSpan.FromSeconds(60));

        await using var check = database.CreateContext();
        var task = await check.Tasks.AsNoTracking().Include(t => t.Clips).SingleAsync();
        Assert.Multiple(() =>
        {
            Assert.That(task.Status, Is.EqualTo(SunoTaskStatus.Success), task.FailReason);
            Assert.That(task.Clips.Select(c => c.Id), Is.EquivalentTo(fake.State.ClipIdsOf(account)), "the clips Suno made were adopted");
            Assert.That(fake.State.Counters.Get(FakeSunoEndpoints.Generate), Is.EqualTo(1), "nothing was generated twice");
        });
    }
}
