using System.Diagnostics;
using System.Runtime.CompilerServices;
using System.Text;
using System.Text.Json;

namespace Suno.WebApi.FunctionalTests.OpenAi;

/// <summary>
/// The chat route through real clients: build/clients/chat-clients.mjs runs the official openai npm SDK (create with
/// stream false and true, the .stream() helper with finalChatCompletion, an error) and LangChain JS ChatOpenAI
/// (invoke, stream) against the gateway on real Kestrel with the fake Suno. The npm packages come from
/// build/clients/node_modules (build/test.sh runs npm ci); without them this test fails, it does not skip.
/// </summary>
[NonParallelizable]
public sealed class RealClientTests
{
    private static readonly string[] Steps =
        ["openai.create", "openai.create_stream", "openai.stream_helper", "openai.error", "langchain.invoke", "langchain.stream"];

    [Test]
    public async Task OpenAiSdkAndLangChain_GetTheSong()
    {
        var clients = Path.Combine(RepoRoot(), "build", "clients");
        RequirePackages(clients);
        await using var chat = await ChatGateway.StartAsync();

        var (exitCode, output) = await RunNodeAsync(
            clients,
            Path.Combine(clients, "chat-clients.mjs"),
            new Dictionary<string, string> { ["GATEWAY_URL"] = chat.Client.BaseAddress!.ToString(), ["TIMEOUT_MS"] = "60000" });

        await TestContext.Out.WriteLineAsync(output);
        Assert.That(exitCode, Is.Zero, output);
        var summaryLine = output.Split('\n').Single(l => l.StartsWith("SUMMARY ", StringComparison.Ordinal));
        var summary = JsonDocument.Parse(summaryLine["SUMMARY ".Length..]).RootElement;
        var clipIds = chat.Fake.State.ClipIdsOf(chat.Account);
        Assert.Multiple(() =>
        {
            foreach (var step in Steps)
            {
                Assert.That(output, Does.Contain($"ok {step}"), step);
            }

            foreach (var step in Steps.Where(s => s != "openai.error"))
            {
                var result = summary.GetProperty(step);
                Assert.That(result.GetProperty("titles").GetArrayLength(), Is.GreaterThanOrEqualTo(1), step);
                foreach (var audio in result.GetProperty("audio").EnumerateArray().Select(a => a.GetString()!))
                {
                    Assert.That(clipIds.Any(id => audio.Contains(id, StringComparison.Ordinal)), Is.True, $"{step}: {audio} is a clip the fake made");
                }
            }

            Assert.That(summary.GetProperty("openai.error").GetProperty("param").GetString(), Is.EqualTo("messages"));
            Assert.That(chat.Generations, Is.EqualTo(5), "one song per successful client call");
        });
    }

    private static void RequirePackages(string clients)
    {
        string[] required =
        [
            Path.Combine(clients, "node_modules", "openai", "package.json"),
            Path.Combine(clients, "node_modules", "@langchain", "openai", "package.json"),
            Path.Combine(clients, "node_modules", "@langchain", "core", "package.json"),
        ];
        var missing = required.Where(p => !File.Exists(p)).ToList();
        if (missing.Count > 0)
        {
            Assert.Fail(
                $"The npm packages of the real-client tests are missing ({string.Join(", ", missing)}). "
                + "Run ./build/test.sh from the repository root (it runs `npm ci` in build/clients), or run `npm ci` in build/clients.");
        }
    }

    private static async Task<(int ExitCode, string Output)> RunNodeAsync(string workingDirectory, string script, Dictionary<string, string> environment)
    {
        var info = new ProcessStartInfo("node")
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        info.ArgumentList.Add(script);
        info.Environment["NO_UPDATE_NOTIFIER"] = "1";
        foreach (var (key, value) in environment)
        {
            info.Environment[key] = value;
        }

        using var process = Process.Start(info) ?? throw new InvalidOperationException("node did not start");
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(3));
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync(CancellationToken.None);
            Assert.Fail($"node {script} did not finish within 3 minutes:\n{await stdout}\n{await stderr}");
        }

        return (process.ExitCode, new StringBuilder(await stdout).AppendLine(await stderr).ToString());
    }

    /// <summary>The folder holding Suno.Api.sln: above this source file, else above the test binaries.</summary>
    private static string RepoRoot([CallerFilePath] string sourceFile = "")
    {
        foreach (var start in new[] { Path.GetDirectoryName(sourceFile), AppContext.BaseDirectory })
        {
            for (var dir = start is null ? null : new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                if (File.Exists(Path.Combine(dir.FullName, "Suno.Api.sln")))
                {
                    return dir.FullName;
                }
            }
        }

        throw new InvalidOperationException($"Cannot find the repository root (Suno.Api.sln) above {sourceFile} or {AppContext.BaseDirectory}.");
    }
}
