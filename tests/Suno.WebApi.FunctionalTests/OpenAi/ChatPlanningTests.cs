using System.Text.Json;
using System.Text.Json.Nodes;
using Suno.FakeUpstream;

namespace Suno.WebApi.FunctionalTests.OpenAi;

/// <summary>
/// How a conversation becomes a song: the planner model's tool call (the fake plays it), the fallback to the last
/// user message, and the frontends' side requests that must not cost a song.
/// </summary>
[Parallelizable(ParallelScope.All)]
public sealed class ChatPlanningTests
{
    private const string Request = "A rock ballad about an old lighthouse";

    [Test]
    public async Task Planner_ToolCallArguments_ReachSuno()
    {
        await using var chat = await ChatGateway.StartAsync(planner: true);
        var body = ChatGateway.Body(null, messages:
        [
            new { role = "system", content = "You are a songwriter." },
            new { role = "user", content = "Something about the sea" },
            new { role = "assistant", content = "Here is a song about the sea." },
            new { role = "user", content = Request },
        ]);

        var (response, json) = await chat.PostAsync(body);

        Assert.That((int)response.StatusCode, Is.EqualTo(200), json.ToString());
        var content = json.GetProperty("choices")[0].GetProperty("message").GetProperty("content").GetString()!;
        var task = await chat.TaskAsync(ChatGateway.TaskIdIn(content));
        var plan = FakeOpenAiModel.PlanFor(Request);
        var asked = chat.Fake.State.OpenAi.Requests.Single();
        var tool = asked["tools"]![0]!["function"]!;
        Assert.Multiple(() =>
        {
            Assert.That(chat.PlannerCalls, Is.EqualTo(1));
            Assert.That(asked["model"]!.GetValue<string>(), Is.EqualTo("gpt-4o"), "Chat:OpenAiModel's default");
            Assert.That(asked["tool_choice"]!["function"]!["name"]!.GetValue<string>(), Is.EqualTo("generate_song"), "the tool is forced");
            Assert.That(tool["name"]!.GetValue<string>(), Is.EqualTo("generate_song"));
            Assert.That(tool["parameters"]!["properties"]!.AsObject().Select(p => p.Key),
                Is.EquivalentTo(new[] { "prompt", "tags", "title", "make_instrumental", "continue_clip_id", "continue_at" }));
            Assert.That(asked["messages"]!.AsArray().Select(m => m!["content"]!.GetValue<string>()),
                Does.Contain(Request).And.Contain("Something about the sea"), "the whole conversation is sent");

            foreach (var clip in task.GetProperty("data").EnumerateArray())
            {
                var metadata = clip.GetProperty("metadata");
                Assert.That(clip.GetProperty("title").GetString(), Is.EqualTo(plan["title"]!.GetValue<string>()));
                Assert.That(metadata.GetProperty("tags").GetString(), Is.EqualTo(plan["tags"]!.GetValue<string>()));
                Assert.That(metadata.GetProperty("prompt").GetString(), Is.EqualTo(plan["prompt"]!.GetValue<string>()), "custom mode: the planned lyrics");
                Assert.That(metadata.GetProperty("gpt_description_prompt").ValueKind, Is.AnyOf(JsonValueKind.Null, JsonValueKind.Undefined).Or.EqualTo(JsonValueKind.String));
                Assert.That(content, Does.Contain("Planned: A rock ballad about"));
            }
        });
    }

    [Test]
    public async Task PlannerFailure_FallsBackToTheLastUserMessage()
    {
        await using var chat = await ChatGateway.StartAsync(planner: true);
        chat.Fake.State.OpenAi.Failing = true;

        var (response, json) = await chat.PostAsync(ChatGateway.Body(Request));

        Assert.That((int)response.StatusCode, Is.EqualTo(200), json.ToString());
        var task = await chat.TaskAsync(ChatGateway.TaskIdIn(json.GetProperty("choices")[0].GetProperty("message").GetProperty("content").GetString()!));
        var clip = task.GetProperty("data")[0];
        Assert.Multiple(() =>
        {
            Assert.That(chat.PlannerCalls, Is.EqualTo(1), "asked once, not retried");
            Assert.That(clip.GetProperty("metadata").GetProperty("gpt_description_prompt").GetString(), Is.EqualTo(Request));
            Assert.That(clip.GetProperty("metadata").GetProperty("tags").GetString(), Does.Not.Contain("fake-llm"));
            var logs = string.Join("\n", chat.Gateway.Logs.Lines);
            Assert.That(logs, Does.Contain("Song planning").And.Contain("HTTP 500"), "the failure is logged");
            Assert.That(logs, Does.Not.Contain(chat.Fake.State.OpenAi.ApiKey), "never the key");
        });
    }

    [Test]
    public async Task PlannerRejectingTheKey_FallsBackToo()
    {
        await using var chat = await ChatGateway.StartAsync(planner: true, settings: new Dictionary<string, string?> { ["Chat:OpenAiKey"] = "sk-wrong" });

        var (response, json) = await chat.PostAsync(ChatGateway.Body(Request));

        Assert.That((int)response.StatusCode, Is.EqualTo(200), json.ToString());
        Assert.That(chat.PlannerCalls, Is.EqualTo(1));
        Assert.That(chat.Fake.State.OpenAi.Requests, Is.Empty, "the fake refused the call");
        Assert.That(chat.Generations, Is.EqualTo(1));
    }

    [Test]
    public async Task NextChatTitleRequest_IsAnsweredWithoutASong()
    {
        await using var chat = await ChatGateway.StartAsync(planner: true);
        var body = ChatGateway.Body(null, messages:
        [
            new { role = "user", content = Request },
            new { role = "assistant", content = "## Lighthouse\n- Audio: https://cdn1.suno.ai/x.mp3" },
            new
            {
                role = "user",
                content = "Please generate a four to five word title summarizing our conversation without any lead-in, punctuation, quotation marks, periods, symbols, bold text, or additional text. Remove enclosing quotation marks.",
            },
        ]);

        var (response, json) = await chat.PostAsync(body);

        Assert.Multiple(() =>
        {
            Assert.That((int)response.StatusCode, Is.EqualTo(200), json.ToString());
            Assert.That(json.GetProperty("object").GetString(), Is.EqualTo("chat.completion"));
            Assert.That(json.GetProperty("choices")[0].GetProperty("message").GetProperty("content").GetString(), Is.EqualTo("A Rock Ballad About An"));
            Assert.That(chat.Generations, Is.Zero, "no song for a title");
            Assert.That(chat.PlannerCalls, Is.Zero, "no planner call either");
        });
    }

    [Test]
    public async Task NextChatMemorySummary_IsAnsweredWithoutASong_InAStream()
    {
        await using var chat = await ChatGateway.StartAsync(planner: true);
        var body = ChatGateway.Body(null, stream: true, messages:
        [
            new { role = "user", content = Request },
            new { role = "assistant", content = "## Lighthouse" },
            new { role = "user", content = "Now one about a desert" },
            new { role = "assistant", content = "## Desert" },
            new { role = "system", content = "Summarize the discussion briefly in 200 words or less to use as a prompt for future context." },
        ]);

        var result = await chat.StreamAsync(body);

        Assert.Multiple(() =>
        {
            Assert.That(result.Status, Is.EqualTo(200));
            Assert.That(result.Text, Does.Contain(Request).And.Contain("Now one about a desert"));
            Assert.That(result.Chunks[^1].GetProperty("choices")[0].GetProperty("finish_reason").GetString(), Is.EqualTo("stop"));
            Assert.That(result.Events[^1].IsDone, Is.True);
            Assert.That(chat.Generations, Is.Zero, "no song for a summary");
            Assert.That(chat.PlannerCalls, Is.Zero);
        });
    }

    [Test]
    public async Task ErrorAfterTheHeaders_IsAnErrorEventThenDone()
    {
        await using var chat = await ChatGateway.StartAsync();
        chat.Account.Credits = 0;

        var result = await chat.StreamAsync(ChatGateway.Body(Request, stream: true));

        var error = result.Chunks.Single(c => c.TryGetProperty("error", out _)).GetProperty("error");
        Assert.Multiple(() =>
        {
            Assert.That(result.Status, Is.EqualTo(200), "the headers were out before Suno refused");
            Assert.That(result.Chunks[0].GetProperty("choices")[0].GetProperty("delta").GetProperty("role").GetString(), Is.EqualTo("assistant"));
            Assert.That(error.GetProperty("type").GetString(), Is.EqualTo("insufficient_quota"));
            Assert.That(error.GetProperty("message").GetString(), Is.Not.Empty);
            Assert.That(result.Events[^1].IsDone, Is.True);
        });
    }

    [Test]
    public async Task Models_ListEveryNameAndAlias_InOpenAisFormat()
    {
        await using var chat = await ChatGateway.StartAsync();

        var response = await chat.Client.GetAsync("/v1/models");
        var json = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        var models = json["data"]!.AsArray().Select(m => m!).ToList();
        var ids = models.Select(m => m["id"]!.GetValue<string>()).ToList();
        var alias = models.Single(m => m["id"]!.GetValue<string>() == "suno-v3.5");
        using var one = await chat.Client.GetAsync("/v1/models/V5");
        using var unknown = await chat.Client.GetAsync("/v1/models/gpt-4o");
        var unknownJson = JsonDocument.Parse(await unknown.Content.ReadAsStringAsync()).RootElement;

        Assert.Multiple(() =>
        {
            Assert.That((int)response.StatusCode, Is.EqualTo(200));
            Assert.That(json["object"]!.GetValue<string>(), Is.EqualTo("list"));
            Assert.That(ids, Is.SupersetOf(new[] { "chirp-v3-5", "chirp-fenix", "chirp-crow", "suno-v3", "suno-v3.5", "V4_5PLUS", "V5_5" }));
            Assert.That(models.All(m => m["object"]!.GetValue<string>() == "model" && m["owned_by"]!.GetValue<string>() == "suno"), Is.True);
            Assert.That(alias["root"]!.GetValue<string>(), Is.EqualTo("chirp-v3-5"));
            Assert.That((int)one.StatusCode, Is.EqualTo(200));
            Assert.That((int)unknown.StatusCode, Is.EqualTo(404));
            Assert.That(unknownJson.GetProperty("error").GetProperty("code").GetString(), Is.EqualTo("model_not_found"));
        });
    }

    [Test]
    public async Task OpenApi_DocumentsTheChatRoute_JsonFirst()
    {
        await using var chat = await ChatGateway.StartAsync();

        var document = JsonNode.Parse(await chat.Client.GetStringAsync("/openapi/v1.json"))!;
        var post = document["paths"]!["/v1/chat/completions"]!["post"]!;
        var ok = post["responses"]!["200"]!["content"]!.AsObject().Select(p => p.Key).ToList();

        Assert.Multiple(() =>
        {
            Assert.That(post["operationId"]!.GetValue<string>(), Is.EqualTo("CreateChatCompletion"));
            Assert.That(ok, Is.EqualTo(new[] { "application/json", "text/event-stream" }), "NSwag types the result from the first");
            Assert.That(post["responses"]!.AsObject().Select(p => p.Key), Is.SupersetOf(new[] { "400", "402", "504" }));
            Assert.That(document["paths"]!["/v1/models"]!["get"]!["operationId"]!.GetValue<string>(), Is.EqualTo("ListModels"));
        });
    }
}
