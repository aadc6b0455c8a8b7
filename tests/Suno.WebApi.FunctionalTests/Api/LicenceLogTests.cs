using System.Net;
using Suno.Domain.Tasks;
using Suno.WebApi.FunctionalTests.Support;

namespace Suno.WebApi.FunctionalTests.Api;

/// <summary>
/// No dependency writes a licence notice into the operator's log: not at start, and not when the first task is
/// mapped to its read DTO (where a runtime mapper would build its configuration). See ADR-008.
/// </summary>
public sealed class LicenceLogTests
{
    private const string TaskId = "33333333-3333-4333-8333-333333333333";
    private Gateway _gateway = null!;

    [OneTimeSetUp]
    public async Task Start()
    {
        _gateway = await Gateway.StartAsync();
        await using var db = _gateway.Database.CreateContext();
        db.Tasks.Add(SunoTask.Create(TaskId, TaskAction.Music, """{"prompt":"a song"}""", DateTime.UtcNow));
        await db.SaveChangesAsync();
    }

    [OneTimeTearDown]
    public async Task Stop() => await _gateway.DisposeAsync();

    [Test]
    public async Task TheLog_AfterStartAndAFirstTaskRead_HasNoLicenceLine()
    {
        using var response = await _gateway.Client.PostAsync("/suno/fetch", Json.Body($$"""{"ids":["{{TaskId}}"]}"""));
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));

        var lines = _gateway.Logs.Lines.ToList();
        Assert.Multiple(() =>
        {
            Assert.That(lines, Is.Not.Empty, "the capture sees the gateway's log");
            Assert.That(
                lines.Where(l => l.Contains("license", StringComparison.OrdinalIgnoreCase) || l.Contains("licence", StringComparison.OrdinalIgnoreCase)),
                Is.Empty);
        });
    }
}
