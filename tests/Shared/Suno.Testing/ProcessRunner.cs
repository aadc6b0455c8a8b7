using System.Diagnostics;
using System.Text;

namespace Suno.Testing;

/// <summary>The outcome of a finished child process: its exit code and everything it printed, interleaved.</summary>
public sealed record ProcessResult(string Command, int ExitCode, string Output)
{
    public override string ToString() => $"$ {Command}\n(exit code {ExitCode})\n{Output}";
}

/// <summary>Runs commands with a time limit, capturing stdout and stderr together.</summary>
public static class ProcessRunner
{
    public static async Task<ProcessResult> RunAsync(
        string fileName,
        IEnumerable<string> arguments,
        string workingDirectory,
        TimeSpan timeout,
        IReadOnlyDictionary<string, string?>? environment = null)
    {
        var startInfo = CreateStartInfo(fileName, arguments, workingDirectory, environment);
        var command = fileName + " " + string.Join(' ', startInfo.ArgumentList);
        var output = new StringBuilder();
        using var process = new Process { StartInfo = startInfo };
        process.OutputDataReceived += (_, e) => Append(output, e.Data);
        process.ErrorDataReceived += (_, e) => Append(output, e.Data);
        if (!process.Start())
        {
            throw new InvalidOperationException($"Could not start: {command}");
        }

        var stopwatch = Stopwatch.StartNew();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        using var cts = new CancellationTokenSource(timeout);
        try
        {
            await process.WaitForExitAsync(cts.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync(CancellationToken.None);
            Assert.Fail($"Timed out after {timeout.TotalSeconds} s:\n{new ProcessResult(command, -1, Snapshot(output))}");
        }

        // WaitForExitAsync returns after the redirected streams reached their end, so the output is complete.
        await TestContext.Progress.WriteLineAsync(
            $"  {Shorten(command)} -> exit code {process.ExitCode} in {stopwatch.Elapsed.TotalSeconds:0.0} s");
        return new ProcessResult(command, process.ExitCode, Snapshot(output));
    }

    public static ProcessStartInfo CreateStartInfo(
        string fileName,
        IEnumerable<string> arguments,
        string workingDirectory,
        IReadOnlyDictionary<string, string?>? environment)
    {
        ArgumentNullException.ThrowIfNull(arguments);
        var startInfo = new ProcessStartInfo(fileName)
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = false,
            UseShellExecute = false,
        };
        foreach (var argument in arguments)
        {
            startInfo.ArgumentList.Add(argument);
        }

        startInfo.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        startInfo.Environment["DOTNET_NOLOGO"] = "1";
        startInfo.Environment["REDOCLY_TELEMETRY"] = "off";
        startInfo.Environment["REDOCLY_SUPPRESS_UPDATE_NOTICE"] = "true";
        startInfo.Environment["NO_UPDATE_NOTIFIER"] = "1";
        foreach (var (key, value) in environment ?? new Dictionary<string, string?>())
        {
            if (value is null)
            {
                startInfo.Environment.Remove(key);
            }
            else
            {
                startInfo.Environment[key] = value;
            }
        }

        return startInfo;
    }

    public static void Append(StringBuilder output, string? line)
    {
        ArgumentNullException.ThrowIfNull(output);
        if (line is null)
        {
            return;
        }

        lock (output)
        {
            output.AppendLine(line);
        }
    }

    public static string Snapshot(StringBuilder output)
    {
        ArgumentNullException.ThrowIfNull(output);
        lock (output)
        {
            return output.ToString();
        }
    }

    private static string Shorten(string command) => command.Length <= 120 ? command : command[..117] + "...";
}
