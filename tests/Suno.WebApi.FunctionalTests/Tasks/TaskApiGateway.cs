using System.Net.Http.Json;
using System.Text.Json;
using Suno.FakeUpstream;
using Suno.Infrastructure.IntegrationTests.Support;
using Suno.Infrastructure.Persistence;
using Suno.WebApi.FunctionalTests.Support;

namespace Suno.WebApi.FunctionalTests.Tasks;

/// <summary>A gateway wired to a fresh fake Suno with one configured account, and helpers for the task API.</summary>
public sealed class TaskApiGateway : IAsyncDisposable
{
    private TaskApiGateway(FakeSunoServer fake, FakeAccount account, Gateway gateway)
    {
        Fake = fake;
        Account = account;
        Gateway = gateway;
    }

    public FakeSunoServer Fake { get; }

    public FakeAccount Account { get; }

    public Gateway Gateway { get; }

    public HttpClient Client => Gateway.Client;

    public static async Task<TaskApiGateway> StartAsync(
        DatabaseProvider provider = DatabaseProvider.Sqlite,
        FakeSunoOptions? fakeOptions = null,
        int credits = 10_000,
        IReadOnlyDictionary<string, string?>? settings = null)
    {
        if (provider == DatabaseProvider.SqlServer)
        {
            SqlServerServer.RequireConfigured(); // skips before anything is started when TEST_SQLSERVER is unset
        }

        var fake = await FakeSunoServer.StartAsync(fakeOptions ?? FastClips());
        var account = fake.State.AddAccount(new FakeAccountSpec { Credits = credits });
        var all = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase)
        {
            ["Suno:Cookie"] = account.Cookie,
            ["Suno:BaseUrl"] = fake.BaseUrl.ToString(),
            ["Suno:ClerkBaseUrl"] = fake.ClerkBaseUrl.ToString(),
            ["Tasks:PollIntervalSeconds"] = "1",
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            all[key] = value;
        }

        try
        {
            return new TaskApiGateway(fake, account, await Gateway.StartAsync(provider, all));
        }
        catch
        {
            await fake.DisposeAsync();
            throw;
        }
    }

    /// <summary>Clips that move through their states in well under two seconds.</summary>
    public static FakeSunoOptions FastClips() => new()
    {
        QueuedAfter = TimeSpan.FromMilliseconds(100),
        StreamingAfter = TimeSpan.FromMilliseconds(300),
        CompleteAfter = TimeSpan.FromMilliseconds(600),
        LyricsCompleteAfter = TimeSpan.FromMilliseconds(300),
    };

    public async Task<(HttpResponseMessage Response, JsonElement Body)> SubmitAsync(
        string action, object body, string? idempotencyKey = null, string? cookie = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, $"/suno/submit/{action}") { Content = JsonContent.Create(body) };
        if (idempotencyKey is not null)
        {
            request.Headers.Add("Idempotency-Key", idempotencyKey);
        }

        if (cookie is not null)
        {
            request.Headers.Add("Cookie", cookie);
        }

        var response = await Client.SendAsync(request);
        return (response, await response.ReadJsonAsync());
    }

    /// <summary>Submits and returns the task id, failing the test with the body when the gateway refused.</summary>
    public async Task<string> SubmitOkAsync(string action, object body, string? idempotencyKey = null, string? cookie = null)
    {
        var (response, json) = await SubmitAsync(action, body, idempotencyKey, cookie);
        using (response)
        {
            Assert.That((int)response.StatusCode, Is.EqualTo(200), json.ToString());
            Assert.That(json.GetProperty("code").GetString(), Is.EqualTo("success"));
            return json.GetProperty("data").GetString()!;
        }
    }

    /// <summary>POST /suno/fetch for one id: the task object.</summary>
    public async Task<JsonElement> TaskAsync(string id)
    {
        using var response = await Client.PostAsJsonAsync("/suno/fetch", new { ids = new[] { id } });
        var body = await response.ReadJsonAsync();
        Assert.That(body.GetProperty("data").GetArrayLength(), Is.EqualTo(1), body.ToString());
        return body.GetProperty("data")[0];
    }

    public async Task<JsonElement> WaitForStatusAsync(string id, params string[] statuses)
    {
        JsonElement task = default;
        await Eventually.AssertAsync(
            async () =>
            {
                task = await TaskAsync(id);
                return statuses.Contains(task.GetProperty("status").GetString());
            },
            $"task {id} is {string.Join(" or ", statuses)}",
            TimeSpan.FromSeconds(30));
        return task;
    }

    public async ValueTask DisposeAsync()
    {
        await Gateway.DisposeAsync();
        await Fake.DisposeAsync();
    }
}
