using System.Text.Json;
using Suno.FakeUpstream;
using Suno.WebApi.FunctionalTests.Tasks;

namespace Suno.WebApi.FunctionalTests.OpenAi;

/// <summary>POST /v1/chat/completions end to end against the fake Suno: shapes, progress, timeouts, errors.</summary>
[Parallelizable(ParallelScope.All)]
public sealed class ChatCompletionTests
{
    [Test]
    public async Task NonStream_AnswersAChatCompletion_HoldingTheRenderedSong()
    {
        await using var chat = await ChatGateway.StartAsync();

        var (response, json) = await chat.PostAsync(ChatGateway.Body("A jazz song about rain in Paris"));

        Assert.That((int)response.StatusCode, Is.EqualTo(200), json.ToString());
        var choice = json.GetProperty("choices")[0];
        var content = choice.GetProperty("message").GetProperty("content").GetString()!;
        var task = await chat.TaskAsync(ChatGateway.TaskIdIn(content));
        var clips = task.GetProperty("data").EnumerateArray().ToList();
        TestContext.Out.WriteLine(content);
        Assert.Multiple(() =>
        {
            Assert.That(response.Content.Headers.ContentType?.MediaType, Is.EqualTo("application/json"));
            Assert.That(json.GetProperty("id").GetString(), Does.StartWith("chatcmpl-"));
            Assert.That(json.GetProperty("object").GetString(), Is.EqualTo("chat.completion"));
            Assert.That(json.GetProperty("created").GetInt64(), Is.GreaterThan(1_700_000_000));
            Assert.That(json.GetProperty("model").GetString(), Is.EqualTo("chirp-v3-5"));
            Assert.That(choice.GetProperty("index").GetInt32(), Is.Zero);
            Assert.That(choice.GetProperty("message").GetProperty("role").GetString(), Is.EqualTo("assistant"));
            Assert.That(choice.GetProperty("finish_reason").GetString(), Is.EqualTo("stop"));
            var usage = json.GetProperty("usage");
            Assert.That(usage.GetProperty("completion_tokens").GetInt32(), Is.GreaterThan(0));
            Assert.That(usage.GetProperty("total_tokens").GetInt32(),
                Is.EqualTo(usage.GetProperty("prompt_tokens").GetInt32() + usage.GetProperty("completion_tokens").GetInt32()));

            Assert.That(task.GetProperty("status").GetString(), Is.EqualTo("SUCCESS"));
            Assert.That(clips, Has.Count.EqualTo(2));
            foreach (var clip in clips)
            {
                Assert.That(content, Does.Contain(clip.GetProperty("audio_url").GetString()), "each clip's audio URL");
                Assert.That(content, Does.Contain(clip.GetProperty("video_url").GetString()), "each clip's video URL");
                Assert.That(content, Does.Contain(clip.GetProperty("title").GetString()), "each clip's title");
                // Inspiration mode by default: the last user message is the description.
                Assert.That(clip.GetProperty("metadata").GetProperty("gpt_description_prompt").GetString(), Is.EqualTo("A jazz song about rain in Paris"));
            }

            Assert.That(chat.Generations, Is.EqualTo(1));
            Assert.That(chat.PlannerCalls, Is.Zero, "no planner is configured");
        });
    }

    [Test]
    public async Task Stream_SendsRoleFirst_ThenProgress_ThenTheSong_StopUsageAndDone()
    {
        // Clips take about three seconds, polled every second: several ticks.
        var slow = new FakeSunoOptions
        {
            QueuedAfter = TimeSpan.FromMilliseconds(500),
            StreamingAfter = TimeSpan.FromSeconds(2),
            CompleteAfter = TimeSpan.FromSeconds(3),
        };
        await using var chat = await ChatGateway.StartAsync(fakeOptions: slow);
        var body = ChatGateway.Body("An upbeat song about the sea", stream: true, model: "suno-v3.5");
        body["stream_options"] = new { include_usage = true };

        var result = await chat.StreamAsync(body);

        TestContext.Out.WriteLine(result.ToString());
        var chunks = result.Chunks;
        var first = chunks[0].GetProperty("choices")[0];
        var finishIndex = chunks.ToList().FindIndex(c => c.GetProperty("choices").GetArrayLength() > 0
            && c.GetProperty("choices")[0].GetProperty("finish_reason").ValueKind == JsonValueKind.String);
        var contents = result.Contents;
        Assert.Multiple(() =>
        {
            Assert.That(result.Status, Is.EqualTo(200));
            Assert.That(result.ContentType, Is.EqualTo("text/event-stream"));
            Assert.That(result.HeadersAfter, Is.LessThan(TimeSpan.FromSeconds(2)), "headers come at once, long before the song");
            Assert.That(first.GetProperty("delta").GetProperty("role").GetString(), Is.EqualTo("assistant"));
            Assert.That(first.GetProperty("index").GetInt32(), Is.Zero);
            Assert.That(chunks.All(c => c.GetProperty("object").GetString() == "chat.completion.chunk"), Is.True);
            Assert.That(chunks.Select(c => c.GetProperty("id").GetString()).Distinct().Count(), Is.EqualTo(1), "one id per completion");
            Assert.That(chunks.All(c => c.GetProperty("model").GetString() == "suno-v3.5"), Is.True);

            Assert.That(contents[0], Does.StartWith("🎵 Your song is being made"), "chat_stream_submit first");
            Assert.That(contents.Count(c => c == "🎵"), Is.GreaterThanOrEqualTo(2), "chat_stream_tick on each tick");
            Assert.That(contents[^1], Does.Contain("Audio:").And.Contain("Task `"), "chat_resp last");
            Assert.That(result.Events[1].At, Is.LessThan(result.Events[^4].At - TimeSpan.FromSeconds(1)), "progress arrives while the song is made");

            Assert.That(finishIndex, Is.EqualTo(chunks.Count - 2), "finish_reason stop just before the usage chunk");
            Assert.That(chunks[finishIndex].GetProperty("choices")[0].GetProperty("finish_reason").GetString(), Is.EqualTo("stop"));
            var usage = chunks[^1];
            Assert.That(usage.GetProperty("choices").GetArrayLength(), Is.Zero);
            Assert.That(usage.GetProperty("usage").GetProperty("total_tokens").GetInt32(), Is.GreaterThan(0));
            Assert.That(result.Events[^1].IsDone, Is.True, "data: [DONE] ends the stream");
        });

        var task = await chat.TaskAsync(ChatGateway.TaskIdIn(result.Text));
        foreach (var clip in task.GetProperty("data").EnumerateArray())
        {
            Assert.That(result.Text, Does.Contain(clip.GetProperty("audio_url").GetString()));
        }
    }

    [Test]
    public async Task Stream_WithoutIncludeUsage_HasNoUsageChunk()
    {
        await using var chat = await ChatGateway.StartAsync();

        var result = await chat.StreamAsync(ChatGateway.Body("A short lullaby", stream: true));

        var chunks = result.Chunks;
        Assert.Multiple(() =>
        {
            Assert.That(chunks.Any(c => c.TryGetProperty("usage", out _)), Is.False);
            Assert.That(chunks[^1].GetProperty("choices")[0].GetProperty("finish_reason").GetString(), Is.EqualTo("stop"));
            Assert.That(result.Events[^1].IsDone, Is.True);
        });
    }

    [Test]
    public async Task NonStream_Timeout_IsAn504InOpenAisEnvelope()
    {
        await using var chat = await ChatGateway.StartAsync(fakeOptions: NeverReady(), timeoutSeconds: 1);

        var (response, json) = await chat.PostAsync(ChatGateway.Body("A song that takes forever"));

        var error = json.GetProperty("error");
        Assert.Multiple(() =>
        {
            Assert.That((int)response.StatusCode, Is.EqualTo(504), json.ToString());
            Assert.That(response.Content.Headers.ContentType?.MediaType, Is.EqualTo("application/json"));
            Assert.That(error.GetProperty("type").GetString(), Is.EqualTo("timeout_error"));
            Assert.That(error.GetProperty("code").GetString(), Is.EqualTo("request_timeout"));
            Assert.That(error.GetProperty("message").GetString(), Does.Contain("not ready after 1 s").And.Contain("/suno/fetch/"));
        });
    }

    [Test]
    public async Task Stream_Timeout_EndsTheStreamWithAClearMessage_StopAndDone()
    {
        await using var chat = await ChatGateway.StartAsync(fakeOptions: NeverReady(), timeoutSeconds: 2);

        var result = await chat.StreamAsync(ChatGateway.Body("A song that takes forever", stream: true));

        var chunks = result.Chunks;
        Assert.Multiple(() =>
        {
            Assert.That(result.Status, Is.EqualTo(200));
            Assert.That(result.Contents[0], Does.StartWith("🎵 Your song is being made"));
            Assert.That(result.Contents[^1], Does.Contain("The song was not ready after 2 s").And.Contain("GET /suno/fetch/"));
            Assert.That(chunks[^1].GetProperty("choices")[0].GetProperty("finish_reason").GetString(), Is.EqualTo("stop"));
            Assert.That(result.Events[^1].IsDone, Is.True);
            Assert.That(result.Events[^1].At, Is.LessThan(TimeSpan.FromSeconds(10)));
        });
    }

    [TestCase(false)]
    [TestCase(true)]
    public async Task NoUserMessage_Is400_InOpenAisEnvelope_WithoutAGeneration(bool stream)
    {
        await using var chat = await ChatGateway.StartAsync();
        var body = ChatGateway.Body(null, stream, messages: [new { role = "system", content = "You are a helpful assistant." }]);

        var (response, json) = await chat.PostAsync(body);

        AssertOpenAiError(response, json, 400, "messages");
        Assert.That(json.GetProperty("error").GetProperty("message").GetString(), Does.Contain("no user message"));
        Assert.That(chat.Generations, Is.Zero);
    }

    [TestCase(false)]
    [TestCase(true)]
    public async Task UnknownModel_WithChatUnknownModelReject_Is400_InOpenAisEnvelope(bool stream)
    {
        await using var chat = await ChatGateway.StartAsync(settings: new Dictionary<string, string?> { ["Chat:UnknownModel"] = "reject" });

        var (response, json) = await chat.PostAsync(ChatGateway.Body("hello", stream, model: "gpt-4o"));

        AssertOpenAiError(response, json, 400, "model");
        Assert.That(json.GetProperty("error").GetProperty("message").GetString(), Does.Contain("gpt-4o").And.Contain("chirp-fenix"));
        Assert.That(chat.Generations, Is.Zero);
    }

    [TestCase(false)]
    [TestCase(true)]
    public async Task UnknownModel_ByDefault_RunsOnTheDefaultSunoModel_AndEchoesTheNameSent(bool stream)
    {
        // Tasks:DefaultModel is not the newest model here, so the fallback is seen to be the configured default.
        await using var chat = await ChatGateway.StartAsync(settings: new Dictionary<string, string?> { ["Tasks:DefaultModel"] = "chirp-v4" });

        var body = ChatGateway.Body("A jazz song about rain in Paris", stream, model: "gpt-4o");
        string content;
        if (stream)
        {
            var result = await chat.StreamAsync(body);
            Assert.That(result.Status, Is.EqualTo(200), result.ToString());
            Assert.That(result.Chunks.Select(c => c.GetProperty("model").GetString()), Is.All.EqualTo("gpt-4o"), result.ToString());
            content = result.Contents[^1];
        }
        else
        {
            var (response, json) = await chat.PostAsync(body);
            Assert.That((int)response.StatusCode, Is.EqualTo(200), json.ToString());
            Assert.That(json.GetProperty("model").GetString(), Is.EqualTo("gpt-4o"));
            content = json.GetProperty("choices")[0].GetProperty("message").GetProperty("content").GetString()!;
        }

        var task = await chat.TaskAsync(ChatGateway.TaskIdIn(content));
        var clips = task.GetProperty("data").EnumerateArray().ToList();
        Assert.That(clips, Has.Count.EqualTo(2), task.ToString());
        Assert.That(clips.Select(c => c.GetProperty("model_name").GetString()), Is.All.EqualTo("chirp-v4"), task.ToString());
        Assert.That(chat.Generations, Is.EqualTo(1));
    }

    [Test]
    public async Task MalformedJson_Is400_InOpenAisEnvelope_NotProblemDetails()
    {
        await using var chat = await ChatGateway.StartAsync();

        using var response = await chat.Client.PostAsync("/v1/chat/completions", Support.Json.Body("{\"messages\": [", "application/json"));
        var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;

        AssertOpenAiError(response, json, 400, null);
    }

    [Test]
    public async Task ContentParts_AreReadAsText()
    {
        await using var chat = await ChatGateway.StartAsync();
        var body = ChatGateway.Body(null, messages:
        [
            new { role = "user", content = new object[] { new { type = "text", text = "A waltz" }, new { type = "text", text = "about snow" } } },
        ]);

        var (response, json) = await chat.PostAsync(body);

        Assert.That((int)response.StatusCode, Is.EqualTo(200), json.ToString());
        var task = await chat.TaskAsync(ChatGateway.TaskIdIn(json.GetProperty("choices")[0].GetProperty("message").GetProperty("content").GetString()!));
        Assert.That(task.GetProperty("data")[0].GetProperty("metadata").GetProperty("gpt_description_prompt").GetString(), Is.EqualTo("A waltz\nabout snow"));
    }

    [Test]
    public async Task FailedSong_IsRenderedAsAFailure()
    {
        await using var chat = await ChatGateway.StartAsync();
        chat.Fake.State.FailNextGenerations(1, "Song Description flagged for moderation");

        var (response, json) = await chat.PostAsync(ChatGateway.Body("A song Suno refuses"));

        Assert.That((int)response.StatusCode, Is.EqualTo(200), json.ToString());
        Assert.That(json.GetProperty("choices")[0].GetProperty("message").GetProperty("content").GetString(),
            Does.Contain("could not be made").And.Contain("flagged for moderation"));
    }

    internal static void AssertOpenAiError(HttpResponseMessage response, JsonElement json, int status, string? param)
    {
        Assert.Multiple(() =>
        {
            Assert.That((int)response.StatusCode, Is.EqualTo(status), json.ToString());
            Assert.That(response.Content.Headers.ContentType?.MediaType, Is.EqualTo("application/json"), "not application/problem+json");
            Assert.That(json.TryGetProperty("title", out _), Is.False, "no ProblemDetails");
            var error = json.GetProperty("error");
            Assert.That(error.GetProperty("message").GetString(), Is.Not.Empty);
            Assert.That(error.GetProperty("type").GetString(), Is.EqualTo("invalid_request_error"));
            Assert.That(error.GetProperty("code").GetString(), Is.EqualTo("invalid_request"));
            if (param is null)
            {
                Assert.That(error.TryGetProperty("param", out _), Is.True);
            }
            else
            {
                Assert.That(error.GetProperty("param").GetString(), Is.EqualTo(param));
            }
        });
    }

    private static FakeSunoOptions NeverReady() => new()
    {
        QueuedAfter = TimeSpan.FromSeconds(1),
        StreamingAfter = TimeSpan.FromMinutes(10),
        CompleteAfter = TimeSpan.FromMinutes(20),
    };
}
