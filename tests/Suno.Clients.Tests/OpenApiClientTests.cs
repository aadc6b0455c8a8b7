using System.Text.Json;
using System.Text.RegularExpressions;
using Suno.Testing;

namespace Suno.Clients.Tests;

/// <summary>
/// What people who generate clients from /openapi/v1.json get: the document passes Redocly's structural rules, and
/// an NSwag C# client generated from it compiles and talks to a running gateway.
/// </summary>
[TestFixture]
[NonParallelizable]
public sealed partial class OpenApiClientTests
{
    private static readonly TimeSpan ToolTimeout = TimeSpan.FromMinutes(3);

    private string _workDirectory = string.Empty;
    private GatewayProcess? _gateway;
    private SeededTask? _seeded;
    private string _documentPath = string.Empty;
    private JsonDocument? _document;

    [OneTimeSetUp]
    public async Task StartGatewayAsync()
    {
        _workDirectory = Directory.CreateTempSubdirectory("suno-clients-tests-").FullName;
        var sqlitePath = Path.Combine(_workDirectory, "gateway", "suno.db");
        _gateway = await GatewayProcess.StartAsync(new Dictionary<string, string?>
        {
            ["SQLITE_PATH"] = sqlitePath,
            ["LOG_DIR"] = Path.Combine(_workDirectory, "gateway", "logs"),
        });

        // The gateway migrated its database when it started; add a task the way the engine stores one.
        _seeded = await TaskSeeder.SeedMusicTaskAsync(sqlitePath);

        using var response = await _gateway.Http.GetAsync(new Uri("/openapi/v1.json", UriKind.Relative));
        var body = await response.Content.ReadAsStringAsync();
        Assert.That(
            (int)response.StatusCode,
            Is.EqualTo(200),
            $"GET /openapi/v1.json answered {(int)response.StatusCode}: {body}\nGateway output:\n{_gateway.OutputTail}");
        _documentPath = Path.Combine(_workDirectory, "openapi-v1.json");
        await File.WriteAllTextAsync(_documentPath, body);
        _document = JsonDocument.Parse(body);
    }

    [OneTimeTearDown]
    public async Task StopGatewayAsync()
    {
        _document?.Dispose();
        if (_gateway is not null)
        {
            await _gateway.DisposeAsync();
        }

        if (Directory.Exists(_workDirectory))
        {
            Directory.Delete(_workDirectory, recursive: true);
        }
    }

    [Test]
    public async Task Document_passes_redocly_lint_with_the_spec_ruleset()
    {
        RepoLayout.RequireNodeModules(RepoLayout.NswagDll, RepoLayout.RedoclyEntry);

        var result = await ProcessRunner.RunAsync(
            "npx",
            ["--no", "redocly", "lint", _documentPath, "--extends=spec"],
            RepoLayout.ClientsDirectory,
            ToolTimeout);

        Assert.That(result.ExitCode, Is.Zero, $"Redocly rejected /openapi/v1.json:\n{result}");
    }

    [Test]
    public void Document_has_no_empty_component_schemas()
    {
        // A $ref to an empty component ({}: "any JSON") becomes an empty class in generated clients, which then fail
        // to read whatever the server sends there. ASP.NET names such a component after the CLR type (JsonElement).
        var empty = new List<string>();
        if (_document!.RootElement.TryGetProperty("components", out var components)
            && components.TryGetProperty("schemas", out var schemas))
        {
            empty.AddRange(schemas.EnumerateObject()
                .Where(s => s.Value.ValueKind == JsonValueKind.Object && !s.Value.EnumerateObject().Any())
                .Select(s => s.Name));
        }

        Assert.That(
            empty,
            Is.Empty,
            "Component schemas with no content: " + string.Join(", ", empty) + ". Client generators turn each into an "
            + "empty class that cannot hold the JSON the gateway sends. Describe the value inline instead, e.g. "
            + "OpenApiOptions.CreateSchemaReferenceId returning null for JsonElement, so the property reads as any JSON.");
    }

    [Test]
    public async Task Generated_nswag_client_compiles_and_calls_the_running_gateway()
    {
        RepoLayout.RequireNodeModules(RepoLayout.NswagDll, RepoLayout.RedoclyEntry);
        var pingOperation = OperationId("/ping", "get");
        var fetchOperation = OperationId("/suno/fetch/{id}", "get");

        var project = Path.Combine(_workDirectory, "client");
        Directory.CreateDirectory(project);
        var generated = Path.Combine(project, "SunoClient.cs");
        var nswag = await ProcessRunner.RunAsync(
            "dotnet",
            [
                RepoLayout.NswagDll, "openapi2csclient", "/input:" + _documentPath, "/output:" + generated,
                "/namespace:Suno.Generated", "/classname:SunoApiClient", "/generateClientInterfaces:true",
                "/jsonLibrary:SystemTextJson", "/operationGenerationMode:SingleClientFromOperationId",
                "/useBaseUrl:false",
            ],
            RepoLayout.ClientsDirectory,
            ToolTimeout);
        Assert.That(nswag.ExitCode, Is.Zero, $"NSwag could not generate a client:\n{nswag}");

        var code = await File.ReadAllTextAsync(generated);
        var ping = MethodFor(code, pingOperation);
        var fetch = MethodFor(code, fetchOperation);
        WriteClientProject(project, ping, fetch);

        var build = await ProcessRunner.RunAsync("dotnet", ["build", "-nologo", "-v", "quiet"], project, ToolTimeout);
        Assert.That(build.ExitCode, Is.Zero, $"The generated client does not compile:\n{build}");

        var run = await ProcessRunner.RunAsync(
            "dotnet",
            ["run", "--no-build", "--", _gateway!.BaseAddress.ToString(), _seeded!.TaskId, string.Join(',', _seeded.ClipIds)],
            project,
            ToolTimeout);
        Assert.Multiple(() =>
        {
            Assert.That(run.ExitCode, Is.Zero, $"The generated client failed against the gateway:\n{run}\nGateway output:\n{_gateway.OutputTail}");
            Assert.That(run.Output, Does.Contain("ok   ping answers pong"), run.ToString());
            Assert.That(run.Output, Does.Contain("ok   unknown task id -> ApiException 404"), run.ToString());
            Assert.That(run.Output, Does.Contain("ok   seeded task -> typed result with its clips"), run.ToString());
        });
    }

    /// <summary>The operationId of an operation; the document must give every action one.</summary>
    private string OperationId(string path, string method)
    {
        var paths = _document!.RootElement.GetProperty("paths");
        Assert.That(paths.TryGetProperty(path, out var item), Is.True, $"The document has no path {path}.");
        Assert.That(item.TryGetProperty(method, out var operation), Is.True, $"The document has no {method} {path}.");
        Assert.That(
            operation.TryGetProperty("operationId", out var id) && id.GetString() is { Length: > 0 },
            Is.True,
            $"{method.ToUpperInvariant()} {path} has no operationId.");
        return id.GetString()!;
    }

    /// <summary>
    /// The generated method of an operation. NSwag turns an operationId into a method name by its own rules
    /// (upper camel case, separators dropped) plus "Async"; match on letters and digits only.
    /// </summary>
    private static string MethodFor(string generatedCode, string operationId)
    {
        var wanted = Normalise(operationId) + "ASYNC";
        var methods = AsyncMethod().Matches(generatedCode).Select(m => m.Groups[1].Value).Distinct().ToList();
        var method = methods.FirstOrDefault(m => Normalise(m) == wanted);
        Assert.That(
            method,
            Is.Not.Null,
            $"No generated method for operationId '{operationId}'; generated methods: {string.Join(", ", methods)}");
        return method!;

        static string Normalise(string name) =>
            new string(name.Where(char.IsLetterOrDigit).ToArray()).ToUpperInvariant();
    }

    private static void WriteClientProject(string folder, string ping, string fetch)
    {
        // Empty props files stop MSBuild from importing any Directory.*.props found above the temp folder.
        File.WriteAllText(Path.Combine(folder, "Directory.Build.props"), "<Project />\n");
        File.WriteAllText(Path.Combine(folder, "Directory.Build.targets"), "<Project />\n");
        File.WriteAllText(Path.Combine(folder, "Directory.Packages.props"), "<Project />\n");
        File.WriteAllText(Path.Combine(folder, "GeneratedClientCheck.csproj"), """
            <Project Sdk="Microsoft.NET.Sdk">
              <PropertyGroup>
                <OutputType>Exe</OutputType>
                <TargetFramework>net10.0</TargetFramework>
                <Nullable>enable</Nullable>
                <ImplicitUsings>enable</ImplicitUsings>
              </PropertyGroup>
            </Project>
            """);
        File.WriteAllText(Path.Combine(folder, "Program.cs"), ClientProgram.Replace("PING", ping, StringComparison.Ordinal)
            .Replace("FETCH", fetch, StringComparison.Ordinal));
    }

    [GeneratedRegex(@"System\.Threading\.Tasks\.Task(?:<[^\n]*?>)?\s+(\w+Async)\s*\(")]
    private static partial Regex AsyncMethod();

    // The console program a client author would write with the generated client. PING and FETCH are replaced by
    // the generated method names. It prints one "ok"/"FAIL" line per check and exits 1 when a check failed.
    private const string ClientProgram = """
        using System.Text.Json;
        using Suno.Generated;

        var failures = 0;
        void Check(bool ok, string what)
        {
            Console.WriteLine((ok ? "ok   " : "FAIL ") + what);
            if (!ok) failures++;
        }

        using var http = new HttpClient { BaseAddress = new Uri(args[0]), Timeout = TimeSpan.FromSeconds(30) };
        ISunoApiClient client = new SunoApiClient(http);

        var pong = await client.PING();
        Check(pong?.Message == "pong", "ping answers pong");

        try
        {
            await client.FETCH("no-such-task-" + Guid.NewGuid());
            Check(false, "unknown task id -> ApiException 404 (no exception was thrown)");
        }
        catch (ApiException e)
        {
            Check(e.StatusCode == 404, e.StatusCode == 404
                ? "unknown task id -> ApiException 404"
                : $"unknown task id -> ApiException 404 (got {e.StatusCode}: {e.Response})");
        }

        var task = await client.FETCH(args[1]);
        var json = JsonSerializer.Serialize(task);
        Console.WriteLine("seeded task as the typed client read it: " + json);
        var clipIds = args[2].Split(',');
        Check(task is not null && clipIds.All(json.Contains), "seeded task -> typed result with its clips");

        return failures == 0 ? 0 : 1;
        """;
}
