using System.Net.Http.Json;
using System.Text.Json;
using Suno.WebApi.FunctionalTests.Support;

namespace Suno.WebApi.FunctionalTests.Hosted;

/// <summary>Calls of the hosted family (/api/v1/*) as its clients make them: Bearer key, JSON, the code in the body.</summary>
public static class HostedApi
{
    public static async Task<JsonElement> PostAsync(HttpClient client, string path, object body, string? key = null, string? cookie = null)
    {
        ArgumentNullException.ThrowIfNull(client);
        using var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = JsonContent.Create(body) };
        return await SendAsync(client, request, key, cookie);
    }

    public static async Task<JsonElement> GetAsync(HttpClient client, string path, string? key = null, string? cookie = null)
    {
        ArgumentNullException.ThrowIfNull(client);
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        return await SendAsync(client, request, key, cookie);
    }

    /// <summary>Submits and returns data.taskId, failing with the body when the code is not 200.</summary>
    public static async Task<string> SubmitOkAsync(HttpClient client, string path, object body, string? key = null, string? cookie = null)
    {
        var json = await PostAsync(client, path, body, key, cookie);
        Assert.That(json.GetProperty("code").GetInt32(), Is.EqualTo(200), json.ToString());
        Assert.That(json.GetProperty("msg").GetString(), Is.EqualTo("success"));
        return json.GetProperty("data").GetProperty("taskId").GetString()!;
    }

    /// <summary>Reads record-info until its status is one of <paramref name="statuses"/>; returns data.</summary>
    public static async Task<JsonElement> WaitForAsync(HttpClient client, string taskId, string route = "generate", params string[] statuses)
    {
        JsonElement data = default;
        await Eventually.AssertAsync(
            async () =>
            {
                var json = await GetAsync(client, $"/api/v1/{route}/record-info?taskId={taskId}");
                Assert.That(json.GetProperty("code").GetInt32(), Is.EqualTo(200), json.ToString());
                data = json.GetProperty("data");
                return statuses.Contains(data.GetProperty("status").GetString());
            },
            $"task {taskId} is {string.Join(" or ", statuses)}",
            TimeSpan.FromSeconds(30));
        return data;
    }

    private static async Task<JsonElement> SendAsync(HttpClient client, HttpRequestMessage request, string? key, string? cookie)
    {
        if (cookie is not null)
        {
            request.Headers.Add("Cookie", cookie);
        }

        if (key is not null)
        {
            request.Headers.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", key);
        }

        using var response = await client.SendAsync(request);
        var body = await response.ReadJsonAsync();
        Assert.That((int)response.StatusCode, Is.EqualTo(200), $"the hosted family answers HTTP 200 with the code in the body: {body}");
        return body;
    }
}
