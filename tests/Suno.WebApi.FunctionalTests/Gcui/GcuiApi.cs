using System.Net.Http.Json;
using System.Text.Json;
using Suno.WebApi.FunctionalTests.Support;

namespace Suno.WebApi.FunctionalTests.Gcui;

/// <summary>Helpers for calling the /api/* routes the way gcui-art's clients do.</summary>
internal static class GcuiApi
{
    public static async Task<(HttpResponseMessage Response, JsonElement Body)> PostAsync(
        HttpClient client, string path, object body, string? cookie = null, string? idempotencyKey = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = JsonContent.Create(body) };
        if (cookie is not null)
        {
            request.Headers.Add("Cookie", cookie);
        }

        if (idempotencyKey is not null)
        {
            request.Headers.Add("Idempotency-Key", idempotencyKey);
        }

        var response = await client.SendAsync(request);
        return (response, await ReadAsync(response));
    }

    public static async Task<(HttpResponseMessage Response, JsonElement Body)> GetAsync(HttpClient client, string path, string? cookie = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        if (cookie is not null)
        {
            request.Headers.Add("Cookie", cookie);
        }

        var response = await client.SendAsync(request);
        return (response, await ReadAsync(response));
    }

    /// <summary>POST and expect 200: the body.</summary>
    public static async Task<JsonElement> PostOkAsync(HttpClient client, string path, object body, string? cookie = null)
    {
        var (response, json) = await PostAsync(client, path, body, cookie);
        using (response)
        {
            Assert.That((int)response.StatusCode, Is.EqualTo(200), $"POST {path}: {json}");
            return json;
        }
    }

    public static async Task<JsonElement> GetOkAsync(HttpClient client, string path, string? cookie = null)
    {
        var (response, json) = await GetAsync(client, path, cookie);
        using (response)
        {
            Assert.That((int)response.StatusCode, Is.EqualTo(200), $"GET {path}: {json}");
            return json;
        }
    }

    /// <summary>Asserts a gcui-art error: the status and exactly {"error": message}.</summary>
    public static void AssertError(HttpResponseMessage response, JsonElement body, int status, string? message = null, string? contains = null)
    {
        Assert.That((int)response.StatusCode, Is.EqualTo(status), body.ToString());
        Assert.That(body.ValueKind, Is.EqualTo(JsonValueKind.Object), body.ToString());
        Assert.That(body.EnumerateObject().Select(p => p.Name), Is.EqualTo(new[] { "error" }), body.ToString());
        var error = body.GetProperty("error").GetString();
        if (message is not null)
        {
            Assert.That(error, Is.EqualTo(message));
        }

        if (contains is not null)
        {
            Assert.That(error, Does.Contain(contains));
        }
    }

    /// <summary>Polls GET /api/get?ids= until every clip is streaming or complete (seed 000's loop).</summary>
    public static async Task<JsonElement> WaitUntilStreamingAsync(HttpClient client, IEnumerable<string> ids, string? cookie = null)
    {
        var path = "/api/get?ids=" + string.Join(',', ids);
        JsonElement clips = default;
        await Eventually.AssertAsync(
            async () =>
            {
                clips = await GetOkAsync(client, path, cookie);
                return clips.GetArrayLength() > 0
                       && clips.EnumerateArray().All(c => c.GetProperty("status").GetString() is "streaming" or "complete");
            },
            $"{path} shows every clip streaming or complete",
            TimeSpan.FromSeconds(30));
        return clips;
    }

    public static string[] IdsOf(JsonElement clips) => clips.EnumerateArray().Select(c => c.GetProperty("id").GetString()!).ToArray();

    private static async Task<JsonElement> ReadAsync(HttpResponseMessage response)
    {
        var text = await response.Content.ReadAsStringAsync();
        return text.Length == 0 ? default : JsonDocument.Parse(text).RootElement.Clone();
    }
}
