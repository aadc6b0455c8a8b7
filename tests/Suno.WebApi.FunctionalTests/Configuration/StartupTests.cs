using System.Diagnostics;
using System.Net;
using Suno.Testing;
using Suno.WebApi.FunctionalTests.Support;
using static Suno.Testing.GatewayRun;

namespace Suno.WebApi.FunctionalTests.Configuration;

/// <summary>
/// The built gateway started as a child process (<c>dotnet Suno.WebApi.dll</c>) with flat environment variables,
/// as its users run it: bad settings stop it with one line and a non-zero exit code; aliases and their precedence.
/// </summary>
[NonParallelizable]
public sealed class StartupTests
{
    private string _workDirectory = null!;

    [SetUp]
    public void CreateWorkDirectory() => _workDirectory = Directory.CreateTempSubdirectory("suno-start-").FullName;

    [TearDown]
    public void DeleteWorkDirectory() => Directory.Delete(_workDirectory, recursive: true);

    [TestCase("BASE_URL", "foo", "BASE_URL (Suno:BaseUrl) must be an absolute http(s) URL, got 'foo'")]
    [TestCase("PORT", "abc", "PORT (Server:Port) must be a whole number from 1 to 65535, got 'abc'")]
    [TestCase("SUNO_SANDBOX", "perhaps", "SUNO_SANDBOX (Suno:Sandbox) must be true or false, got 'perhaps'")]
    public async Task BadSetting_StopsTheStartWithOneLine(string variable, string value, string expected)
    {
        var (exitCode, stdout, stderr) = await RunToExitAsync(new() { [variable] = value });

        Assert.Multiple(() =>
        {
            Assert.That(exitCode, Is.Not.Zero);
            Assert.That(NonEmptyLines(stderr), Is.EqualTo(new[] { expected }), "stderr");
            Assert.That(stdout + stderr, Does.Not.Contain("   at "), "no stack trace");
        });
    }

    [Test]
    public async Task MySqlDsn_StopsTheStartWithOneLineNamingSqlDsn()
    {
        var (exitCode, stdout, stderr) = await RunToExitAsync(new() { ["SQL_DSN"] = "root:secret@tcp(127.0.0.1:3306)/suno" });

        var lines = NonEmptyLines(stderr);
        Assert.Multiple(() =>
        {
            Assert.That(exitCode, Is.Not.Zero);
            Assert.That(lines, Has.Length.EqualTo(1));
            Assert.That(lines.FirstOrDefault(), Does.StartWith("SQL_DSN (Database:Dsn)"));
            Assert.That(stdout + stderr, Does.Not.Contain("secret"), "the DSN's password is not echoed");
            Assert.That(stdout + stderr, Does.Not.Contain("   at "), "no stack trace");
        });
    }

    [Test]
    public async Task BadValue_OfASettingBoundByTheBinder_IsStillOneLine()
    {
        var (exitCode, stdout, stderr) = await RunToExitAsync(new() { ["Suno__Upstream__RequestTimeout"] = "soon" });

        var lines = NonEmptyLines(stderr);
        Assert.Multiple(() =>
        {
            Assert.That(exitCode, Is.Not.Zero);
            Assert.That(lines, Has.Length.EqualTo(1), stderr);
            Assert.That(lines.FirstOrDefault(), Does.Contain("'Suno:Upstream:RequestTimeout'"));
            Assert.That(stdout + stderr, Does.Not.Contain("   at "), "no stack trace");
        });
    }

    [Test]
    public async Task TwoBadSettings_GiveTwoLines()
    {
        var (exitCode, _, stderr) = await RunToExitAsync(new() { ["BASE_URL"] = "foo", ["PORT"] = "0" });

        Assert.That(exitCode, Is.Not.Zero);
        Assert.That(NonEmptyLines(stderr), Is.EquivalentTo(new[]
        {
            "BASE_URL (Suno:BaseUrl) must be an absolute http(s) URL, got 'foo'",
            "PORT (Server:Port) must be a whole number from 1 to 65535, got '0'",
        }));
    }

    [Test]
    public async Task PortAlias_IsWhereItListens_AndAnExplicitKeyBeatsBadAliases()
    {
        var port = FreePort();
        using var process = Start(new()
        {
            ["PORT"] = port.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Server__Host"] = "127.0.0.1",
            ["BASE_URL"] = "not a url",
            ["Suno__BaseUrl"] = "http://127.0.0.1:9/",
            ["CHAT_TIME_OUT"] = "soon",
            ["Chat__TimeoutSeconds"] = "30",
        });
        try
        {
            using var client = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}"), Timeout = TimeSpan.FromSeconds(5) };
            await Eventually.AssertAsync(
                async () => process.HasExited || (await client.GetAsync("/ping")).StatusCode == HttpStatusCode.OK,
                $"the gateway answers /ping on PORT {port}",
                TimeSpan.FromSeconds(60));
            if (process.HasExited)
            {
                Assert.Fail($"the gateway stopped (exit code {process.ExitCode}): {await process.StandardError.ReadToEndAsync()}");
            }
        }
        finally
        {
            Stop(process);
        }
    }

    [Test]
    public async Task ExplicitPortKey_BeatsThePortAlias()
    {
        var port = FreePort();
        using var process = Start(new()
        {
            ["PORT"] = "abc",
            ["Server__Port"] = port.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Server__Host"] = "127.0.0.1",
        });
        try
        {
            using var client = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}"), Timeout = TimeSpan.FromSeconds(5) };
            await Eventually.AssertAsync(
                async () => process.HasExited || (await client.GetAsync("/ping")).StatusCode == HttpStatusCode.OK,
                $"the gateway answers /ping on Server:Port {port}",
                TimeSpan.FromSeconds(60));
            if (process.HasExited)
            {
                Assert.Fail($"the gateway stopped (exit code {process.ExitCode}): {await process.StandardError.ReadToEndAsync()}");
            }
        }
        finally
        {
            Stop(process);
        }
    }

    private static string GatewayDll()
    {
        var dll = Path.Combine(AppContext.BaseDirectory, "Suno.WebApi.dll");
        Assert.That(File.Exists(Path.ChangeExtension(dll, ".runtimeconfig.json")), Is.True, $"no runnable gateway next to the tests: {dll}");
        return dll;
    }

    private Task<(int ExitCode, string Stdout, string Stderr)> RunToExitAsync(Dictionary<string, string> environment) =>
        GatewayRun.RunToExitAsync(GatewayDll(), _workDirectory, environment, TimeSpan.FromSeconds(60));

    private Process Start(Dictionary<string, string> environment) => GatewayRun.Start(GatewayDll(), _workDirectory, environment);
}
