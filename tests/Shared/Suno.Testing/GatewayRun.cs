using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;

namespace Suno.Testing;

/// <summary>
/// Runs the built gateway dll as a child process in a clean environment, for tests of how it starts (or refuses to):
/// nothing from the test runner's environment decides where or how it runs; it listens on 127.0.0.1 on a free port,
/// in Production, with its SQLite file in the given working directory.
/// </summary>
public static class GatewayRun
{
    // Settings of the machine running the tests that would change what the gateway does here.
    private static readonly string[] ClearedVariables =
    [
        "ASPNETCORE_URLS", "DOTNET_URLS", "ASPNETCORE_HTTP_PORTS", "PORT", "SQL_DSN", "BASE_URL", "SECRET_TOKEN",
        "CHAT_TEMPLATE_DIR", "CHAT_OPENAI_BASE", "CHAT_OPENAI_KEY", "SUNO_COOKIE", "COOKIE",
    ];

    /// <summary>Starts <paramref name="gatewayDll"/> with <paramref name="settings"/> on top of the clean environment; streams redirected.</summary>
    public static Process Start(string gatewayDll, string workingDirectory, IReadOnlyDictionary<string, string> settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var environment = ClearedVariables.ToDictionary(name => name, _ => (string?)null);
        environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        environment["SQLITE_PATH"] = Path.Combine(workingDirectory, "data", "suno.db");
        environment["Server__Host"] = "127.0.0.1";
        environment["PORT"] = FreePort().ToString(CultureInfo.InvariantCulture);
        foreach (var (key, value) in settings)
        {
            environment[key] = value;
        }

        var info = ProcessRunner.CreateStartInfo("dotnet", [gatewayDll], workingDirectory, environment);
        return Process.Start(info) ?? throw new InvalidOperationException("dotnet did not start");
    }

    /// <summary>Runs the gateway until it exits (it should, on bad settings); fails the test after <paramref name="timeout"/>.</summary>
    public static async Task<(int ExitCode, string Stdout, string Stderr)> RunToExitAsync(
        string gatewayDll, string workingDirectory, IReadOnlyDictionary<string, string> settings, TimeSpan timeout)
    {
        using var process = Start(gatewayDll, workingDirectory, settings);
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var cts = new CancellationTokenSource(timeout);
        try
        {
            await process.WaitForExitAsync(cts.Token);
        }
        catch (OperationCanceledException)
        {
            Stop(process);
            Assert.Fail($"the gateway did not stop within {timeout.TotalSeconds} s");
        }

        return (process.ExitCode, await stdout, await stderr);
    }

    /// <summary>Kills the process (and its children) if it still runs.</summary>
    public static void Stop(Process process)
    {
        ArgumentNullException.ThrowIfNull(process);
        if (!process.HasExited)
        {
            process.Kill(entireProcessTree: true);
            process.WaitForExit(10_000);
        }
    }

    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    public static string[] NonEmptyLines(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return text.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
    }
}
