using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using Npgsql;
using Suno.Infrastructure.Persistence;

namespace Suno.Infrastructure.IntegrationTests.Support;

/// <summary>
/// A real PostgreSQL server for tests, one per test run. Uses the server in <c>TEST_POSTGRES</c> (an Npgsql
/// connection string to a database the user may CREATE DATABASE from) when set; otherwise starts a throwaway cluster
/// with Debian's <c>initdb</c>/<c>pg_ctl</c> (newest <c>/usr/lib/postgresql/*/bin</c>) in a temp folder on a free
/// loopback port, as user <c>postgres</c> when running as root. Missing binaries fail the test with a clear message:
/// PostgreSQL tests never skip.
/// <para>
/// Use: <c>var server = await PostgresServer.GetSharedAsync(ct); var cs = await server.CreateDatabaseAsync(ct);</c>,
/// and call <see cref="StopSharedAsync"/> from an assembly-level <c>[SetUpFixture]</c> <c>[OneTimeTearDown]</c>
/// (this project's is <c>PostgresSetUpFixture</c>; another test project adds its own).
/// </para>
/// </summary>
public sealed class PostgresServer : IAsyncDisposable
{
    /// <summary>Environment variable holding the connection string of an existing server.</summary>
    public const string EnvironmentVariable = "TEST_POSTGRES";

    private const string BinariesRoot = "/usr/lib/postgresql";
    private static readonly TimeSpan CommandTimeout = TimeSpan.FromSeconds(60);
    private static readonly SemaphoreSlim SharedGate = new(1, 1);
    private static PostgresServer? _shared;

    private readonly string? _binDirectory;
    private readonly string? _root;
    private readonly bool _runAsPostgres;
    private int _stopped;

    private PostgresServer(string adminConnectionString, string? binDirectory, string? root, bool runAsPostgres)
    {
        AdminConnectionString = adminConnectionString;
        _binDirectory = binDirectory;
        _root = root;
        _runAsPostgres = runAsPostgres;
    }

    /// <summary>The shared server once started, else null.</summary>
    public static PostgresServer? Shared => Volatile.Read(ref _shared);

    /// <summary>Connection string of the maintenance database, for creating and dropping test databases.</summary>
    public string AdminConnectionString { get; }

    /// <summary>Whether this run started the cluster itself (false when <c>TEST_POSTGRES</c> is used).</summary>
    public bool OwnsCluster => _root is not null;

    /// <summary>The shared server, started on first use.</summary>
    public static async Task<PostgresServer> GetSharedAsync(CancellationToken cancellationToken = default)
    {
        if (Shared is { } existing)
        {
            return existing;
        }

        await SharedGate.WaitAsync(cancellationToken);
        try
        {
            if (_shared is null)
            {
                var server = await StartAsync(cancellationToken);
                Volatile.Write(ref _shared, server);
                AppDomain.CurrentDomain.ProcessExit += (_, _) => server.StopNow();
            }

            return _shared!;
        }
        finally
        {
            SharedGate.Release();
        }
    }

    /// <summary>Stops and removes the shared cluster if this run started one.</summary>
    public static async Task StopSharedAsync()
    {
        var server = Interlocked.Exchange(ref _shared, null);
        if (server is not null)
        {
            await server.DisposeAsync();
        }
    }

    /// <summary>Starts a server as described on the class.</summary>
    public static async Task<PostgresServer> StartAsync(CancellationToken cancellationToken = default)
    {
        var external = Environment.GetEnvironmentVariable(EnvironmentVariable);
        if (!string.IsNullOrWhiteSpace(external))
        {
            // The same forms SQL_DSN accepts: a key=value connection string or a postgres:// URL.
            return new PostgresServer(DsnParser.ToNpgsqlConnectionString(external), null, null, runAsPostgres: false);
        }

        var bin = FindBinaries(BinariesRoot);
        var runAsPostgres = string.Equals(Environment.UserName, "root", StringComparison.Ordinal);
        var root = Directory.CreateTempSubdirectory("suno-pg-").FullName;
        try
        {
            if (runAsPostgres)
            {
                await RunAsync("chown", ["postgres:postgres", root], cancellationToken);
            }

            var data = Path.Combine(root, "data");
            var server = new PostgresServer(string.Empty, bin, root, runAsPostgres);
            await server.RunPostgresToolAsync(
                "initdb", ["-D", data, "-U", "postgres", "-A", "trust", "-E", "UTF8", "--no-sync"], cancellationToken);

            Exception? last = null;
            for (var attempt = 0; attempt < 3; attempt++)
            {
                var port = FreePort();
                var options = string.Join(
                    ' ',
                    $"-p {port.ToString(CultureInfo.InvariantCulture)} -k {root}",
                    "-c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off");
                try
                {
                    await server.RunPostgresToolAsync(
                        "pg_ctl",
                        ["-D", data, "-l", Path.Combine(root, "server.log"), "-w", "-t", "30", "-o", options, "start"],
                        cancellationToken);
                    var admin = new NpgsqlConnectionStringBuilder
                    {
                        Host = "127.0.0.1",
                        Port = port,
                        Username = "postgres",
                        Database = "postgres",
                    }.ConnectionString;
                    return new PostgresServer(admin, bin, root, runAsPostgres);
                }
                catch (InvalidOperationException ex)
                {
                    last = ex; // most likely the port was taken between probing and binding: try another
                }
            }

            throw new InvalidOperationException("Could not start the throwaway PostgreSQL cluster.", last);
        }
        catch
        {
            TryDelete(root);
            throw;
        }
    }

    /// <summary>Creates an empty database with a random name and returns its connection string.</summary>
    public async Task<string> CreateDatabaseAsync(CancellationToken cancellationToken = default)
    {
        var name = $"suno_test_{Guid.NewGuid():N}";
        var connection = new NpgsqlConnection(AdminConnectionString);
        await using (connection)
        {
            await connection.OpenAsync(cancellationToken);
            var command = connection.CreateCommand();
            await using (command)
            {
                command.CommandText = $"CREATE DATABASE \"{name}\"";
                await command.ExecuteNonQueryAsync(cancellationToken);
            }
        }

        return new NpgsqlConnectionStringBuilder(AdminConnectionString) { Database = name }.ConnectionString;
    }

    /// <summary>Drops a database made by <see cref="CreateDatabaseAsync"/> (closing its connections).</summary>
    public async Task DropDatabaseAsync(string connectionString)
    {
        var name = new NpgsqlConnectionStringBuilder(connectionString).Database;
        if (string.IsNullOrEmpty(name) || !name.StartsWith("suno_test_", StringComparison.Ordinal))
        {
            return;
        }

        var connection = new NpgsqlConnection(AdminConnectionString);
        await using (connection)
        {
            await connection.OpenAsync();
            var command = connection.CreateCommand();
            await using (command)
            {
                command.CommandText = $"DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE)";
                await command.ExecuteNonQueryAsync();
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_root is null || Interlocked.Exchange(ref _stopped, 1) == 1)
        {
            return;
        }

        NpgsqlConnection.ClearAllPools();
        try
        {
            await RunPostgresToolAsync(
                "pg_ctl", ["-D", Path.Combine(_root, "data"), "-m", "fast", "-w", "stop"], CancellationToken.None);
        }
        finally
        {
            TryDelete(_root);
        }
    }

    private void StopNow()
    {
        if (_root is null || Interlocked.Exchange(ref _stopped, 1) == 1)
        {
            return;
        }

        try
        {
            RunPostgresToolAsync(
                    "pg_ctl", ["-D", Path.Combine(_root, "data"), "-m", "immediate", "-w", "stop"], CancellationToken.None)
                .GetAwaiter().GetResult();
        }
        catch (InvalidOperationException)
        {
            // the process is exiting; nothing more can be done
        }

        TryDelete(_root);
    }

    /// <summary>The bin folder of the newest PostgreSQL under <paramref name="root"/>; throws saying what to install.</summary>
    internal static string FindBinaries(string root)
    {
        var candidates = Directory.Exists(root)
            ? Directory.GetDirectories(root)
                .Select(dir => (Dir: Path.Combine(dir, "bin"), Version: ParseVersion(Path.GetFileName(dir))))
                .Where(c => File.Exists(Path.Combine(c.Dir, "initdb")) && File.Exists(Path.Combine(c.Dir, "pg_ctl")))
                .OrderByDescending(c => c.Version)
                .ToList()
            : [];
        if (candidates.Count == 0)
        {
            throw new InvalidOperationException(
                $"PostgreSQL server binaries (initdb, pg_ctl) were not found under {root}/*/bin. " +
                "Install them (apt-get install -y postgresql) or set TEST_POSTGRES to the connection string of a " +
                "server where the user may CREATE DATABASE. PostgreSQL tests do not skip.");
        }

        return candidates[0].Dir;
    }

    private static Version ParseVersion(string name) =>
        Version.TryParse(name.Contains('.', StringComparison.Ordinal) ? name : name + ".0", out var v) ? v : new Version(0, 0);

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }

    private Task RunPostgresToolAsync(string tool, IReadOnlyList<string> arguments, CancellationToken cancellationToken)
    {
        var executable = Path.Combine(_binDirectory!, tool);
        return _runAsPostgres
            ? RunAsync("runuser", ["-u", "postgres", "--", executable, .. arguments], cancellationToken)
            : RunAsync(executable, arguments, cancellationToken);
    }

    private static async Task RunAsync(string fileName, IReadOnlyList<string> arguments, CancellationToken cancellationToken)
    {
        var info = new ProcessStartInfo(fileName)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = Path.GetTempPath(),
        };
        foreach (var argument in arguments)
        {
            info.ArgumentList.Add(argument);
        }

        using var process = Process.Start(info)
            ?? throw new InvalidOperationException($"Could not start {fileName}.");
        var stdout = process.StandardOutput.ReadToEndAsync(cancellationToken);
        var stderr = process.StandardError.ReadToEndAsync(cancellationToken);
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(CommandTimeout);
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new InvalidOperationException($"{fileName} {string.Join(' ', arguments)} did not finish in {CommandTimeout}.");
        }

        var output = await stdout + await stderr;
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException(
                $"{fileName} {string.Join(' ', arguments)} exited with {process.ExitCode}:{Environment.NewLine}{output}");
        }
    }

    private static void TryDelete(string folder)
    {
        try
        {
            if (Directory.Exists(folder))
            {
                Directory.Delete(folder, recursive: true);
            }
        }
        catch (IOException)
        {
            // a leftover temp folder is harmless
        }
        catch (UnauthorizedAccessException)
        {
            // a leftover temp folder is harmless
        }
    }
}
