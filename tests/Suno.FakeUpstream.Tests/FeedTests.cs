using System.Net;
using System.Text.Json;

namespace Suno.FakeUpstream.Tests;

public class FeedTests : FakeSunoTestBase
{
    [Test]
    public async Task FeedV2_ByIds_ReturnsObjectWithClips()
    {
        var jwt = State.IssueJwt(State.AddAccount());
        var ids = ClipIds(await PostOkAsync("/api/generate/v2/", jwt, CustomSong()));

        var json = await GetOkAsync($"/api/feed/v2?ids={ids[0]},{ids[1]}&page=0", jwt);

        Assert.Multiple(() =>
        {
            Assert.That(json.GetValueKind(), Is.EqualTo(JsonValueKind.Object));
            Assert.That(json["clips"]!.AsArray().Select(c => c!["id"]!.GetValue<string>()), Is.EqualTo(ids));
            Assert.That(json["num_total_results"]!.GetValue<int>(), Is.EqualTo(2));
            Assert.That(json["current_page"]!.GetValue<int>(), Is.Zero);
            Assert.That(json["has_more"]!.GetValue<bool>(), Is.False);
        });
    }

    [Test]
    public async Task FeedV2_ByMoreThan20Ids_PagesToo()
    {
        var account = State.AddAccount();
        var jwt = State.IssueJwt(account);
        var ids = Enumerable.Range(0, 23).Select(i => State.SeedClip(account, $"Song {i}").Id).ToList();

        var page0 = await GetOkAsync($"/api/feed/v2?ids={string.Join(',', ids)}", jwt);
        var page1 = await GetOkAsync($"/api/feed/v2?ids={string.Join(',', ids)}&page=1", jwt);

        Assert.That(page0["clips"]!.AsArray().Select(c => c!["id"]!.GetValue<string>()), Is.EqualTo(ids.Take(20)));
        Assert.That(page0["has_more"]!.GetValue<bool>(), Is.True);
        Assert.That(page0["num_total_results"]!.GetValue<int>(), Is.EqualTo(23));
        Assert.That(page1["clips"]!.AsArray().Select(c => c!["id"]!.GetValue<string>()), Is.EqualTo(ids.Skip(20)));
    }

    [Test]
    public async Task LegacyFeed_ByIds_ReturnsBareArray()
    {
        var jwt = State.IssueJwt(State.AddAccount());
        var ids = ClipIds(await PostOkAsync("/api/generate/v2/", jwt, CustomSong()));

        var json = await GetOkAsync($"/api/feed/?ids={string.Join(',', ids)}", jwt);

        Assert.That(json.GetValueKind(), Is.EqualTo(JsonValueKind.Array));
        Assert.That(json.AsArray().Select(c => c!["id"]!.GetValue<string>()), Is.EquivalentTo(ids));
    }

    [Test]
    public async Task FeedV2_WithoutIds_PagesTheAccountsRecentClips()
    {
        var account = State.AddAccount();
        var jwt = State.IssueJwt(account);
        for (var i = 0; i < 25; i++)
        {
            State.SeedClip(account, $"Song {i}");
        }

        var page0 = await GetOkAsync("/api/feed/v2?page=0", jwt);
        var page1 = await GetOkAsync("/api/feed/v2?page=1", jwt);

        Assert.Multiple(() =>
        {
            Assert.That(page0["clips"]!.AsArray(), Has.Count.EqualTo(20));
            Assert.That(page0["clips"]![0]!["title"]!.GetValue<string>(), Is.EqualTo("Song 24"), "newest first");
            Assert.That(page0["has_more"]!.GetValue<bool>(), Is.True);
            Assert.That(page0["num_total_results"]!.GetValue<int>(), Is.EqualTo(25));
            Assert.That(page1["clips"]!.AsArray(), Has.Count.EqualTo(5));
            Assert.That(page1["current_page"]!.GetValue<int>(), Is.EqualTo(1));
            Assert.That(page1["has_more"]!.GetValue<bool>(), Is.False);
        });
    }

    [Test]
    public async Task Feed_DoesNotShowOtherAccountsPrivateClips()
    {
        var owner = State.AddAccount();
        var stranger = State.AddAccount();
        var privateClip = State.SeedClip(owner);
        var publicClip = State.SeedClip(owner, isPublic: true);
        var strangerJwt = State.IssueJwt(stranger);

        var feed = await GetOkAsync($"/api/feed/v2?ids={privateClip.Id},{publicClip.Id}", strangerJwt);
        var recent = await GetOkAsync("/api/feed/v2", strangerJwt);
        var (clip, json) = await SendAsync(HttpMethod.Get, $"/api/clip/{privateClip.Id}", strangerJwt);

        Assert.That(feed["clips"]!.AsArray().Select(c => c!["id"]!.GetValue<string>()), Is.EqualTo(new[] { publicClip.Id }));
        Assert.That(recent["clips"]!.AsArray(), Is.Empty);
        Assert.That(clip.StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
        Assert.That(json!.ToJsonString(), Is.EqualTo("""{"detail":"Not found"}"""));
    }

    [Test]
    public async Task FeedV3_PagesWithCursor_AndFiltersByIds()
    {
        var account = State.AddAccount();
        var jwt = State.IssueJwt(account);
        var ids = Enumerable.Range(0, 5).Select(i => State.SeedClip(account, $"Song {i}").Id).ToList();

        var first = await PostOkAsync("/api/feed/v3", jwt, new { cursor = (string?)null, limit = 3, filters = new { disliked = "False", trashed = "False" } });
        var second = await PostOkAsync("/api/feed/v3", jwt, new { cursor = first["next_cursor"]!.GetValue<string>(), limit = 3 });
        var byIds = await PostOkAsync("/api/feed/v3", jwt, new { limit = 20, filters = new { ids = new { presence = "True", clipIds = new[] { ids[1], ids[3] } } } });

        Assert.Multiple(() =>
        {
            Assert.That(first["clips"]!.AsArray(), Has.Count.EqualTo(3));
            Assert.That(first["has_more"]!.GetValue<bool>(), Is.True);
            Assert.That(second["clips"]!.AsArray(), Has.Count.EqualTo(2));
            Assert.That(second["has_more"]!.GetValue<bool>(), Is.False);
            Assert.That(second["next_cursor"], Is.Null);
            Assert.That(byIds["clips"]!.AsArray().Select(c => c!["id"]!.GetValue<string>()), Is.EqualTo(new[] { ids[1], ids[3] }));
        });
    }

    [Test]
    public async Task CompleteClip_DurationIsSerialisedAsAFloat()
    {
        var account = State.AddAccount();
        var jwt = State.IssueJwt(account);
        var ids = Enumerable.Range(0, 30).Select(_ => State.SeedClip(account).Id).ToList();

        using var request = Studio(HttpMethod.Get, $"/api/feed/?ids={string.Join(',', ids)}", jwt);
        using var response = await Http.SendAsync(request);
        using var document = JsonDocument.Parse(await response.Content.ReadAsStringAsync());

        var raw = document.RootElement.EnumerateArray().Select(c => c.GetProperty("metadata").GetProperty("duration").GetRawText()).ToList();
        Assert.That(raw, Has.Count.EqualTo(30));
        Assert.That(raw, Is.All.Contains("."));
    }

    [Test]
    public async Task Clip_UnknownId_Returns404Detail()
    {
        var jwt = State.IssueJwt(State.AddAccount());

        var (response, json) = await SendAsync(HttpMethod.Get, $"/api/clip/{Guid.NewGuid()}", jwt);

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
        Assert.That(json!["detail"]!.GetValue<string>(), Is.EqualTo("Not found"));
    }
}
