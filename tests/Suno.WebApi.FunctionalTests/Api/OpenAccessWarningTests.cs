using Suno.Testing;
using Suno.WebApi.Security;

namespace Suno.WebApi.FunctionalTests.Api;

/// <summary>Which listening addresses count as open (the start warns when SECRET_TOKEN is empty on one of them).</summary>
public sealed class OpenAccessWarningTests
{
    [TestCase("http://127.0.0.1:3000", true)]
    [TestCase("http://localhost:3000", true)]
    [TestCase("http://[::1]:3000", true)]
    [TestCase("http://0.0.0.0:3000", false)]
    [TestCase("http://[::]:3000", false)]
    [TestCase("http://+:3000", false)]
    [TestCase("http://*:3000", false)]
    [TestCase("http://192.0.2.10:3000", false)]
    public void Only_loopback_addresses_are_closed(string address, bool loopback) =>
        Assert.That(OpenAccessWarning.IsLoopback(address), Is.EqualTo(loopback));

    [Test]
    public async Task Listening_on_every_address_without_a_token_warns_once_at_start()
    {
        var folder = Directory.CreateTempSubdirectory("suno-open-").FullName;
        using var process = GatewayRun.Start(RepoLayout.GatewayDll(), folder, new Dictionary<string, string> { ["Server__Host"] = "0.0.0.0" });
        var lines = new List<string>();
        try
        {
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
            while (await process.StandardOutput.ReadLineAsync(timeout.Token) is { } line)
            {
                lines.Add(line);
                if (line.Contains("Application started", StringComparison.Ordinal))
                {
                    break;
                }
            }

            // The warning is written from the started callback; read what follows for a moment.
            using var settle = new CancellationTokenSource(TimeSpan.FromSeconds(2));
            try
            {
                while (await process.StandardOutput.ReadLineAsync(settle.Token) is { } line)
                {
                    lines.Add(line);
                }
            }
            catch (OperationCanceledException)
            {
                // Nothing more was written.
            }
        }
        finally
        {
            GatewayRun.Stop(process);
            Directory.Delete(folder, recursive: true);
        }

        var warnings = lines.Count(l => l.Contains("SECRET_TOKEN is not set", StringComparison.Ordinal));
        Assert.That(warnings, Is.EqualTo(1), string.Join('\n', lines));
        Assert.That(lines.Single(l => l.Contains("SECRET_TOKEN is not set", StringComparison.Ordinal)), Does.Contain("0.0.0.0"));
    }
}
