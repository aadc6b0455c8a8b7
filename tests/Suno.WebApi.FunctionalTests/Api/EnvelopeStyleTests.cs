using System.Net;
using Suno.WebApi.FunctionalTests.Support;

namespace Suno.WebApi.FunctionalTests.Api;

/// <summary>Api:EnvelopeStyle = integer: code 200 / message "success", errors carry the HTTP status as code.</summary>
public sealed class EnvelopeStyleTests
{
    private Gateway _gateway = null!;

    [OneTimeSetUp]
    public async Task Start() =>
        _gateway = await Gateway.StartAsync(settings: new Dictionary<string, string?> { ["Api:EnvelopeStyle"] = "integer" });

    [OneTimeTearDown]
    public async Task Stop() => await _gateway.DisposeAsync();

    [Test]
    public async Task Success_Is200Success()
    {
        using var response = await _gateway.Client.PostAsync("/suno/fetch", Json.Body("""{"ids":[]}"""));

        Assert.That(await response.Content.ReadAsStringAsync(), Is.EqualTo("""{"code":200,"message":"success","data":[]}"""));
    }

    [Test]
    public async Task NotFound_CarriesTheStatusAsCode()
    {
        using var response = await _gateway.Client.GetAsync("/suno/fetch/nope");

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
        Assert.That(await response.Content.ReadAsStringAsync(), Is.EqualTo("""{"code":404,"message":"task nope does not exist","data":null}"""));
    }
}
