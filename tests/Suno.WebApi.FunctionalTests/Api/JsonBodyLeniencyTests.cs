using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Suno.WebApi.FunctionalTests.Support;
using Suno.WebApi.FunctionalTests.Tasks;

namespace Suno.WebApi.FunctionalTests.Api;

/// <summary>
/// Every JSON route of every family reads its body as JSON whatever the client declared, when it declared no type or
/// form-urlencoded (curl -d), as both reference gateways do; another declared type stays a 415, and a body that is
/// not JSON stays a 400 in the family's envelope.
/// </summary>
[TestFixture]
public sealed class JsonBodyLeniencyTests
{
    /// <summary>Every POST route that takes a JSON body, with a body it answers 200 to ({clip} is a made clip's id).</summary>
    private static readonly (string Path, string Body)[] Routes =
    [
        ("/suno/submit/music", """{"gpt_description_prompt":"a calm piano piece"}"""),
        ("/suno/submit/lyrics", """{"prompt":"a song about the sea"}"""),
        ("/suno/fetch", """{"ids":[]}"""),
        ("/api/generate", """{"prompt":"lo-fi with rain"}"""),
        ("/api/custom_generate", """{"prompt":"[Verse]\nNeon lights","tags":"synthwave","title":"Night Drive"}"""),
        ("/api/extend_audio", """{"audio_id":"{clip}","continue_at":10}"""),
        ("/api/generate_lyrics", """{"prompt":"a song about the sea"}"""),
        ("/api/concat", """{"clip_id":"{clip}"}"""),
        ("/api/generate_stems", """{"audio_id":"{clip}"}"""),
        ("/v1/chat/completions", """{"model":"chirp-v3-5","messages":[{"role":"user","content":"a jazz song"}]}"""),
    ];

    private static readonly string[] Paths = Routes.Select(r => r.Path).ToArray();

    private TaskApiGateway _gateway = null!;
    private string _clipId = null!;

    [OneTimeSetUp]
    public async Task StartAsync()
    {
        _gateway = await TaskApiGateway.StartAsync();
        using var response = await _gateway.Client.PostAsync("/api/generate", Json.Body("""{"prompt":"a clip to extend","wait_audio":true}"""));
        var clips = await response.ReadJsonAsync();
        Assert.That((int)response.StatusCode, Is.EqualTo(200), clips.ToString());
        _clipId = clips[0].GetProperty("id").GetString()!;
        await Eventually.AssertAsync(
            async () =>
            {
                using var get = await _gateway.Client.GetAsync($"/api/get?ids={_clipId}");
                return (await get.ReadJsonAsync())[0].GetProperty("status").GetString() == "complete";
            },
            "the clip is complete",
            TimeSpan.FromSeconds(30));
    }

    [OneTimeTearDown]
    public async Task StopAsync() => await _gateway.DisposeAsync();

    [TestCaseSource(nameof(Paths))]
    public async Task A_json_body_without_a_content_type_is_read_as_json(string path)
    {
        using var content = new ByteArrayContent(Encoding.UTF8.GetBytes(BodyOf(path)));
        Assert.That(content.Headers.ContentType, Is.Null, "the request carries no Content-Type");

        await AssertOkAsync(path, content);
    }

    [TestCaseSource(nameof(Paths))]
    public async Task A_json_body_sent_as_form_urlencoded_like_curl_d_is_read_as_json(string path)
    {
        using var content = new StringContent(BodyOf(path), Encoding.UTF8, "application/x-www-form-urlencoded");

        await AssertOkAsync(path, content);
    }

    [TestCaseSource(nameof(Paths))]
    public async Task Another_declared_type_stays_415_in_the_family_envelope(string path)
    {
        using var content = new StringContent(BodyOf(path), Encoding.UTF8, "text/xml");
        using var response = await _gateway.Client.PostAsync(path, content);
        var body = await response.ReadJsonAsync();

        Assert.That((int)response.StatusCode, Is.EqualTo(415), body.ToString());
        Assert.That(MessageIn(path, body), Does.Contain("application/json"), body.ToString());
    }

    [TestCaseSource(nameof(Paths))]
    public async Task Malformed_json_without_a_content_type_stays_400_in_the_family_envelope(string path)
    {
        foreach (var contentType in new[] { null, "application/x-www-form-urlencoded" })
        {
            using var content = new ByteArrayContent(Encoding.UTF8.GetBytes("""{"prompt": "unterminated"""));
            if (contentType is not null)
            {
                content.Headers.ContentType = new MediaTypeHeaderValue(contentType);
            }

            using var response = await _gateway.Client.PostAsync(path, content);
            var body = await response.ReadJsonAsync();

            Assert.That((int)response.StatusCode, Is.EqualTo(400), $"{contentType ?? "no type"}: {body}");
            Assert.That(MessageIn(path, body), Does.Contain("not valid JSON"), body.ToString());
        }
    }

    [Test]
    public async Task Curl_d_without_a_header_submits_a_task()
    {
        var curl = Environment.GetEnvironmentVariable("PATH")?.Split(Path.PathSeparator)
            .Select(d => Path.Combine(d, "curl")).FirstOrDefault(File.Exists);
        if (curl is null)
        {
            Assert.Ignore("curl is not installed");
        }

        var url = new Uri(_gateway.Client.BaseAddress!, "/suno/submit/music");
        using var process = System.Diagnostics.Process.Start(new System.Diagnostics.ProcessStartInfo(curl!)
        {
            ArgumentList = { "-s", "-X", "POST", url.ToString(), "-d", """{"gpt_description_prompt":"curl -d"}""" },
            RedirectStandardOutput = true,
        })!;
        var output = await process.StandardOutput.ReadToEndAsync();
        await process.WaitForExitAsync();

        using var body = JsonDocument.Parse(output);
        Assert.That(body.RootElement.GetProperty("code").GetString(), Is.EqualTo("success"), output);
        Assert.That(Guid.TryParse(body.RootElement.GetProperty("data").GetString(), out _), Is.True, output);
    }

    private string BodyOf(string path) => Routes.Single(r => r.Path == path).Body.Replace("{clip}", _clipId, StringComparison.Ordinal);

    private async Task AssertOkAsync(string path, HttpContent content)
    {
        using var response = await _gateway.Client.PostAsync(path, content);
        var text = await response.Content.ReadAsStringAsync();

        Assert.That((int)response.StatusCode, Is.EqualTo(200), text);
        using var body = JsonDocument.Parse(text);
        if (path.StartsWith("/suno/", StringComparison.Ordinal))
        {
            Assert.That(body.RootElement.GetProperty("code").GetString(), Is.EqualTo("success"), text);
        }
    }

    /// <summary>The error message in the route's family envelope (which the shape check also asserts).</summary>
    private static string? MessageIn(string path, JsonElement body)
    {
        if (path.StartsWith("/suno/", StringComparison.Ordinal))
        {
            Assert.That(body.GetProperty("code").GetString(), Is.EqualTo("invalid_request"), body.ToString());
            return body.GetProperty("message").GetString();
        }

        if (path.StartsWith("/v1/", StringComparison.Ordinal))
        {
            return body.GetProperty("error").GetProperty("message").GetString();
        }

        Assert.That(body.EnumerateObject().Select(p => p.Name), Is.EqualTo(new[] { "error" }), body.ToString());
        return body.GetProperty("error").GetString();
    }
}
