using Suno.FakeUpstream;
using Suno.WebApi.FunctionalTests.Support;
using Suno.WebApi.FunctionalTests.Tasks;

namespace Suno.WebApi.FunctionalTests.Hosted;

/// <summary>
/// The hosted API's own sample client (seed 004: credits, lyrics, generate with those lyrics, wait, extend, vocal separation) run by
/// Node against the gateway with the fake Suno, with only its base URL, key and callback URLs changed
/// (build/clients/flows/hosted-flows.mjs). The callbacks go to a real receiver on 127.0.0.1.
/// </summary>
public sealed class HostedClientFlowTests
{
    private const string Key = "sample-client-key";

    [Test]
    public async Task Seed_004_sample_flow_works_from_a_node_client()
    {
        await using var receiver = await CallbackReceiver.StartAsync();
        await using var gateway = await TaskApiGateway.StartAsync(settings: new Dictionary<string, string?>
        {
            ["Auth:SecretToken"] = Key,
            ["Network:AllowLoopbackTargets"] = "true",
        });
        var (_, summary) = await ClientFlows.RunAsync("hosted-flows.mjs", new Dictionary<string, string?>
        {
            ["GATEWAY_URL"] = gateway.Client.BaseAddress!.ToString(),
            ["API_KEY"] = Key,
            ["CALLBACK_URL"] = receiver.Url("/sample").TrimEnd('/'),
            ["POLL_MS"] = "250",
        });
        using var document = summary;
        var root = document.RootElement;
        Assert.Multiple(() =>
        {
            Assert.That(root.GetProperty("credits").GetInt32(), Is.EqualTo(10_000));
            Assert.That(root.GetProperty("lyrics").GetString(), Is.Not.Empty);
            Assert.That(root.GetProperty("tracks").GetArrayLength(), Is.EqualTo(2));
            Assert.That(root.GetProperty("tracks")[0].GetProperty("title").GetString(), Is.EqualTo("Adventure Song"));
            Assert.That(root.GetProperty("tracks")[0].GetProperty("audio_url").GetString(), Does.EndWith(".mp3"));
            Assert.That(root.GetProperty("extended").GetString(), Does.EndWith(".mp3"));
            Assert.That(root.GetProperty("vocals").GetString(), Does.EndWith(".mp3"));
            Assert.That(root.GetProperty("instrumental").GetString(), Does.EndWith(".mp3").And.Not.EqualTo(root.GetProperty("vocals").GetString()));
            Assert.That(gateway.Fake.State.Counters.Get(FakeSunoEndpoints.Generate), Is.EqualTo(2), "the song and its extension");
            Assert.That(gateway.Fake.State.Counters.Get(FakeSunoEndpoints.Stems), Is.EqualTo(1), "the vocal separation");
        });
        await Eventually.AssertAsync(
            () => Task.FromResult(receiver.On("/sample/music-callback").Any(r => r.Body.GetProperty("data").GetProperty("callbackType").GetString() == "complete")
                                  && receiver.On("/sample/lyrics-callback").Count == 1
                                  && receiver.On("/sample/vocal-callback").Count == 1),
            "the sample's callback URLs were called",
            TimeSpan.FromSeconds(20));
    }
}
