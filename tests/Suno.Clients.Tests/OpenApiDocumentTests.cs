using System.Text.Json;
using System.Text.Json.Nodes;
using Suno.Testing;

namespace Suno.Clients.Tests;

/// <summary>
/// What people who generate clients from /openapi/v1.json get: the document passes Redocly's structural rules, has
/// no empty schema, and is the document the shipped client (src/Suno.Api.Client) was generated from.
/// </summary>
[TestFixture]
[NonParallelizable]
public sealed class OpenApiDocumentTests
{
    private static readonly TimeSpan ToolTimeout = TimeSpan.FromMinutes(3);

    private string _workDirectory = string.Empty;
    private GatewayProcess? _gateway;
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
        RepoLayout.RequireNodeModules(RepoLayout.RedoclyEntry);

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
    public async Task The_served_document_is_the_one_the_build_generated_the_shipped_client_from()
    {
        // src/Suno.Api.Client is generated from the document the gateway's build writes (BuildTimeDocument); a gateway
        // whose served document differed would be answering a client built for another API.
        var buildTime = Path.Combine(RepoLayout.TestAssemblyDirectory, "build-time-openapi.json");
        Assert.That(File.Exists(buildTime), Is.True, $"{buildTime} is missing: the test project's build copies it there.");
        var built = JsonNode.Parse(await File.ReadAllTextAsync(buildTime))!;
        var served = JsonNode.Parse(_document!.RootElement.GetRawText())!;

        // The served document names the server it came from; the build has none.
        built.AsObject().Remove("servers");
        served.AsObject().Remove("servers");

        Assert.That(
            JsonNode.DeepEquals(built, served),
            Is.True,
            "GET /openapi/v1.json differs from the document the build wrote. First difference: " + FirstDifference(built, served, "$"));
    }

    /// <summary>The JSON path of the first place two documents differ, with both values there.</summary>
    private static string FirstDifference(JsonNode? a, JsonNode? b, string path)
    {
        if (a is JsonObject oa && b is JsonObject ob)
        {
            foreach (var name in oa.Select(p => p.Key).Union(ob.Select(p => p.Key)))
            {
                if (!JsonNode.DeepEquals(oa[name], ob[name]))
                {
                    return FirstDifference(oa[name], ob[name], path + "." + name);
                }
            }
        }
        else if (a is JsonArray aa && b is JsonArray ab && aa.Count == ab.Count)
        {
            for (var i = 0; i < aa.Count; i++)
            {
                if (!JsonNode.DeepEquals(aa[i], ab[i]))
                {
                    return FirstDifference(aa[i], ab[i], $"{path}[{i}]");
                }
            }
        }

        return $"{path}: build {a?.ToJsonString() ?? "(absent)"}, served {b?.ToJsonString() ?? "(absent)"}";
    }
}
