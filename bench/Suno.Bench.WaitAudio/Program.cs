// wait_audio benchmark: 20 concurrent POST /api/generate with "wait_audio": true against the gateway and the fake
// Suno, once with 0.5 s and once with 5 s per clip step (submitted -> queued -> streaming -> complete, one step each).
// Prints, from one run of each: upstream calls per request in total and per endpoint (the fake's counters), and the
// median and max wait of the requests. Nothing is asserted.
// Usage: dotnet run -c Release --project bench/Suno.Bench.WaitAudio [-- requests=20 poll=3 steps=0.5,5]
using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json;
using Suno.Bench;
using Suno.FakeUpstream;

namespace Suno.Bench.WaitAudio;

internal static class WaitAudioBenchmark
{
    public static async Task<int> Main(string[] args)
    {
        var settings = BenchGateway.Arguments(args);
        string Setting(string name, string fallback) => settings.TryGetValue(name, out var v) ? v : fallback;
        var requests = int.Parse(Setting("requests", "20"), CultureInfo.InvariantCulture);
        var pollSeconds = int.Parse(Setting("poll", "3"), CultureInfo.InvariantCulture);
        var steps = Setting("steps", "0.5,5").Split(',').Select(s => double.Parse(s, CultureInfo.InvariantCulture)).ToArray();

        var failed = false;
        foreach (var step in steps)
        {
            failed |= !await RunAsync(requests, pollSeconds, TimeSpan.FromSeconds(step));
        }

        return failed ? 1 : 0;
    }

    private static async Task<bool> RunAsync(int requests, int pollSeconds, TimeSpan step)
    {
        var fakeOptions = new FakeSunoOptions
        {
            QueuedAfter = step,
            StreamingAfter = step * 2,
            CompleteAfter = step * 3,
            JwtLifetime = TimeSpan.FromHours(1),
        };
        await using var fake = await FakeSunoServer.StartAsync(fakeOptions);
        var account = fake.State.AddAccount(new FakeAccountSpec { Credits = (requests + 10) * fakeOptions.CreditsPerGeneration, Plan = FakePlan.Pro });
        await using var gateway = BenchGateway.For(fake, account, pollSeconds, new Dictionary<string, string?>
        {
            // A waited request is slow by design, and the AutoMapper licence notice is not a figure.
            ["Logging:LogLevel:Suno.Application.Common.Behaviours"] = "Error",
            ["Logging:LogLevel:LuckyPennySoftware"] = "Error",
        });
        using var client = gateway.StartClient();
        client.Timeout = TimeSpan.FromMinutes(3);

        Console.WriteLine();
        Console.WriteLine($"{requests} concurrent /api/generate with wait_audio, {step.TotalSeconds:0.0} s per clip step (streaming after {fakeOptions.StreamingAfter.TotalSeconds:0.0} s), poll every {pollSeconds} s");
        // The gateway reads the account at start (Clerk client, token exchange, billing): a cost per process, not per
        // request. Wait for it, so the figures below are what the requests cost; the start-up calls are printed apart.
        var startWatch = Stopwatch.StartNew();
        while (fake.State.Counters.Get(FakeSunoEndpoints.Billing) == 0 && startWatch.Elapsed < TimeSpan.FromSeconds(30))
        {
            await Task.Delay(50);
        }

        await Task.Delay(200);
        var before = fake.State.Counters.Snapshot();
        Console.WriteLine($"  start-up calls, before the first request {before.Values.Sum()} ({string.Join(", ", before.Where(c => c.Value > 0).OrderBy(c => c.Key, StringComparer.Ordinal).Select(c => $"{c.Key} {c.Value}"))})");
        var waits = await Task.WhenAll(Enumerable.Range(0, requests).Select(async i =>
        {
            var watch = Stopwatch.StartNew();
            using var response = await client.PostAsJsonAsync("/api/generate", new { prompt = $"benchmark song {i}", wait_audio = true });
            var body = await response.Content.ReadFromJsonAsync<JsonElement>();
            var elapsed = watch.Elapsed.TotalSeconds;
            var playable = response.IsSuccessStatusCode
                && body.EnumerateArray().All(c => c.GetProperty("status").GetString() is "streaming" or "complete");
            if (!playable)
            {
                Console.WriteLine($"  request {i}: {(int)response.StatusCode} {body}");
            }

            return (Seconds: elapsed, Playable: playable);
        }));
        var after = fake.State.Counters.Snapshot();

        var calls = after.Keys.Union(before.Keys)
            .Select(k => (Endpoint: k, Count: after.GetValueOrDefault(k) - before.GetValueOrDefault(k)))
            .Where(c => c.Count > 0)
            .OrderByDescending(c => c.Count)
            .ThenBy(c => c.Endpoint, StringComparer.Ordinal)
            .ToList();
        var total = calls.Sum(c => c.Count);
        var sorted = waits.Select(w => w.Seconds).Order().ToArray();
        var median = sorted.Length % 2 == 1 ? sorted[sorted.Length / 2] : (sorted[(sorted.Length / 2) - 1] + sorted[sorted.Length / 2]) / 2;

        Console.WriteLine($"  answered playable                      {waits.Count(w => w.Playable)} of {requests}");
        Console.WriteLine($"  upstream calls per request, total      {(double)total / requests:0.00} ({total} calls; with the start-up calls {(double)(total + before.Values.Sum()) / requests:0.00})");
        foreach (var (endpoint, count) in calls)
        {
            Console.WriteLine($"    {endpoint,-36} {(double)count / requests:0.00} ({count})");
        }

        Console.WriteLine($"  wait, median                           {median:0.00} s ({median / fakeOptions.StreamingAfter.TotalSeconds:0.00} x time to streaming)");
        Console.WriteLine($"  wait, max                              {sorted[^1]:0.00} s");
        return waits.All(w => w.Playable);
    }
}
