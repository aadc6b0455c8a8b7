using System.Net;
using System.Text.Json;
using Suno.WebApi.FunctionalTests.Support;

namespace Suno.WebApi.FunctionalTests.Api;

/// <summary>/ping, /health, the OpenAPI document and Swagger UI, on real Kestrel with a SQLite file.</summary>
public sealed class MetaTests
{
    private Gateway _gateway = null!;

    [OneTimeSetUp]
    public async Task Start() => _gateway = await Gateway.StartAsync();

    [OneTimeTearDown]
    public async Task Stop() => await _gateway.DisposeAsync();

    [Test]
    public async Task Ping_AnswersPong()
    {
        using var response = await _gateway.Client.GetAsync("/ping");

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(await response.Content.ReadAsStringAsync(), Is.EqualTo("""{"message":"pong"}"""));
    }

    [Test]
    public async Task Health_WhenTheDatabaseAnswers_Is200()
    {
        using var response = await _gateway.Client.GetAsync("/health");
        var body = await response.ReadJsonAsync();

        Assert.Multiple(() =>
        {
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
            Assert.That(body.GetProperty("status").GetString(), Is.EqualTo("healthy"));
            Assert.That(body.GetProperty("checks").GetProperty("database").GetString(), Is.EqualTo("healthy"));
        });
    }

    [TestCase("/swagger")]
    [TestCase("/swagger/index.html")]
    public async Task SwaggerUi_IsServed(string path)
    {
        using var response = await _gateway.Client.GetAsync(path);
        var html = await response.Content.ReadAsStringAsync();

        Assert.Multiple(() =>
        {
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
            Assert.That(response.Content.Headers.ContentType?.MediaType, Is.EqualTo("text/html"));
            Assert.That(html, Does.Contain("swagger-ui"));
        });
    }

    [Test]
    public async Task SwaggerUi_PointsAtTheOpenApiDocument()
    {
        var config = await _gateway.Client.GetStringAsync("/swagger/index.js");

        Assert.That(config, Does.Contain("/openapi/v1.json"));
    }

    [Test]
    public async Task OpenApi_Is31_AndEveryOperationHasAUniqueIdAndDocumentedResponses()
    {
        using var response = await _gateway.Client.GetAsync("/openapi/v1.json");
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        var document = await response.ReadJsonAsync();

        Assert.That(document.GetProperty("openapi").GetString(), Does.StartWith("3.1"));
        Assert.That(document.GetProperty("info").GetProperty("title").GetString(), Is.EqualTo("Suno.Api"));
        var operations = Operations(document).ToList();
        Assert.That(operations.Select(o => o.Key), Is.SupersetOf(new[] { "GET /ping", "GET /suno/fetch/{id}", "POST /suno/fetch" }));

        var ids = new List<string>();
        foreach (var (name, operation) in operations)
        {
            Assert.That(operation.TryGetProperty("operationId", out var id), Is.True, $"{name} has no operationId");
            ids.Add(id.GetString()!);
            var responses = operation.GetProperty("responses").EnumerateObject().ToList();
            Assert.That(responses, Is.Not.Empty, $"{name} documents no response");
            foreach (var documented in responses)
            {
                Assert.That(
                    documented.Value.GetProperty("content").GetProperty("application/json").TryGetProperty("schema", out _),
                    Is.True,
                    $"{name} {documented.Name} has no JSON schema");
            }
        }

        Assert.That(ids, Is.Unique);
    }

    [Test]
    public async Task OpenApi_DocumentsEveryOutcomeOfTheTaskRoutes_AndTheBearerScheme()
    {
        var document = await (await _gateway.Client.GetAsync("/openapi/v1.json")).ReadJsonAsync();
        var paths = document.GetProperty("paths");
        static IEnumerable<string> Statuses(JsonElement op) => op.GetProperty("responses").EnumerateObject().Select(p => p.Name);

        var fetchOne = paths.GetProperty("/suno/fetch/{id}").GetProperty("get");
        var fetchMany = paths.GetProperty("/suno/fetch").GetProperty("post");
        Assert.Multiple(() =>
        {
            Assert.That(fetchOne.GetProperty("operationId").GetString(), Is.EqualTo("FetchTask"));
            Assert.That(Statuses(fetchOne), Is.SupersetOf(new[] { "200", "400", "401", "404", "500" }));
            Assert.That(Statuses(fetchMany), Is.SupersetOf(new[] { "200", "400", "401", "413", "415", "500" }));
            Assert.That(fetchMany.GetProperty("requestBody").GetProperty("content").TryGetProperty("application/json", out _), Is.True);
            var scheme = document.GetProperty("components").GetProperty("securitySchemes").GetProperty("Bearer");
            Assert.That(scheme.GetProperty("scheme").GetString(), Is.EqualTo("bearer"));
            Assert.That(fetchOne.GetProperty("security")[0].TryGetProperty("Bearer", out _), Is.True);
            Assert.That(paths.GetProperty("/ping").GetProperty("get").TryGetProperty("security", out _), Is.False);
        });
    }

    [Test]
    public async Task OpenApi_TaskObjectSchema_UsesTheWireNames()
    {
        var document = await (await _gateway.Client.GetAsync("/openapi/v1.json")).ReadJsonAsync();
        var properties = document.GetProperty("components").GetProperty("schemas").GetProperty("SunoTaskObject").GetProperty("properties");

        Assert.That(
            properties.EnumerateObject().Select(p => p.Name),
            Is.EquivalentTo(new[] { "task_id", "action", "status", "fail_reason", "callback_error", "submit_time", "start_time", "finish_time", "progress", "data" }));
        Assert.That(properties.GetProperty("submit_time").GetProperty("type").ToString(), Does.Contain("integer").And.Not.Contain("string"));
    }

    [Test]
    public async Task UnknownRoute_UnderSuno_AnswersInTheSunoEnvelope()
    {
        using var response = await _gateway.Client.GetAsync("/suno/nothing-here");
        var body = await response.ReadJsonAsync();

        Assert.Multiple(() =>
        {
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
            Assert.That(body.GetProperty("code").GetString(), Is.EqualTo("not_found"));
            Assert.That(body.GetProperty("data").ValueKind, Is.EqualTo(JsonValueKind.Null));
        });
    }

    [Test]
    public async Task UnknownRoute_Elsewhere_AnswersProblemDetails()
    {
        using var response = await _gateway.Client.GetAsync("/nothing-here");

        Assert.Multiple(() =>
        {
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
            Assert.That(response.Content.Headers.ContentType?.MediaType, Is.EqualTo("application/problem+json"));
        });
    }

    private static IEnumerable<KeyValuePair<string, JsonElement>> Operations(JsonElement document)
    {
        foreach (var path in document.GetProperty("paths").EnumerateObject())
        {
            foreach (var operation in path.Value.EnumerateObject())
            {
                yield return new($"{operation.Name.ToUpperInvariant()} {path.Name}", operation.Value);
            }
        }
    }
}
