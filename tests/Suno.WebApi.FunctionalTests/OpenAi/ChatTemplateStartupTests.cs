using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Suno.FakeUpstream;
using Suno.Testing;
using Suno.WebApi.FunctionalTests.Support;
using static Suno.Testing.GatewayRun;
using Suno.WebApi.FunctionalTests.Tasks;

namespace Suno.WebApi.FunctionalTests.OpenAi;

/// <summary>
/// The chat templates as users meet them, with the built gateway as a child process (<c>dotnet Suno.WebApi.dll</c>):
/// the default templates are found beside the dll whatever the working directory, an override folder is used, and
/// a broken or missing template stops the start with one line naming the file.
/// </summary>
[NonParallelizable]
public sealed class ChatTemplateStartupTests
{
    private string _workDirectory = null!;

    [SetUp]
    public void CreateWorkDirectory() => _workDirectory = Directory.CreateTempSubdirectory("suno-chat-start-").FullName;

    [TearDown]
    public void DeleteWorkDirectory() => Directory.Delete(_workDirectory, recursive: true);

    [Test]
    public async Task BrokenTemplate_StopsTheStartWithOneLineNamingTheFile()
    {
        var templates = CopyDefaultTemplates();
        await File.WriteAllTextAsync(Path.Combine(templates, "chat_resp.hbs"), "{{#each clips}}\n## {{title}}\n");

        var (exitCode, output) = await RunToExitAsync(new() { ["CHAT_TEMPLATE_DIR"] = templates });

        var lines = NonEmptyLines(output);
        Assert.Multiple(() =>
        {
            Assert.That(exitCode, Is.Not.Zero);
            Assert.That(lines, Has.Length.EqualTo(1), output);
            Assert.That(lines.FirstOrDefault(), Does.StartWith("CHAT_TEMPLATE_DIR (Chat:TemplateDir): template ")
                .And.Contain(Path.Combine(templates, "chat_resp.hbs")));
            Assert.That(output, Does.Not.Contain("   at "), "no stack trace");
        });
    }

    [Test]
    public async Task MissingTemplate_StopsTheStartWithOneLineNamingTheFile()
    {
        var templates = CopyDefaultTemplates();
        File.Delete(Path.Combine(templates, "chat_stream_tick.hbs"));

        var (exitCode, output) = await RunToExitAsync(new() { ["CHAT_TEMPLATE_DIR"] = templates });

        var lines = NonEmptyLines(output);
        Assert.Multiple(() =>
        {
            Assert.That(exitCode, Is.Not.Zero);
            Assert.That(lines, Has.Length.EqualTo(1), output);
            Assert.That(lines.FirstOrDefault(), Does.Contain("chat_stream_tick.hbs").And.Contain("does not exist"));
        });
    }

    [Test]
    public async Task MissingTemplateFolder_StopsTheStartWithOneLine()
    {
        var missing = Path.Combine(_workDirectory, "no-such-folder");

        var (exitCode, output) = await RunToExitAsync(new() { ["CHAT_TEMPLATE_DIR"] = missing });

        Assert.That(exitCode, Is.Not.Zero);
        Assert.That(NonEmptyLines(output), Is.EqualTo(new[]
        {
            $"CHAT_TEMPLATE_DIR (Chat:TemplateDir): the template folder {missing} does not exist (it must hold chat_stream_submit.hbs, chat_stream_tick.hbs, chat_resp.hbs)",
        }));
    }

    [Test]
    public async Task DefaultTemplates_AreFoundBesideTheDll_FromAnyWorkingDirectory()
    {
        await using var fake = await FakeSunoServer.StartAsync(TaskApiGateway.FastClips());
        var account = fake.State.AddAccount(new FakeAccountSpec { Credits = 1_000 });

        var content = await ChatThroughChildAsync(fake, account, new());

        Assert.That(content, Does.Contain("- Audio: [").And.Contain("Task `"), "the default chat_resp.hbs rendered");
    }

    [Test]
    public async Task TemplateDir_OverridesTheTemplates()
    {
        var templates = CopyDefaultTemplates();
        await File.WriteAllTextAsync(
            Path.Combine(templates, "chat_resp.hbs"),
            "CUSTOM {{status}} {{clip_count}}{{#each clips}} | {{title}} {{audio_url}}{{/each}}");
        await using var fake = await FakeSunoServer.StartAsync(TaskApiGateway.FastClips());
        var account = fake.State.AddAccount(new FakeAccountSpec { Credits = 1_000 });

        var content = await ChatThroughChildAsync(fake, account, new() { ["CHAT_TEMPLATE_DIR"] = templates });

        Assert.That(content, Does.StartWith("CUSTOM SUCCESS 2 | ").And.Contain(".mp3"));
    }

    private async Task<string> ChatThroughChildAsync(FakeSunoServer fake, FakeAccount account, Dictionary<string, string> environment)
    {
        var port = FreePort();
        environment["PORT"] = port.ToString(CultureInfo.InvariantCulture);
        environment["SUNO_COOKIE"] = account.Cookie;
        environment["BASE_URL"] = fake.BaseUrl.ToString();
        environment["CLERK_BASE_URL"] = fake.ClerkBaseUrl.ToString();
        environment["POLL_INTERVAL"] = "1";
        using var process = Start(environment);
        var output = new StringBuilder();
        process.OutputDataReceived += (_, e) => ProcessRunner.Append(output, e.Data);
        process.ErrorDataReceived += (_, e) => ProcessRunner.Append(output, e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        try
        {
            using var client = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}"), Timeout = TimeSpan.FromSeconds(60) };
            await Eventually.AssertAsync(
                async () => process.HasExited || (await client.GetAsync("/ping")).StatusCode == HttpStatusCode.OK,
                "the gateway answers /ping",
                TimeSpan.FromSeconds(60));
            Assert.That(process.HasExited, Is.False, () => $"the gateway stopped: {ProcessRunner.Snapshot(output)}");

            using var response = await client.PostAsJsonAsync("/v1/chat/completions", new
            {
                model = "chirp-v3-5",
                messages = new[] { new { role = "user", content = "A folk song about a river" } },
            });
            var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
            Assert.That((int)response.StatusCode, Is.EqualTo(200), json.ToString());
            return json.GetProperty("choices")[0].GetProperty("message").GetProperty("content").GetString()!;
        }
        finally
        {
            Stop(process);
        }
    }

    private string CopyDefaultTemplates()
    {
        var source = Path.Combine(AppContext.BaseDirectory, "templates");
        var target = Path.Combine(_workDirectory, "my-templates");
        Directory.CreateDirectory(target);
        foreach (var file in Directory.GetFiles(source, "*.hbs"))
        {
            File.Copy(file, Path.Combine(target, Path.GetFileName(file)));
        }

        Assert.That(Directory.GetFiles(target, "*.hbs"), Has.Length.EqualTo(3), $"the build copies templates/*.hbs to {source}");
        return target;
    }

    private async Task<(int ExitCode, string Output)> RunToExitAsync(Dictionary<string, string> environment)
    {
        var (exitCode, stdout, stderr) = await GatewayRun.RunToExitAsync(GatewayDll, _workDirectory, environment, TimeSpan.FromSeconds(60));
        return (exitCode, stdout + stderr);
    }

    // Not started from the dll's folder (the working directory is the test's own): the templates must be found
    // beside the dll anyway.
    private Process Start(Dictionary<string, string> environment) => GatewayRun.Start(GatewayDll, _workDirectory, environment);

    private static string GatewayDll => Path.Combine(AppContext.BaseDirectory, "Suno.WebApi.dll");
}
