using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Suno.FakeUpstream;
using Suno.WebApi.FunctionalTests.Support;
using Suno.WebApi.FunctionalTests.Tasks;

namespace Suno.WebApi.FunctionalTests.OpenAi;

/// <summary>
/// A gateway wired to a fresh fake Suno with one account (as <see cref="TaskApiGateway"/>), optionally planning songs
/// with the fake's OpenAI-compatible model, and helpers for the chat route.
/// </summary>
public sealed class ChatGateway : IAsyncDisposable
{
    private ChatGateway(FakeSunoServer fake, FakeAccount account, Gateway gateway)
    {
        Fake = fake;
        Account = account;
        Gateway = gateway;
    }

    public FakeSunoServer Fake { get; }

    public FakeAccount Account { get; }

    public Gateway Gateway { get; }

    public HttpClient Client => Gateway.Client;

    public int Generations => Fake.State.Counters.Get(FakeSunoEndpoints.Generate);

    public int PlannerCalls => Fake.State.Counters.Get(FakeSunoEndpoints.OpenAiChatCompletions);

    public static async Task<ChatGateway> StartAsync(
        bool planner = false,
        FakeSunoOptions? fakeOptions = null,
        int timeoutSeconds = 60,
        IReadOnlyDictionary<string, string?>? settings = null)
    {
        var fake = await FakeSunoServer.StartAsync(fakeOptions ?? TaskApiGateway.FastClips());
        var account = fake.State.AddAccount(new FakeAccountSpec { Credits = 10_000 });
        var all = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase)
        {
            ["Suno:Cookie"] = account.Cookie,
            ["Suno:BaseUrl"] = fake.BaseUrl.ToString(),
            ["Suno:ClerkBaseUrl"] = fake.ClerkBaseUrl.ToString(),
            ["Tasks:PollIntervalSeconds"] = "1",
            ["Chat:TimeoutSeconds"] = timeoutSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture),
        };
        if (planner)
        {
            all["Chat:OpenAiBase"] = fake.OpenAiBaseUrl.ToString();
            all["Chat:OpenAiKey"] = fake.State.OpenAi.ApiKey;
        }

        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            all[key] = value;
        }

        try
        {
            return new ChatGateway(fake, account, await Gateway.StartAsync(settings: all));
        }
        catch
        {
            await fake.DisposeAsync();
            throw;
        }
    }

    /// <summary>A chat request body: one user message (or the given messages) and the given extra fields.</summary>
    public static Dictionary<string, object?> Body(string? userMessage, bool stream = false, string? model = "chirp-v3-5", object[]? messages = null)
    {
        var body = new Dictionary<string, object?>
        {
            ["messages"] = messages ?? [new { role = "user", content = userMessage }],
            ["stream"] = stream,
            // Fields the gateway does not use must be accepted and ignored.
            ["temperature"] = 0.7,
            ["top_p"] = 1,
            ["presence_penalty"] = 0,
        };
        if (model is not null)
        {
            body["model"] = model;
        }

        return body;
    }

    public async Task<(HttpResponseMessage Response, JsonElement Json)> PostAsync(object body)
    {
        var response = await Client.PostAsJsonAsync("/v1/chat/completions", body);
        var text = await response.Content.ReadAsStringAsync();
        return (response, JsonDocument.Parse(text).RootElement.Clone());
    }

    /// <summary>Posts a stream=true request and reads every SSE data line until the server closes the stream.</summary>
    public async Task<SseResult> StreamAsync(object body)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/v1/chat/completions")
        {
            Content = new StringContent(JsonSerializer.Serialize(body), Encoding.UTF8, "application/json"),
        };
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
        var started = System.Diagnostics.Stopwatch.StartNew();
        using var response = await Client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead);
        var headersAfter = started.Elapsed;
        var events = new List<SseEvent>();
        await using var stream = await response.Content.ReadAsStreamAsync();
        using var reader = new StreamReader(stream, Encoding.UTF8);
        while (await reader.ReadLineAsync() is { } line)
        {
            if (line.StartsWith("data: ", StringComparison.Ordinal))
            {
                events.Add(new SseEvent(line["data: ".Length..], started.Elapsed));
            }
        }

        return new SseResult((int)response.StatusCode, response.Content.Headers.ContentType?.MediaType, headersAfter, events);
    }

    /// <summary>The task id the rendered reply names (chat_resp.hbs ends with "Task `id`").</summary>
    public static string TaskIdIn(string content)
    {
        var match = System.Text.RegularExpressions.Regex.Match(content, "Task `([0-9a-f-]{36})`");
        Assert.That(match.Success, Is.True, $"no task id in the reply: {content}");
        return match.Groups[1].Value;
    }

    /// <summary>The task as /suno/fetch reports it.</summary>
    public async Task<JsonElement> TaskAsync(string id)
    {
        using var response = await Client.PostAsJsonAsync("/suno/fetch", new { ids = new[] { id } });
        var body = await response.ReadJsonAsync();
        Assert.That(body.GetProperty("data").GetArrayLength(), Is.EqualTo(1), body.ToString());
        return body.GetProperty("data")[0];
    }

    public async ValueTask DisposeAsync()
    {
        await Gateway.DisposeAsync();
        await Fake.DisposeAsync();
    }
}

public sealed record SseEvent(string Data, TimeSpan At)
{
    public bool IsDone => Data == "[DONE]";

    public JsonElement Json => JsonDocument.Parse(Data).RootElement.Clone();
}

public sealed record SseResult(int Status, string? ContentType, TimeSpan HeadersAfter, IReadOnlyList<SseEvent> Events)
{
    public IReadOnlyList<JsonElement> Chunks => Events.Where(e => !e.IsDone).Select(e => e.Json).ToList();

    /// <summary>The content deltas, in order (empty ones left out).</summary>
    public IReadOnlyList<string> Contents => Chunks
        .Where(c => c.TryGetProperty("choices", out var choices) && choices.GetArrayLength() > 0)
        .Select(c => c.GetProperty("choices")[0].GetProperty("delta"))
        .Where(d => d.TryGetProperty("content", out var content) && content.GetString() is { Length: > 0 })
        .Select(d => d.GetProperty("content").GetString()!)
        .ToList();

    public string Text => string.Concat(Contents);

    public override string ToString() => string.Join("\n", Events.Select(e => e.Data));
}
