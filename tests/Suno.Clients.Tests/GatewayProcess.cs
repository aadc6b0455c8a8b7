using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace Suno.Clients.Tests;

/// <summary>
/// The real gateway (Suno.WebApi.dll) running as a child process on 127.0.0.1 with its own SQLite file,
/// as a user starts it. Disposing kills it.
/// </summary>
internal sealed class GatewayProcess : IAsyncDisposable
{
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(60);

    // Settings of the machine running the tests that would change what the gateway does here.
    private static readonly string[] ClearedVariables =
    [
        "SQL_DSN", "Database__Dsn", "SECRET_TOKEN", "Auth__SecretToken", "ASPNETCORE_URLS", "DOTNET_URLS",
        "ASPNETCORE_HTTP_PORTS", "ASPNETCORE_HTTPS_PORTS", "SUNO_COOKIE", "COOKIE", "SESSION_ID", "PROXY",
        "BASE_URL", "CLERK_BASE_URL", "Server__Port", "Database__SqlitePath",
    ];

    private readonly Process _process;
    private readonly StringBuilder _output;

    private GatewayProcess(Process process, StringBuilder output, Uri baseAddress, string sqlitePath)
    {
        _process = process;
        _output = output;
        BaseAddress = baseAddress;
        SqlitePath = sqlitePath;
        Http = new HttpClient { BaseAddress = baseAddress, Timeout = TimeSpan.FromSeconds(30) };
    }

    public Uri BaseAddress { get; }

    public string SqlitePath { get; }

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

    /// <summary>Starts the gateway and waits until GET /ping answers 200.</summary>
    public static async Task<GatewayProcess> StartAsync(string gatewayDll, string workDirectory)
    {
        var port = FreePort();
        var baseAddress = new Uri($"http://127.0.0.1:{port}");
        var sqlitePath = Path.Combine(workDirectory, "gateway", "suno.db");
        var environment = ClearedVariables.ToDictionary(name => name, _ => (string?)null);
        environment["SQLITE_PATH"] = sqlitePath;
        environment["PORT"] = port.ToString(System.Globalization.CultureInfo.InvariantCulture);
        environment["LOG_DIR"] = Path.Combine(workDirectory, "gateway", "logs");
        environment["CHAT_TEMPLATE_DIR"] = Path.Combine(RepoLayout.Root, "templates");

        // The dll's folder is the working directory, so the appsettings files copied beside it are read.
        var startInfo = ProcessRunner.CreateStartInfo(
            "dotnet",
            [gatewayDll, "--urls", baseAddress.ToString().TrimEnd('/')],
            Path.GetDirectoryName(gatewayDll)!,
            environment);
        var output = new StringBuilder();
        var process = new Process { StartInfo = startInfo };
        process.OutputDataReceived += (_, e) => ProcessRunner.Append(output, e.Data);
        process.ErrorDataReceived += (_, e) => ProcessRunner.Append(output, e.Data);
        if (!process.Start())
        {
            process.Dispose();
            throw new InvalidOperationException($"Could not start dotnet {gatewayDll}");
        }

        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var gateway = new GatewayProcess(process, output, baseAddress, sqlitePath);
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

    public async ValueTask DisposeAsync()
    {
        Http.Dispose();
        try
        {
            if (!_process.HasExited)
            {
                _process.Kill(entireProcessTree: true);
                using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(15));
                await _process.WaitForExitAsync(cts.Token);
            }
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
        string lastProblem = "no answer yet";
        using var probe = new HttpClient { BaseAddress = BaseAddress, Timeout = TimeSpan.FromSeconds(5) };
        while (stopwatch.Elapsed < StartTimeout)
        {
            if (_process.HasExited)
            {
                await _process.WaitForExitAsync();
                Assert.Fail(
                    $"The gateway exited with code {_process.ExitCode} before answering GET /ping. Its output:\n{OutputTail}");
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

        Assert.Fail(
            $"The gateway did not answer GET /ping within {StartTimeout.TotalSeconds} s ({lastProblem}). Its output:\n{OutputTail}");
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
