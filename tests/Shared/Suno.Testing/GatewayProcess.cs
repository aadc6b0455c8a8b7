using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace Suno.Testing;

/// <summary>
/// The real gateway (Suno.WebApi.dll) as a child process on 127.0.0.1, started the way a user starts it, with the
/// given settings as environment variables. <see cref="KillAsync"/> ends it abruptly (a crash);
/// disposing kills it too.
/// </summary>
public sealed class GatewayProcess : IAsyncDisposable
{
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(60);

    // Settings of the machine running the tests that would change what the gateway does here.
    private static readonly string[] ClearedVariables =
    [
        "SQL_DSN", "Database__Dsn", "SECRET_TOKEN", "Auth__SecretToken", "ASPNETCORE_URLS", "DOTNET_URLS",
        "ASPNETCORE_HTTP_PORTS", "ASPNETCORE_HTTPS_PORTS", "SUNO_COOKIE", "COOKIE", "SESSION_ID", "PROXY",
        "BASE_URL", "CLERK_BASE_URL", "Server__Port", "Database__SqlitePath", "SQLITE_PATH", "SUNO_SANDBOX",
        "POLL_INTERVAL", "CHAT_OPENAI_BASE", "CHAT_OPENAI_KEY", "DEBUG", "ROTATE_LOGS", "LOG_DIR",
    ];

    private readonly Process _process;
    private readonly StringBuilder _output;

    private GatewayProcess(Process process, StringBuilder output, Uri baseAddress)
    {
        _process = process;
        _output = output;
        BaseAddress = baseAddress;
        Http = new HttpClient { BaseAddress = baseAddress, Timeout = TimeSpan.FromSeconds(30) };
    }

    public Uri BaseAddress { get; }

    public HttpClient Http { get; }

    /// <summary>Everything the gateway printed so far.</summary>
    public string Output => ProcessRunner.Snapshot(_output);

    /// <summary>The end of <see cref="Output"/>, short enough for a failure message.</summary>
    public string OutputTail
    {
        get
        {
            const int MaxChars = 8_000;
            var output = Output;
            return output.Length <= MaxChars ? output : "[...]\n" + output[^MaxChars..];
        }
    }

    public bool HasExited => _process.HasExited;

    /// <summary>The operating-system id of the gateway process (task lease owners name it).</summary>
    public int ProcessId => _process.Id;

    /// <summary>
    /// Starts the gateway with <paramref name="settings"/> (environment variables, e.g. SQLITE_PATH, SUNO_COOKIE,
    /// Tasks__LeaseSeconds) and waits until GET /ping answers 200. <paramref name="arguments"/> go on the command
    /// line after the dll and --urls (e.g. --sandbox).
    /// </summary>
    public static async Task<GatewayProcess> StartAsync(
        IReadOnlyDictionary<string, string?> settings,
        string? gatewayDll = null,
        IReadOnlyList<string>? arguments = null)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var dll = gatewayDll ?? RepoLayout.GatewayDll();
        var port = FreePort();
        var baseAddress = new Uri($"http://127.0.0.1:{port}");
        var environment = ClearedVariables.ToDictionary(name => name, _ => (string?)null);
        environment["PORT"] = port.ToString(CultureInfo.InvariantCulture);
        environment["CHAT_TEMPLATE_DIR"] = Path.Combine(RepoLayout.Root, "templates");
        foreach (var (key, value) in settings)
        {
            environment[key] = value;
        }

        // The dll's folder is the working directory, so the appsettings files copied beside it are read.
        var startInfo = ProcessRunner.CreateStartInfo(
            "dotnet",
            [dll, "--urls", baseAddress.ToString().TrimEnd('/'), .. arguments ?? []],
            Path.GetDirectoryName(dll)!,
            environment);
        var output = new StringBuilder();
        var process = new Process { StartInfo = startInfo };
        process.OutputDataReceived += (_, e) => ProcessRunner.Append(output, e.Data);
        process.ErrorDataReceived += (_, e) => ProcessRunner.Append(output, e.Data);
        if (!process.Start())
        {
            process.Dispose();
            throw new InvalidOperationException($"Could not start dotnet {dll}");
        }

        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var gateway = new GatewayProcess(process, output, baseAddress);
        try
        {
            await gateway.WaitUntilReadyAsync();
        }
        catch
        {
            await gateway.DisposeAsync();
            throw;
        }

        return gateway;
    }

    /// <summary>Ends the process at once (SIGKILL): no shutdown code runs, as in a crash or a power cut.</summary>
    public async Task KillAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(15));
            await _process.WaitForExitAsync(cts.Token);
        }
    }

    public async ValueTask DisposeAsync()
    {
        Http.Dispose();
        try
        {
            await KillAsync();
        }
        catch (InvalidOperationException)
        {
            // Already gone.
        }
        finally
        {
            _process.Dispose();
        }
    }

    private async Task WaitUntilReadyAsync()
    {
        var stopwatch = Stopwatch.StartNew();
        var lastProblem = "no answer yet";
        using var probe = new HttpClient { BaseAddress = BaseAddress, Timeout = TimeSpan.FromSeconds(5) };
        while (stopwatch.Elapsed < StartTimeout)
        {
            if (_process.HasExited)
            {
                await _process.WaitForExitAsync();
                Assert.Fail($"The gateway exited with code {_process.ExitCode} before answering GET /ping. Its output:\n{OutputTail}");
            }

            try
            {
                using var response = await probe.GetAsync(new Uri("/ping", UriKind.Relative));
                if (response.StatusCode == HttpStatusCode.OK)
                {
                    return;
                }

                lastProblem = $"GET /ping answered {(int)response.StatusCode}";
            }
            catch (HttpRequestException e)
            {
                lastProblem = e.Message;
            }
            catch (TaskCanceledException)
            {
                lastProblem = "GET /ping timed out";
            }

            await Task.Delay(200);
        }

        Assert.Fail($"The gateway did not answer GET /ping within {StartTimeout.TotalSeconds} s ({lastProblem}). Its output:\n{OutputTail}");
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }
}
