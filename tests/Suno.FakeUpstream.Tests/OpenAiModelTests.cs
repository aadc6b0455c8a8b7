using System.Net;
using System.Text.Json.Nodes;

namespace Suno.FakeUpstream.Tests;

/// <summary>The fake OpenAI-compatible model the gateway's chat route plans songs with.</summary>
public class OpenAiModelTests : FakeSunoTestBase
{
    private const string Path = "/openai/v1/chat/completions";

    private static Dictionary<string, object?> PlanningRequest(string lastUserMessage) => new Dictionary<string, object?>
    {
        ["model"] = "gpt-4o",
        ["messages"] = new object[]
        {
            new { role = "system", content = "You write songs." },
            new { role = "user", content = "an earlier request" },
            new { role = "assistant", content = "an earlier song" },
            new { role = "user", content = lastUserMessage },
        },
        ["tools"] = new object[]
        {
            new { type = "function", function = new { name = "generate_song", parameters = new { type = "object" } } },
        },
        ["tool_choice"] = new { type = "function", function = new { name = "generate_song" } },
    };

    [Test]
    public async Task ToolCall_IsDerivedFromTheLastUserMessage()
    {
        var (response, json) = await SendAsync(HttpMethod.Post, Path, State.OpenAi.ApiKey, PlanningRequest("A sad song about autumn leaves"));

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), json?.ToJsonString());
        var message = json!["choices"]![0]!["message"]!;
        var call = message["tool_calls"]![0]!;
        var arguments = JsonNode.Parse(call["function"]!["arguments"]!.GetValue<string>())!;
        Assert.Multiple(() =>
        {
            Assert.That(json["object"]!.GetValue<string>(), Is.EqualTo("chat.completion"));
            Assert.That(json["choices"]![0]!["finish_reason"]!.GetValue<string>(), Is.EqualTo("tool_calls"));
            Assert.That(message["role"]!.GetValue<string>(), Is.EqualTo("assistant"));
            Assert.That(call["type"]!.GetValue<string>(), Is.EqualTo("function"));
            Assert.That(call["function"]!["name"]!.GetValue<string>(), Is.EqualTo("generate_song"));
            Assert.That(arguments["title"]!.GetValue<string>(), Is.EqualTo("Planned: A sad song about"));
            Assert.That(arguments["tags"]!.GetValue<string>(), Does.StartWith("fake-llm"));
            Assert.That(arguments["prompt"]!.GetValue<string>(), Does.Contain("A sad song about autumn leaves"));
            Assert.That(arguments["make_instrumental"]!.GetValue<bool>(), Is.False);
            Assert.That(JsonNode.DeepEquals(arguments, FakeOpenAiModel.PlanFor("A sad song about autumn leaves")), Is.True, "deterministic");
        });
    }

    [Test]
    public async Task Instrumental_IsPlannedWithoutLyrics()
    {
        var (_, json) = await SendAsync(HttpMethod.Post, Path, State.OpenAi.ApiKey, PlanningRequest("an instrumental piano piece"));

        var arguments = JsonNode.Parse(json!["choices"]![0]!["message"]!["tool_calls"]![0]!["function"]!["arguments"]!.GetValue<string>())!;
        Assert.Multiple(() =>
        {
            Assert.That(arguments["make_instrumental"]!.GetValue<bool>(), Is.True);
            Assert.That(arguments["prompt"]!.GetValue<string>(), Is.Empty);
        });
    }

    [TestCase(null)]
    [TestCase("sk-wrong")]
    public async Task WrongOrMissingKey_Is401_InOpenAisEnvelope(string? key)
    {
        var (response, json) = await SendAsync(HttpMethod.Post, Path, key, PlanningRequest("hello"));

        Assert.Multiple(() =>
        {
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized));
            Assert.That(json!["error"]!["code"]!.GetValue<string>(), Is.EqualTo("invalid_api_key"));
            Assert.That(State.OpenAi.Requests, Is.Empty);
        });
    }

    [Test]
    public async Task NoTool_Is400()
    {
        var (response, json) = await SendAsync(HttpMethod.Post, Path, State.OpenAi.ApiKey, new { model = "m", messages = new[] { new { role = "user", content = "hi" } } });

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
        Assert.That(json!["error"]!["type"]!.GetValue<string>(), Is.EqualTo("invalid_request_error"));
    }

    [Test]
    public async Task FailingSwitch_Answers500_AndCountsEveryCall()
    {
        State.OpenAi.Failing = true;
        var (failed, json) = await SendAsync(HttpMethod.Post, Path, State.OpenAi.ApiKey, PlanningRequest("hello"));
        State.OpenAi.Failing = false;
        var (ok, _) = await SendAsync(HttpMethod.Post, Path, State.OpenAi.ApiKey, PlanningRequest("hello"));

        Assert.Multiple(() =>
        {
            Assert.That(failed.StatusCode, Is.EqualTo(HttpStatusCode.InternalServerError));
            Assert.That(json!["error"]!["type"]!.GetValue<string>(), Is.EqualTo("server_error"));
            Assert.That(ok.StatusCode, Is.EqualTo(HttpStatusCode.OK));
            Assert.That(State.Counters.Get(FakeSunoEndpoints.OpenAiChatCompletions), Is.EqualTo(2));
            Assert.That(State.OpenAi.Requests, Has.Count.EqualTo(1), "only the answered call is recorded");
            Assert.That(State.OpenAi.Requests[0]["tool_choice"]!["function"]!["name"]!.GetValue<string>(), Is.EqualTo("generate_song"));
        });
    }

    [Test]
    public async Task EndpointFaults_Apply()
    {
        State.Faults.FailNext(1, 503, FakeSunoEndpoints.OpenAiChatCompletions);

        var (failed, _) = await SendAsync(HttpMethod.Post, Path, State.OpenAi.ApiKey, PlanningRequest("hello"));
        var (ok, _) = await SendAsync(HttpMethod.Post, Path, State.OpenAi.ApiKey, PlanningRequest("hello"));

        Assert.That(failed.StatusCode, Is.EqualTo(HttpStatusCode.ServiceUnavailable));
        Assert.That(ok.StatusCode, Is.EqualTo(HttpStatusCode.OK));
    }

    [Test]
    public void BaseUrl_IsUnderTheOpenAiPrefix_AndTheStudioRoutesStayWhereTheyWere()
    {
        Assert.That(Server.OpenAiBaseUrl.ToString(), Is.EqualTo(Server.BaseUrl + "openai/v1/"));
    }

    [Test]
    public async Task ClerkAndStudioRoutes_AreUnchanged()
    {
        var account = State.AddAccount();
        var jwt = await LoginAsync(account);

        var billing = await GetOkAsync("/api/billing/info/", jwt);

        Assert.That(billing["total_credits_left"], Is.Not.Null);
    }
}
