using System.Text.Json;
using Suno.WebApi.FunctionalTests.Tasks;
using static Suno.WebApi.FunctionalTests.Hosted.HostedApi;

namespace Suno.WebApi.FunctionalTests.Hosted;

/// <summary>The hosted family's key is the gateway's SECRET_TOKEN: a wrong or missing key is code 401 in its envelope.</summary>
public sealed class HostedAuthTests
{
    private const string Token = "hosted-test-key";
    private TaskApiGateway _api = null!;

    [OneTimeSetUp]
    public async Task Start() => _api = await TaskApiGateway.StartAsync(settings: new Dictionary<string, string?> { ["Auth:SecretToken"] = Token, ["Network:AllowLoopbackTargets"] = "true" });

    [OneTimeTearDown]
    public async Task Stop() => await _api.DisposeAsync();

    [TestCase(null)]
    [TestCase("wrong")]
    public async Task A_missing_or_wrong_key_is_401(string? key)
    {
        var json = await GetAsync(_api.Client, "/api/v1/get-credits", key);
        Assert.That(json.GetProperty("code").GetInt32(), Is.EqualTo(401), json.ToString());
        Assert.That(json.GetProperty("data").ValueKind, Is.EqualTo(JsonValueKind.Null));
    }

    [Test]
    public async Task The_secret_token_is_the_key()
    {
        var json = await GetAsync(_api.Client, "/api/v1/get-credits", Token);
        Assert.That(json.GetProperty("code").GetInt32(), Is.EqualTo(200), json.ToString());
        Assert.That(json.GetProperty("data").GetProperty("credits").GetInt32(), Is.EqualTo(_api.Account.Credits));
    }
}
