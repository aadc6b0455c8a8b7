using System.Text.Json;
using Suno.Testing;

namespace Suno.WebApi.FunctionalTests.Support;

/// <summary>Runs a client-flow script of build/clients/flows with Node and returns its last line, SUMMARY {json}.</summary>
public static class ClientFlows
{
    public static async Task<(ProcessResult Result, JsonDocument Summary)> RunAsync(string scriptName, IReadOnlyDictionary<string, string?> environment)
    {
        var script = Path.Combine(RepoLayout.Root, "build", "clients", "flows", scriptName);
        Assert.That(File.Exists(script), Is.True, script);
        ProcessResult result;
        try
        {
            result = await ProcessRunner.RunAsync("node", [script], RepoLayout.Root, TimeSpan.FromMinutes(2), environment);
        }
        catch (System.ComponentModel.Win32Exception e)
        {
            Assert.Fail($"Node.js 20+ must be on PATH for the client-flow tests (node: {e.Message}).");
            throw;
        }

        Assert.That(result.ExitCode, Is.Zero, result.ToString());
        var line = result.Output.Split('\n').Single(l => l.StartsWith("SUMMARY ", StringComparison.Ordinal));
        return (result, JsonDocument.Parse(line["SUMMARY ".Length..]));
    }
}
