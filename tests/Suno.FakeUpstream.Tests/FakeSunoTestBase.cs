using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;

namespace Suno.FakeUpstream.Tests;

/// <summary>Starts a fresh fake on a free 127.0.0.1 port per test, driven by a manual clock.</summary>
public abstract class FakeSunoTestBase
{
    protected ManualTimeProvider Clock { get; private set; } = null!;
    protected FakeSunoServer Server { get; private set; } = null!;
    protected HttpClient Http { get; private set; } = null!;
    protected FakeSunoState State => Server.State;

    /// <summary>Override to change the options a test class starts the fake with.</summary>
    protected virtual void Configure(FakeSunoOptions options)
    {
    }

    [SetUp]
    public async Task StartServer()
    {
        Clock = new ManualTimeProvider();
        var options = new FakeSunoOptions { TimeProvider = Clock };
        Configure(options);
        Server = await FakeSunoServer.StartAsync(options);
        Http = new HttpClient { BaseAddress = Server.BaseUrl, Timeout = TimeSpan.FromSeconds(20) };
    }

    /// <summary>Replaces the running fake with one started with different options (same clock).</summary>
    protected async Task RestartAsync(Action<FakeSunoOptions> configure)
    {
        await StopServer();
        var options = new FakeSunoOptions { TimeProvider = Clock };
        configure(options);
        Server = await FakeSunoServer.StartAsync(options);
        Http = new HttpClient { BaseAddress = Server.BaseUrl, Timeout = TimeSpan.FromSeconds(20) };
    }

    [TearDown]
    public async Task StopServer()
    {
        Http.Dispose();
        await Server.DisposeAsync();
    }

    /// <summary>Gets a JWT the way GCUI does: GET /v1/client, then POST the session's tokens route.</summary>
    protected async Task<string> LoginAsync(FakeAccount account)
    {
        using var clientRequest = new HttpRequestMessage(HttpMethod.Get, "/v1/client?__clerk_api_version=2025-11-10&_clerk_js_version=5.117.0");
        clientRequest.Headers.TryAddWithoutValidation("Authorization", account.ClientToken);
        using var clientResponse = await Http.SendAsync(clientRequest);
        Assert.That(clientResponse.StatusCode, Is.EqualTo(System.Net.HttpStatusCode.OK));
        var client = await ReadJsonAsync(clientResponse);
        var sessionId = client["response"]!["last_active_session_id"]!.GetValue<string>();

        using var tokenRequest = new HttpRequestMessage(HttpMethod.Post,
            $"/v1/client/sessions/{sessionId}/tokens?__clerk_api_version=2025-11-10&_clerk_js_version=5.117.0")
        {
            Content = new StringContent("{}", Encoding.UTF8, "application/json"),
        };
        tokenRequest.Headers.TryAddWithoutValidation("Authorization", account.ClientToken);
        using var tokenResponse = await Http.SendAsync(tokenRequest);
        Assert.That(tokenResponse.StatusCode, Is.EqualTo(System.Net.HttpStatusCode.OK));
        return (await ReadJsonAsync(tokenResponse))["jwt"]!.GetValue<string>();
    }

    protected static HttpRequestMessage Studio(HttpMethod method, string path, string? jwt, object? body = null)
    {
        var request = new HttpRequestMessage(method, path);
        if (jwt is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", jwt);
        }

        if (body is not null)
        {
            var json = body as string ?? System.Text.Json.JsonSerializer.Serialize(body);
            request.Content = new StringContent(json, Encoding.UTF8, "application/json");
        }

        return request;
    }

    protected async Task<(HttpResponseMessage Response, JsonNode? Json)> SendAsync(HttpMethod method, string path, string? jwt, object? body = null)
    {
        using var request = Studio(method, path, jwt, body);
        var response = await Http.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        return (response, text.Length == 0 ? null : JsonNode.Parse(text));
    }

    protected async Task<JsonNode> GetOkAsync(string path, string jwt)
    {
        var (response, json) = await SendAsync(HttpMethod.Get, path, jwt);
        Assert.That(response.StatusCode, Is.EqualTo(System.Net.HttpStatusCode.OK), json?.ToJsonString());
        return json!;
    }

    protected async Task<JsonNode> PostOkAsync(string path, string jwt, object body)
    {
        var (response, json) = await SendAsync(HttpMethod.Post, path, jwt, body);
        Assert.That(response.StatusCode, Is.EqualTo(System.Net.HttpStatusCode.OK), json?.ToJsonString());
        return json!;
    }

    /// <summary>A custom-mode generate body like GCUI's custom_generate sends.</summary>
    protected static object CustomSong(string title = "My Song", string mv = "chirp-v3-5") => new Dictionary<string, object?>
    {
        ["prompt"] = "[Verse]\nHello world",
        ["tags"] = "pop, upbeat",
        ["negative_tags"] = "metal",
        ["title"] = title,
        ["mv"] = mv,
        ["make_instrumental"] = false,
        ["generation_type"] = "TEXT",
        ["token"] = null,
    };

    /// <summary>A description-mode body like GCUI's generate sends.</summary>
    protected static object DescriptionSong(string description = "a happy song about the sea") => new Dictionary<string, object?>
    {
        ["gpt_description_prompt"] = description,
        ["prompt"] = string.Empty,
        ["mv"] = "chirp-v3-5",
        ["make_instrumental"] = false,
        ["generation_type"] = "TEXT",
        ["token"] = null,
    };

    protected static async Task<JsonNode> ReadJsonAsync(HttpResponseMessage response) =>
        JsonNode.Parse(await response.Content.ReadAsStringAsync())!;

    protected static List<string> ClipIds(JsonNode generateResponse) =>
        [.. generateResponse["clips"]!.AsArray().Select(c => c!["id"]!.GetValue<string>())];
}
