using Suno.Application.Common.Tenancy;
using System.Text;
using System.Text.Json;
using Suno.Application.Common.Upstream;
using Suno.Domain.Clips;
using Suno.Infrastructure.Upstream;
using Suno.Infrastructure.Upstream.Clerk;
using Suno.Infrastructure.Upstream.Studio;

namespace Suno.Infrastructure.IntegrationTests.Upstream;

/// <summary>The pure parts of the upstream client: cookies, JWT expiry, Suno's detail, clip JSON, the generate body.</summary>
[TestFixture]
public sealed class UpstreamParsingTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 22, 12, 0, 0, TimeSpan.Zero);

    [Test]
    public void Set_cookie_replaces_adds_and_removes_cookies_keeping_the_order()
    {
        var merged = CookieString.Merge(
            "__client=old; ajs_anonymous_id=anon; gone=1; stale=2",
            [
                "__client=new; Path=/; Max-Age=7776000; HttpOnly; SameSite=Lax",
                "__client_uat=1732000000; Path=/; Max-Age=315360000",
                "gone=; Max-Age=0; Path=/",
                "stale=x; Expires=Thu, 01 Jan 1970 00:00:00 GMT",
            ],
            Now);

        Assert.That(merged, Is.EqualTo("__client=new; ajs_anonymous_id=anon; __client_uat=1732000000"));
    }

    [Test]
    public void Cookie_values_are_read_by_name()
    {
        const string cookie = "a=1; __client=abc.def=; ajs_anonymous_id=\"quoted-id\"";

        Assert.Multiple(() =>
        {
            Assert.That(CookieHeader.Get(cookie, "__client"), Is.EqualTo("abc.def="));
            Assert.That(CookieHeader.Get(cookie, "ajs_anonymous_id"), Is.EqualTo("quoted-id"));
            Assert.That(CookieHeader.Get(cookie, "missing"), Is.Null);
        });
    }

    [Test]
    public void The_jwt_expiry_is_read_from_the_payload_without_checking_the_signature()
    {
        var payload = Convert.ToBase64String(Encoding.UTF8.GetBytes("{\"sid\":\"sess_1\",\"exp\":1795000000}")).TrimEnd('=').Replace('+', '-').Replace('/', '_');

        Assert.Multiple(() =>
        {
            Assert.That(JwtClaims.ReadExpiry($"eyJhbGciOiJSUzI1NiJ9.{payload}.sig"), Is.EqualTo(DateTimeOffset.FromUnixTimeSeconds(1795000000).UtcDateTime));
            Assert.That(JwtClaims.ReadExpiry("not-a-jwt"), Is.Null);
            Assert.That(JwtClaims.ReadExpiry("a.@@@.c"), Is.Null);
        });
    }

    [TestCase("{\"detail\":\"Insufficient credits.\"}", "Insufficient credits.")]
    [TestCase("{\"detail\":[{\"loc\":[\"body\",\"title\"],\"msg\":\"Input should be a valid string\",\"type\":\"string_type\"},{\"loc\":[\"body\",\"mv\"],\"msg\":\"bad model\"}]}",
        "body.title: Input should be a valid string; body.mv: bad model")]
    [TestCase("{\"error\":\"x\"}", null)]
    [TestCase("<html>", null)]
    public void Sunos_detail_is_a_string_or_a_flattened_pydantic_list(string body, string? expected) =>
        Assert.That(UpstreamHttp.ReadDetail(body), Is.EqualTo(expected));

    [Test]
    public void A_clip_keeps_its_raw_json_and_unknown_statuses()
    {
        const string json = """
            {"id":"c1","status":"mystery","title":"T","audio_url":"","image_url":null,"model_name":"chirp-v3",
             "created_at":"2026-11-22T11:00:00.000Z","brand_new_field":{"x":1},
             "metadata":{"tags":"pop","prompt":"la","duration":"12.5","type":"gen","error_message":""}}
            """;

        var clip = ClipJson.Parse(JsonDocument.Parse(json).RootElement);

        Assert.Multiple(() =>
        {
            Assert.That(clip.Status, Is.EqualTo(ClipStatus.Unknown));
            Assert.That(clip.StatusText, Is.EqualTo("mystery"));
            Assert.That(clip.AudioUrl, Is.Null);
            Assert.That(clip.Duration, Is.EqualTo(12.5));
            Assert.That(clip.ErrorMessage, Is.Null);
            Assert.That(clip.CreatedAt, Is.EqualTo(new DateTime(2026, 11, 22, 11, 0, 0, DateTimeKind.Utc)));
            Assert.That(JsonDocument.Parse(clip.RawJson).RootElement.GetProperty("brand_new_field").GetProperty("x").GetInt32(), Is.EqualTo(1));
        });
    }

    [Test]
    public void The_generate_body_has_protocol_field_names()
    {
        var body = JsonDocument.Parse(SunoStudioClient.BuildGenerateBody(
            new GenerateRequest { Prompt = "lyrics", Tags = "pop", NegativeTags = "metal", Title = "T", Model = "chirp-crow", MakeInstrumental = true },
            captchaToken: null)).RootElement;
        var extend = JsonDocument.Parse(SunoStudioClient.BuildGenerateBody(GenerateRequest.Extend("c1", 109.96, "chirp-v3-5"), "P1_tok")).RootElement;
        var description = JsonDocument.Parse(SunoStudioClient.BuildGenerateBody(new GenerateRequest { GptDescriptionPrompt = "rain", Model = "chirp-v3-5" }, null)).RootElement;

        Assert.Multiple(() =>
        {
            Assert.That(body.GetProperty("prompt").GetString(), Is.EqualTo("lyrics"));
            Assert.That(body.GetProperty("tags").GetString(), Is.EqualTo("pop"));
            Assert.That(body.GetProperty("negative_tags").GetString(), Is.EqualTo("metal"));
            Assert.That(body.GetProperty("title").GetString(), Is.EqualTo("T"));
            Assert.That(body.GetProperty("mv").GetString(), Is.EqualTo("chirp-crow"));
            Assert.That(body.GetProperty("make_instrumental").GetBoolean(), Is.True);
            Assert.That(body.GetProperty("generation_type").GetString(), Is.EqualTo("TEXT"));
            Assert.That(body.GetProperty("token").ValueKind, Is.EqualTo(JsonValueKind.Null));
            Assert.That(body.TryGetProperty("gpt_description_prompt", out _), Is.False, "custom mode omits the description");

            Assert.That(extend.GetProperty("task").GetString(), Is.EqualTo("extend"));
            Assert.That(extend.GetProperty("continue_clip_id").GetString(), Is.EqualTo("c1"));
            Assert.That(extend.GetProperty("continue_at").GetDouble(), Is.EqualTo(109.96));
            Assert.That(extend.GetProperty("title").GetString(), Is.EqualTo(string.Empty), "extend always sends a string title");
            Assert.That(extend.GetProperty("token").GetString(), Is.EqualTo("P1_tok"));

            Assert.That(description.GetProperty("prompt").GetString(), Is.Empty);
            Assert.That(description.GetProperty("gpt_description_prompt").GetString(), Is.EqualTo("rain"));
        });
    }
}
