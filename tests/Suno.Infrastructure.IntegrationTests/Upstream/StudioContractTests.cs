using System.Text.Json;
using Suno.Application.Common.Exceptions;
using Suno.Application.Common.Upstream;
using Suno.Domain.Clips;
using Suno.FakeUpstream;

namespace Suno.Infrastructure.IntegrationTests.Upstream;

/// <summary>Every studio-api call of <c>ISunoUpstream</c> against the fake over real HTTP, with the real shapes.</summary>
[TestFixture]
public sealed class StudioContractTests
{
    private static GenerateRequest Song(string title = "Night drive") => new()
    {
        Prompt = "[Verse]\nCity lights",
        Tags = "synthwave",
        Title = title,
        Model = "chirp-v3-5",
    };

    [Test]
    public async Task Captcha_check_reports_the_fake_switch()
    {
        await using var h = await UpstreamHarness.StartAsync(UpstreamHarness.DefaultAccount(out _));
        var account = await h.AccountAsync();

        var off = await h.Upstream.CheckCaptchaRequiredAsync(account, CancellationToken.None);
        h.State.CaptchaRequired = true;
        var on = await h.Upstream.CheckCaptchaRequiredAsync(account, CancellationToken.None);

        Assert.Multiple(() =>
        {
            Assert.That(off.Required, Is.False);
            Assert.That(on.Required, Is.True);
            Assert.That(on.CaptchaVersion, Is.EqualTo(1));
            Assert.That(h.Count(FakeSunoEndpoints.CaptchaCheck), Is.EqualTo(2));
        });
    }

    [Test]
    public async Task Generate_returns_two_submitted_clips_with_their_raw_json_and_spends_the_known_credits_without_a_billing_read()
    {
        await using var h = await UpstreamHarness.StartAsync(UpstreamHarness.DefaultAccount(out _));
        var account = await h.AccountAsync();
        await h.Upstream.GetBillingInfoAsync(account, CancellationToken.None);

        var result = await h.Upstream.GenerateAsync(account, Song(), CancellationToken.None);

        Assert.Multiple(() =>
        {
            Assert.That(result.Clips, Has.Count.EqualTo(2));
            Assert.That(result.Clips.Select(c => c.Status), Is.All.EqualTo(ClipStatus.Submitted));
            Assert.That(result.Clips.Select(c => c.Title), Is.All.EqualTo("Night drive"));
            Assert.That(result.Clips.Select(c => c.Tags), Is.All.EqualTo("synthwave"));
            Assert.That(result.Status, Is.EqualTo("complete"));
            Assert.That(result.Raw.GetProperty("clips").GetArrayLength(), Is.EqualTo(2));
            Assert.That(JsonDocument.Parse(result.Clips[0].RawJson).RootElement.GetProperty("id").GetString(), Is.EqualTo(result.Clips[0].Id));
            Assert.That(JsonDocument.Parse(result.Clips[0].RawJson).RootElement.TryGetProperty("is_liked", out _), Is.True, "fields we do not model are kept");
            Assert.That(h.Count(FakeSunoEndpoints.CaptchaCheck), Is.EqualTo(1), "the captcha probe runs before the first generation");
            Assert.That(h.Count(FakeSunoEndpoints.Generate), Is.EqualTo(1));
            Assert.That(h.Count(FakeSunoEndpoints.Billing), Is.EqualTo(1), "the generation itself costs no billing read");
            Assert.That(h.Session(account).Account.CreditsLeft, Is.EqualTo(40), "the known 50 credits less the cost of one generation");
        });
    }

    [Test]
    public async Task Generate_in_description_mode_and_on_the_v2_web_route()
    {
        await using var h = await UpstreamHarness.StartAsync(
            UpstreamHarness.DefaultAccount(out _),
            settings: new Dictionary<string, string?> { ["Suno:Upstream:GeneratePath"] = "/api/generate/v2-web/" });
        var account = await h.AccountAsync();

        var result = await h.Upstream.GenerateAsync(account, new GenerateRequest { GptDescriptionPrompt = "a calm piano song about rain", Model = "chirp-crow", MakeInstrumental = true }, CancellationToken.None);

        Assert.Multiple(() =>
        {
            Assert.That(result.Clips, Has.Count.EqualTo(2));
            Assert.That(result.Clips.Select(c => c.GptDescriptionPrompt), Is.All.EqualTo("a calm piano song about rain"));
            Assert.That(h.Count(FakeSunoEndpoints.Generate), Is.EqualTo(1));
        });
    }

    [Test]
    public async Task Extend_continues_a_clip_at_a_position()
    {
        await using var h = await UpstreamHarness.StartAsync(UpstreamHarness.DefaultAccount(out var fakeAccount));
        var account = await h.AccountAsync();
        var source = h.State.SeedClip(fakeAccount());

        var result = await h.Upstream.GenerateAsync(account, GenerateRequest.Extend(source.Id, 10.5, "chirp-v3-5", "[Bridge]\nMore"), CancellationToken.None);

        var metadata = JsonDocument.Parse(result.Clips[0].RawJson).RootElement.GetProperty("metadata");
        Assert.Multiple(() =>
        {
            Assert.That(result.Clips, Has.Count.EqualTo(2));
            Assert.That(metadata.GetProperty("history")[0].GetProperty("id").GetString(), Is.EqualTo(source.Id));
            Assert.That(metadata.GetProperty("history")[0].GetProperty("continue_at").GetDouble(), Is.EqualTo(10.5));
        });
    }

    [Test]
    public async Task Feed_reads_clips_by_id_in_batches_and_follows_the_lifecycle()
    {
        await using var h = await UpstreamHarness.StartAsync(UpstreamHarness.DefaultAccount(out var fakeAccount));
        var account = await h.AccountAsync();
        var seeded = Enumerable.Range(0, 25).Select(i => h.State.SeedClip(fakeAccount(), $"Song {i}").Id).ToList();

        var clips = await h.Upstream.GetFeedAsync(account, seeded, CancellationToken.None);

        Assert.Multiple(() =>
        {
            Assert.That(clips.Select(c => c.Id), Is.EquivalentTo(seeded));
            Assert.That(clips.Select(c => c.Status), Is.All.EqualTo(ClipStatus.Complete));
            Assert.That(clips.Select(c => c.Duration), Is.All.GreaterThan(0));
            Assert.That(clips.Select(c => c.AudioUrl), Is.All.EndsWith(".mp3"));
            Assert.That(h.Count(FakeSunoEndpoints.FeedV2), Is.EqualTo(2), "25 ids are read as 20 + 5");
        });

        var generated = await h.Upstream.GenerateAsync(account, Song(), CancellationToken.None);
        var ids = generated.Clips.Select(c => c.Id).ToList();
        h.Clock.Advance(TimeSpan.FromSeconds(30));
        var streaming = await h.Upstream.GetFeedAsync(account, ids, CancellationToken.None);
        h.Clock.Advance(TimeSpan.FromSeconds(60));
        var complete = await h.Upstream.GetFeedAsync(account, ids, CancellationToken.None);
        Assert.Multiple(() =>
        {
            Assert.That(streaming.Select(c => c.Status), Is.All.EqualTo(ClipStatus.Streaming));
            Assert.That(complete.Select(c => c.Status), Is.All.EqualTo(ClipStatus.Complete));
            Assert.That(complete.Select(c => c.Duration), Is.All.Not.Null);
        });
    }

    [Test]
    public async Task Feed_page_lists_the_accounts_recent_clips()
    {
        await using var h = await UpstreamHarness.StartAsync(UpstreamHarness.DefaultAccount(out var fakeAccount));
        var account = await h.AccountAsync();
        for (var i = 0; i < 3; i++)
        {
            h.State.SeedClip(fakeAccount(), $"Song {i}");
        }

        var page = await h.Upstream.GetFeedPageAsync(account, 0, CancellationToken.None);

        Assert.Multiple(() =>
        {
            Assert.That(page.Clips, Has.Count.EqualTo(3));
            Assert.That(page.HasMore, Is.False);
            Assert.That(page.CurrentPage, Is.EqualTo(0));
        });
    }

    [Test]
    public async Task Clip_reads_one_clip_and_an_unknown_one_is_not_found()
    {
        await using var h = await UpstreamHarness.StartAsync(UpstreamHarness.DefaultAccount(out var fakeAccount));
        var account = await h.AccountAsync();
        var seeded = h.State.SeedClip(fakeAccount(), "Single");

        var clip = await h.Upstream.GetClipAsync(account, seeded.Id, CancellationToken.None);
        var missing = Assert.ThrowsAsync<NotFoundException>(() => h.Upstream.GetClipAsync(account, Guid.NewGuid().ToString(), CancellationToken.None));

        Assert.Multiple(() =>
        {
            Assert.That(clip.Id, Is.EqualTo(seeded.Id));
            Assert.That(clip.Title, Is.EqualTo("Single"));
            Assert.That(clip.Status, Is.EqualTo(ClipStatus.Complete));
            Assert.That(missing!.ErrorCode, Is.EqualTo("clip_not_exist"));
        });
    }

    [Test]
    public async Task Lyrics_are_submitted_then_polled_until_complete()
    {
        await using var h = await UpstreamHarness.StartAsync(UpstreamHarness.DefaultAccount(out _));
        var account = await h.AccountAsync();

        var id = await h.Upstream.GenerateLyricsAsync(account, "a song about the sea", CancellationToken.None);
        var running = await h.Upstream.GetLyricsAsync(account, id, CancellationToken.None);
        h.Clock.Advance(TimeSpan.FromSeconds(5));
        var complete = await h.Upstream.GetLyricsAsync(account, id, CancellationToken.None);

        Assert.Multiple(() =>
        {
            Assert.That(id, Is.Not.Empty);
            Assert.That(running.IsComplete, Is.False);
            Assert.That(complete.IsComplete, Is.True);
            Assert.That(complete.Id, Is.EqualTo(id));
            Assert.That(complete.Text, Is.Not.Empty);
            Assert.That(complete.Raw.TryGetProperty("error_message", out _), Is.True);
        });
        var unknown = Assert.ThrowsAsync<NotFoundException>(() => h.Upstream.GetLyricsAsync(account, "nope", CancellationToken.None));
        Assert.That(unknown!.ErrorCode, Is.EqualTo("lyrics_not_exist"));
    }

    [Test]
    public async Task Concat_makes_a_full_song_clip_and_a_bad_source_is_rejected_with_the_detail()
    {
        await using var h = await UpstreamHarness.StartAsync(UpstreamHarness.DefaultAccount(out var fakeAccount));
        var account = await h.AccountAsync();
        var source = h.State.SeedClip(fakeAccount());

        var full = await h.Upstream.ConcatAsync(account, source.Id, CancellationToken.None);
        var bad = Assert.ThrowsAsync<UpstreamRejectedException>(() => h.Upstream.ConcatAsync(account, full.Id, CancellationToken.None));

        Assert.Multiple(() =>
        {
            Assert.That(full.Type, Is.EqualTo("concat"));
            Assert.That(full.Id, Is.Not.EqualTo(source.Id));
            Assert.That(bad!.Message, Does.Contain("Bad history."));
        });
    }

    [Test]
    public async Task Stems_split_a_clip_into_two()
    {
        await using var h = await UpstreamHarness.StartAsync(UpstreamHarness.DefaultAccount(out var fakeAccount));
        var account = await h.AccountAsync();
        var source = h.State.SeedClip(fakeAccount());

        var stems = await h.Upstream.StemsAsync(account, source.Id, CancellationToken.None);

        Assert.Multiple(() =>
        {
            Assert.That(stems, Has.Count.EqualTo(2));
            Assert.That(stems.Select(s => JsonDocument.Parse(s.RawJson).RootElement.GetProperty("metadata").GetProperty("stem_from_id").GetString()), Is.All.EqualTo(source.Id));
        });
    }

    [Test]
    public async Task Aligned_lyrics_are_passed_through()
    {
        await using var h = await UpstreamHarness.StartAsync(UpstreamHarness.DefaultAccount(out var fakeAccount));
        var account = await h.AccountAsync();
        var source = h.State.SeedClip(fakeAccount(), lyrics: "[Verse]\nhello bright world");

        var aligned = await h.Upstream.GetAlignedLyricsAsync(account, source.Id, CancellationToken.None);

        var words = aligned.Raw.GetProperty("aligned_words");
        Assert.Multiple(() =>
        {
            Assert.That(words.GetArrayLength(), Is.GreaterThan(0));
            Assert.That(words[0].TryGetProperty("start_s", out _), Is.True);
        });
    }

    [Test]
    public async Task Billing_reports_credits_and_records_them_on_the_account()
    {
        await using var h = await UpstreamHarness.StartAsync(UpstreamHarness.DefaultAccount(out _, credits: 70));
        var account = await h.AccountAsync();

        var billing = await h.Upstream.GetBillingInfoAsync(account, CancellationToken.None);

        Assert.Multiple(() =>
        {
            Assert.That(billing.CreditsLeft, Is.EqualTo(70));
            Assert.That(billing.Period, Is.Not.Null);
            Assert.That(billing.Raw.TryGetProperty("credits_left", out _), Is.True);
            Assert.That(h.Session(account).Account.CreditsLeft, Is.EqualTo(70));
            Assert.That(h.Session(account).Account.CreditsRefreshedAt, Is.EqualTo(h.Clock.GetUtcNow().UtcDateTime));
        });
    }

    [Test]
    public async Task Persona_page_is_passed_through()
    {
        await using var h = await UpstreamHarness.StartAsync(UpstreamHarness.DefaultAccount(out var fakeAccount));
        var account = await h.AccountAsync();
        var persona = h.State.AddPersona(fakeAccount(), "Singer");

        var page = await h.Upstream.GetPersonaPageAsync(account, persona.Id, 1, CancellationToken.None);

        Assert.Multiple(() =>
        {
            Assert.That(page.Raw.GetProperty("persona").GetProperty("name").GetString(), Is.EqualTo("Singer"));
            Assert.That(page.Raw.GetProperty("persona").GetProperty("persona_clips").GetArrayLength(), Is.EqualTo(3));
        });
    }
}
