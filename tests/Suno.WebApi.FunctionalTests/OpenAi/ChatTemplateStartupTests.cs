using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Net.Sockets;
using System.Text;
using System.Text.Json;
using Suno.FakeUpstream;
using Suno.WebApi.FunctionalTests.Support;
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
        process.OutputDataReceived += (_, e) => Append(output, e.Data);
        process.ErrorDataReceived += (_, e) => Append(output, e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        try
        {
            using var client = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}"), Timeout = TimeSpan.FromSeconds(60) };
            await Eventually.AssertAsync(
                async () => process.HasExited || (await client.GetAsync("/ping")).StatusCode == HttpStatusCode.OK,
                "the gateway answers /ping",
                TimeSpan.FromSeconds(60));
            Assert.That(process.HasExited, Is.False, () => $"the gateway stopped: {Snapshot(output)}");

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
        using var process = Start(environment);
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            Stop(process);
            Assert.Fail("the gateway did not stop on a bad template within 60 s");
        }

        return (process.ExitCode, await stdout + await stderr);
    }

    private Process Start(Dictionary<string, string> environment)
    {
        var dll = Path.Combine(AppContext.BaseDirectory, "Suno.WebApi.dll");
        var info = new ProcessStartInfo("dotnet")
        {
            // Not the dll's folder: the templates must be found beside the dll anyway.
            WorkingDirectory = _workDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            StandardOutputEncoding = Encoding.UTF8,
            StandardErrorEncoding = Encoding.UTF8,
            UseShellExecute = false,
        };
        info.ArgumentList.Add(dll);
        foreach (var inherited in new[]
                 {
                     "ASPNETCORE_URLS", "DOTNET_URLS", "ASPNETCORE_HTTP_PORTS", "PORT", "SQL_DSN", "BASE_URL", "SECRET_TOKEN",
                     "CHAT_TEMPLATE_DIR", "CHAT_OPENAI_BASE", "CHAT_OPENAI_KEY", "SUNO_COOKIE", "COOKIE",
                 })
        {
            info.Environment.Remove(inherited);
        }

        info.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        info.Environment["SQLITE_PATH"] = Path.Combine(_workDirectory, "data", "suno.db");
        info.Environment["Server__Host"] = "127.0.0.1";
        info.Environment["PORT"] = FreePort().ToString(CultureInfo.InvariantCulture);
        foreach (var (key, value) in environment)
        {
            info.Environment[key] = value;
        }

        return Process.Start(info) ?? throw new InvalidOperationException("dotnet did not start");
    }

    private static void Stop(Process process)
    {
        if (!process.HasExited)
        {
            process.Kill(entireProcessTree: true);
            process.WaitForExit(10_000);
        }
    }

    private static void Append(StringBuilder output, string? line)
    {
        if (line is not null)
        {
            lock (output)
            {
                output.AppendLine(line);
            }
        }
    }

    private static string Snapshot(StringBuilder output)
    {
        lock (output)
        {
            return output.ToString();
        }
    }

    private static string[] NonEmptyLines(string text) =>
        text.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
