using Suno.Testing;

namespace Suno.WebApi.FunctionalTests.Sandbox;

/// <summary>A bad sandbox setting stops the gateway with one line naming it, like every other setting.</summary>
public sealed class SandboxSettingsFailureTests
{
    [Test]
    public async Task A_bad_completion_time_stops_the_gateway_with_one_line()
    {
        var dll = RepoLayout.GatewayDll();
        var directory = Directory.CreateTempSubdirectory("suno-sandbox-");
        try
        {
            var result = await ProcessRunner.RunAsync(
                "dotnet",
                [dll, "--sandbox", "--urls", "http://127.0.0.1:0"],
                Path.GetDirectoryName(dll)!,
                TimeSpan.FromSeconds(60),
                new Dictionary<string, string?>
                {
                    ["SQLITE_PATH"] = Path.Combine(directory.FullName, "suno.db"),
                    ["Sandbox__CompleteAfterSeconds"] = "soon",
                    ["SUNO_SANDBOX"] = null,
                });

            Assert.That(result.ExitCode, Is.EqualTo(2), result.ToString());
            Assert.That(result.Output, Does.Contain("Sandbox:CompleteAfterSeconds must be a whole number from 0 to 3600, got 'soon'"));
            Assert.That(result.Output, Does.Not.Contain("   at "), "no stack trace");
        }
        finally
        {
            directory.Delete(recursive: true);
        }
    }
}
