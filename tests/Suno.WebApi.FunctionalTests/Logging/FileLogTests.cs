using System.Text.Json;
using Suno.FakeUpstream;
using Suno.Infrastructure.IntegrationTests.Support;
using Suno.Infrastructure.Persistence;
using Suno.Testing;
using Suno.WebApi.FunctionalTests.Tasks;

namespace Suno.WebApi.FunctionalTests.Logging;

/// <summary>ROTATE_LOGS and LOG_DIR on a real gateway process: compact JSON files beside an unchanged console.</summary>
public sealed class FileLogTests
{
    private string _logDir = null!;

    [SetUp]
    public void SetUp() => _logDir = Path.Combine(Path.GetTempPath(), "suno-logs-" + Guid.NewGuid().ToString("N"));

    [TearDown]
    public void TearDown()
    {
        if (Directory.Exists(_logDir))
        {
            Directory.Delete(_logDir, recursive: true);
        }
    }

    [Test]
    public async Task With_ROTATE_LOGS_every_line_of_the_days_file_is_compact_JSON_and_the_console_keeps_its_format()
    {
        await using var upstream = await ProcessTestUpstream.StartAsync(TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(2));
        var (console, lines) = await RunAndCallSunoAsync(upstream, new() { ["ROTATE_LOGS"] = "true", ["LOG_DIR"] = _logDir, ["DEBUG"] = "true" });

        var files = Directory.GetFiles(_logDir).Select(Path.GetFileName).ToList();
        Assert.That(files, Has.Count.EqualTo(1));
        Assert.That(files[0], Does.Match(@"^gateway-\d{8}\.json$"), "one file per day");
        var events = lines.Select(l => JsonDocument.Parse(l).RootElement).ToList();
        var upstreamCalls = events.Where(e => Text(e, "SourceContext") == "Suno.Infrastructure.Upstream.UpstreamCallLog").ToList();
        var account = upstream.Account;
        Assert.Multiple(() =>
        {
            Assert.That(events, Is.All.Matches<JsonElement>(e => e.TryGetProperty("@t", out _) && e.TryGetProperty("@mt", out _)), "CLEF: time and template");
            Assert.That(events, Has.Some.Matches<JsonElement>(e => !e.TryGetProperty("@l", out _) && Text(e, "SourceContext").StartsWith("Suno.", StringComparison.Ordinal)), "the gateway's own information events");
            Assert.That(upstreamCalls, Has.Some.Matches<JsonElement>(e => Text(e, "@l") == "Debug" && Text(e, "Path") == "/api/billing/info/" && e.GetProperty("Status").GetInt32() == 200), "DEBUG reaches the file, with properties");
            Assert.That(lines, Has.None.Contain(account.ClientToken).And.None.Contain(account.SessionId).And.None.Contain("eyJ"), "no cookie, session or JWT");
            Assert.That(console, Does.Contain("Upstream GET /api/billing/info/ answered 200"), "the console still has its lines");
            Assert.That(GatewayRun.NonEmptyLines(console), Has.None.StartWith("{"), "the console is not JSON");
            Assert.That(console, Does.Match(@"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z (info|dbug): "), "the console's single-line format");
        });
    }

    [Test]
    public async Task Without_DEBUG_the_file_has_no_debug_events_of_the_gateway()
    {
        await using var upstream = await ProcessTestUpstream.StartAsync(TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(2));
        var (_, lines) = await RunAndCallSunoAsync(upstream, new() { ["ROTATE_LOGS"] = "true", ["LOG_DIR"] = _logDir });

        var events = lines.Select(l => JsonDocument.Parse(l).RootElement).ToList();
        Assert.That(events, Is.Not.Empty, "info events are written");
        Assert.That(events.Where(e => Text(e, "@l") is "Debug" or "Verbose").Select(e => Text(e, "@mt")), Is.Empty);
    }

    [Test]
    public async Task Without_ROTATE_LOGS_no_file_is_written()
    {
        await using var upstream = await ProcessTestUpstream.StartAsync(TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(2));
        await RunAndCallSunoAsync(upstream, new() { ["LOG_DIR"] = _logDir, ["DEBUG"] = "true" });

        Assert.That(Directory.Exists(_logDir), Is.False);
    }

    /// <summary>The lines of every file in LOG_DIR (none when it does not exist).</summary>
    internal static List<string> FileLines(string directory) =>
        !Directory.Exists(directory) ? [] : Directory.GetFiles(directory).Order(StringComparer.Ordinal).SelectMany(ReadShared).Where(l => l.Length > 0).ToList();

    private static IEnumerable<string> ReadShared(string path)
    {
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd().Split('\n', StringSplitOptions.TrimEntries);
    }

    private static string Text(JsonElement e, string name) =>
        e.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString()! : "";

    private async Task<(string Console, List<string> FileLines)> RunAndCallSunoAsync(ProcessTestUpstream upstream, Dictionary<string, string?> extra)
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        var settings = upstream.GatewaySettings(database, TimeSpan.FromSeconds(30));
        foreach (var (key, value) in extra)
        {
            settings[key] = value;
        }

        string console;
        await using (var gateway = await GatewayProcess.StartAsync(settings))
        {
            using var limit = await gateway.Http.GetAsync(new Uri("/api/get_limit", UriKind.Relative));
            Assert.That(limit.IsSuccessStatusCode, Is.True, gateway.OutputTail);
            Assert.That(upstream.Fake.State.Counters.Get(FakeSunoEndpoints.Billing), Is.GreaterThan(0), "the gateway called the fake upstream");
            console = gateway.Output;
        }

        return (console, FileLines(_logDir));
    }
}
