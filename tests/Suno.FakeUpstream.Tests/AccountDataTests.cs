using System.Net;
using System.Text.Json;

namespace Suno.FakeUpstream.Tests;

public class AccountDataTests : FakeSunoTestBase
{
    [Test]
    public async Task Billing_FreeAccount_ReportsBothCreditFieldsAndDailyPeriod()
    {
        var account = State.AddAccount(new FakeAccountSpec { Credits = 50 });
        var jwt = State.IssueJwt(account);
        await PostOkAsync("/api/generate/v2/", jwt, CustomSong());

        var json = await GetOkAsync("/api/billing/info/", jwt);

        Assert.Multiple(() =>
        {
            Assert.That(json["total_credits_left"]!.GetValue<int>(), Is.EqualTo(40));
            Assert.That(json["credits_left"]!.GetValue<int>(), Is.EqualTo(40));
            Assert.That(json["period"]!.GetValue<string>(), Is.EqualTo("day"));
            Assert.That(json["monthly_limit"]!.GetValue<int>(), Is.EqualTo(50));
            Assert.That(json["monthly_usage"]!.GetValue<int>(), Is.EqualTo(10));
            Assert.That(json["is_active"]!.GetValue<bool>(), Is.False);
            Assert.That(json["subscription_type"]!.GetValueKind(), Is.EqualTo(JsonValueKind.False));
            Assert.That(json["plan"]!["id"]!.GetValue<string>(), Is.EqualTo("free"));
            Assert.That(json["models"]!.AsArray().Select(m => m!["external_key"]!.GetValue<string>()), Does.Contain("chirp-v3-5"));
            Assert.That(json["models"]![0]!["max_lengths"]!["prompt"]!.GetValue<int>(), Is.EqualTo(5000));
        });
    }

    [Test]
    public async Task Billing_ProAccount_IsActiveMonthly()
    {
        var jwt = State.IssueJwt(State.AddAccount(new FakeAccountSpec { Plan = FakePlan.Pro, Credits = 2500 }));

        var json = await GetOkAsync("/api/billing/info/", jwt);

        Assert.That(json["is_active"]!.GetValue<bool>(), Is.True);
        Assert.That(json["period"]!.GetValue<string>(), Is.EqualTo("month"));
        Assert.That(json["subscription_type"]!.GetValue<string>(), Is.EqualTo("PRO"));
        Assert.That(json["models"]!.AsArray().Select(m => m!["can_use"]!.GetValue<bool>()), Is.All.True);
    }

    [Test]
    public async Task Persona_ReturnsPersonaShapeAndPages()
    {
        var owner = State.AddAccount();
        var reader = State.AddAccount();
        var clipIds = Enumerable.Range(0, 22).Select(i => State.SeedClip(owner, $"P{i}", isPublic: true).Id).ToList();
        var persona = State.AddPersona(owner, "Nova", "A bright voice", clipIds);
        var jwt = State.IssueJwt(reader);

        var page1 = await GetOkAsync($"/api/persona/get-persona-paginated/{persona.Id}/?page=1", jwt);
        var page2 = await GetOkAsync($"/api/persona/get-persona-paginated/{persona.Id}/?page=2", jwt);

        var p = page1["persona"]!;
        Assert.Multiple(() =>
        {
            Assert.That(p["id"]!.GetValue<string>(), Is.EqualTo(persona.Id));
            Assert.That(p["name"]!.GetValue<string>(), Is.EqualTo("Nova"));
            Assert.That(p["description"]!.GetValue<string>(), Is.EqualTo("A bright voice"));
            Assert.That(p["root_clip_id"]!.GetValue<string>(), Is.EqualTo(clipIds[0]));
            Assert.That(p["clip"]!["id"]!.GetValue<string>(), Is.EqualTo(clipIds[0]));
            Assert.That(p["persona_clips"]!.AsArray(), Has.Count.EqualTo(20));
            Assert.That(p["persona_clips"]![0]!["clip"]!["id"]!.GetValue<string>(), Is.EqualTo(clipIds[0]));
            Assert.That(p["user_handle"]!.GetValue<string>(), Is.EqualTo(owner.Handle));
            Assert.That(p["is_owned"]!.GetValue<bool>(), Is.False);
            Assert.That(p["is_public"]!.GetValue<bool>(), Is.True);
            Assert.That(p["clip_count"]!.GetValue<int>(), Is.EqualTo(22));
            foreach (var key in new[] { "image_s3_id", "user_display_name", "user_image_url", "is_suno_persona", "is_trashed", "is_public_approved", "is_loved", "upvote_count" })
            {
                Assert.That(p.AsObject().ContainsKey(key), Is.True, key);
            }

            Assert.That(page1["total_results"]!.GetValue<int>(), Is.EqualTo(22));
            Assert.That(page1["current_page"]!.GetValue<int>(), Is.EqualTo(1));
            Assert.That(page1["is_following"]!.GetValue<bool>(), Is.False);
            Assert.That(page2["persona"]!["persona_clips"]!.AsArray(), Has.Count.EqualTo(2));
        });
    }

    [Test]
    public async Task Persona_PrivateOfAnotherAccountOrUnknown_Returns404()
    {
        var owner = State.AddAccount();
        var persona = State.AddPersona(owner, isPublic: false);
        var strangerJwt = State.IssueJwt(State.AddAccount());

        var (privateOne, _) = await SendAsync(HttpMethod.Get, $"/api/persona/get-persona-paginated/{persona.Id}/?page=1", strangerJwt);
        var (ownerView, _) = await SendAsync(HttpMethod.Get, $"/api/persona/get-persona-paginated/{persona.Id}/?page=1", State.IssueJwt(owner));
        var (unknown, json) = await SendAsync(HttpMethod.Get, $"/api/persona/get-persona-paginated/{Guid.NewGuid()}/", strangerJwt);

        Assert.That(privateOne.StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
        Assert.That(ownerView.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(unknown.StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
        Assert.That(json!["detail"]!.GetValue<string>(), Is.EqualTo("Not found"));
    }
}
