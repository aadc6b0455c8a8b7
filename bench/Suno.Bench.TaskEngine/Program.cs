// Task-engine benchmark: 1,000 music tasks in flight on one account against the fake Suno at zero latency.
// Prints, from one run:
//   - upstream feed calls per completed task (how economical polling is), and
//   - the median delay from the moment the fake marks a task's last clip complete to the moment
//     POST /suno/fetch first reports the task SUCCESS (how fresh the answers are), also as a ratio of the
//     poll interval.
// Usage: dotnet run -c Release --project bench/Suno.Bench.TaskEngine [-- tasks=1000 poll=3 complete=8]
using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json;
using Suno.Bench;
using Suno.FakeUpstream;

namespace Suno.Bench.TaskEngine;

internal static class TaskEngineBenchmark
{
    public static async Task<int> Main(string[] args)
    {
        var settings = BenchGateway.Arguments(args);
        int Setting(string name, int fallback) => settings.TryGetValue(name, out var v) ? int.Parse(v, CultureInfo.InvariantCulture) : fallback;
        var taskCount = Setting("tasks", 1000);
        var pollSeconds = Setting("poll", 3);
        var completeSeconds = Setting("complete", 8);

        var fakeOptions = new FakeSunoOptions
        {
            QueuedAfter = TimeSpan.FromSeconds(completeSeconds / 4.0),
            StreamingAfter = TimeSpan.FromSeconds(completeSeconds / 2.0),
            CompleteAfter = TimeSpan.FromSeconds(completeSeconds),
            JwtLifetime = TimeSpan.FromHours(1),
        };
        await using var fake = await FakeSunoServer.StartAsync(fakeOptions);
        var account = fake.State.AddAccount(new FakeAccountSpec { Credits = (taskCount + 10) * fakeOptions.CreditsPerGeneration, Plan = FakePlan.Pro });
        await using var gateway = BenchGateway.For(fake, account, pollSeconds);
        using var client = gateway.StartClient();

        Console.WriteLine($"Submitting {taskCount} music tasks (one account, fake Suno at zero latency, clips complete {completeSeconds} s after creation, poll every {pollSeconds} s)...");
        var submitWatch = Stopwatch.StartNew();
        var ids = new string[taskCount];
        await Parallel.ForAsync(0, taskCount, new ParallelOptions { MaxDegreeOfParallelism = 16 }, async (i, ct) =>
        {
            using var response = await client.PostAsJsonAsync("/suno/submit/music", new { gpt_description_prompt = $"benchmark song {i}" }, ct);
            var body = await response.Content.ReadFromJsonAsync<JsonElement>(ct);
            if (!response.IsSuccessStatusCode)
            {
                throw new InvalidOperationException($"Submission {i} failed: {(int)response.StatusCode} {body}");
            }

            ids[i] = body.GetProperty("data").GetString()!;
        });
        Console.WriteLine($"  submitted in {submitWatch.Elapsed.TotalSeconds:0.0} s ({taskCount / submitWatch.Elapsed.TotalSeconds:0} tasks/s)");

        var feedBefore = fake.State.Requests.Of(FakeSunoEndpoints.FeedV2).Count;
        var seenSuccess = new Dictionary<string, DateTimeOffset>(StringComparer.Ordinal);
        var clipsOf = new Dictionary<string, string[]>(StringComparer.Ordinal);
        var deadline = DateTimeOffset.UtcNow + TimeSpan.FromSeconds(completeSeconds * 4 + 120);
        while (seenSuccess.Count < taskCount && DateTimeOffset.UtcNow < deadline)
        {
            foreach (var chunk in ids.Where(id => !seenSuccess.ContainsKey(id)).Chunk(200))
            {
                using var response = await client.PostAsJsonAsync("/suno/fetch", new { ids = chunk });
                var body = await response.Content.ReadFromJsonAsync<JsonElement>();
                var now = DateTimeOffset.UtcNow;
                foreach (var task in body.GetProperty("data").EnumerateArray())
                {
                    var status = task.GetProperty("status").GetString();
                    if (status == "FAILURE")
                    {
                        throw new InvalidOperationException($"A task failed: {task}");
                    }

                    if (status == "SUCCESS")
                    {
                        var id = task.GetProperty("task_id").GetString()!;
                        seenSuccess[id] = now;
                        clipsOf[id] = [.. task.GetProperty("data").EnumerateArray().Select(c => c.GetProperty("id").GetString()!)];
                    }
                }
            }

            await Task.Delay(50);
        }

        var feedLog = fake.State.Requests.Of(FakeSunoEndpoints.FeedV2).Skip(feedBefore).ToList();
        var feedCalls = feedLog.Count;
        var idsPerCall = feedLog.Select(r => System.Web.HttpUtility.ParseQueryString(r.Query ?? string.Empty)["ids"]?.Split(',').Length ?? 0).DefaultIfEmpty().Average();
        var delays = seenSuccess
            .Select(pair =>
            {
                var completeAt = clipsOf[pair.Key].Select(c => fake.State.GetClip(c)!.CreatedAt + fakeOptions.CompleteAfter).Max();
                return (pair.Value - completeAt).TotalSeconds;
            })
            .Order()
            .ToArray();
        if (delays.Length == 0)
        {
            Console.WriteLine("No task completed: nothing to measure.");
            return 1;
        }

        double Percentile(double p) => delays[Math.Min(delays.Length - 1, (int)Math.Floor(p * delays.Length))];
        Console.WriteLine();
        Console.WriteLine($"completed tasks                          {seenSuccess.Count} of {taskCount}");
        Console.WriteLine($"upstream feed calls                      {feedCalls}");
        Console.WriteLine($"feed calls per completed task            {(double)feedCalls / seenSuccess.Count:0.000}");
        Console.WriteLine($"clip ids per feed call, mean             {idsPerCall:0.0}");
        Console.WriteLine($"completion -> SUCCESS delay, median      {Percentile(0.5):0.000} s ({Percentile(0.5) / pollSeconds:0.00} x poll interval)");
        Console.WriteLine($"completion -> SUCCESS delay, p90         {Percentile(0.9):0.000} s ({Percentile(0.9) / pollSeconds:0.00} x poll interval)");
        Console.WriteLine($"completion -> SUCCESS delay, max         {delays[^1]:0.000} s");
        return seenSuccess.Count == taskCount ? 0 : 1;
    }
}
