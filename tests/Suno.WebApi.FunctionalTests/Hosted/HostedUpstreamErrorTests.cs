using Suno.FakeUpstream;
using Suno.WebApi.FunctionalTests.Tasks;
using static Suno.WebApi.FunctionalTests.Hosted.HostedApi;

namespace Suno.WebApi.FunctionalTests.Hosted;

/// <summary>Suno's refusals in the hosted codes: out of credits 429, Suno's own 429 is 430, Suno failing 500.</summary>
public sealed class HostedUpstreamErrorTests
{
    private static readonly object Song = new
    {
        prompt = "refused", customMode = false, instrumental = false, model = "V4", callBackUrl = "http://127.0.0.1:9/cb",
    };

    [Test]
    public async Task Out_of_credits_is_429()
    {
        await using var api = await TaskApiGateway.StartAsync(settings: new Dictionary<string, string?> { ["Network:AllowLoopbackTargets"] = "true" });
        api.Account.Credits = 0;
        var json = await PostAsync(api.Client, "/api/v1/generate", Song);
        Assert.That(json.GetProperty("code").GetInt32(), Is.EqualTo(429), json.ToString());
    }

    [Test]
    public async Task Sunos_rate_limit_is_430()
    {
        await using var api = await TaskApiGateway.StartAsync(settings: new Dictionary<string, string?> { ["Network:AllowLoopbackTargets"] = "true" });
        api.Fake.State.Faults.RateLimitNext(1, TimeSpan.FromSeconds(1), FakeSunoEndpoints.Generate);
        var json = await PostAsync(api.Client, "/api/v1/generate", Song);
        Assert.That(json.GetProperty("code").GetInt32(), Is.EqualTo(430), json.ToString());
    }

    [Test]
    public async Task Suno_failing_is_500()
    {
        await using var api = await TaskApiGateway.StartAsync(settings: new Dictionary<string, string?> { ["Network:AllowLoopbackTargets"] = "true" });
        api.Fake.State.Faults.FailNext(1, 500, FakeSunoEndpoints.Generate);
        var json = await PostAsync(api.Client, "/api/v1/generate", Song);
        Assert.That(json.GetProperty("code").GetInt32(), Is.EqualTo(500), json.ToString());
    }
}
