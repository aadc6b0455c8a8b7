using Microsoft.Extensions.Options;
using Suno.WebApi.Hosting;

namespace Suno.WebApi.FunctionalTests.Configuration;

public sealed class SettingsFailureReportTests
{
    [Test]
    public void OptionsFailures_AreWrittenOncePerLine()
    {
        using var error = new StringWriter();
        var ex = new AggregateException(
            new OptionsValidationException("a", typeof(object), ["PORT (Server:Port) is bad", "BASE_URL (Suno:BaseUrl) is bad"]),
            new OptionsValidationException("b", typeof(object), ["BASE_URL (Suno:BaseUrl) is bad"]));

        Assert.That(GatewayHosting.TryReportSettingsFailure(ex, error), Is.True);
        Assert.That(
            error.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries),
            Is.EqualTo(new[] { "PORT (Server:Port) is bad", "BASE_URL (Suno:BaseUrl) is bad" }));
    }

    [Test]
    public void OtherExceptions_AreNotSettingsFailures()
    {
        using var error = new StringWriter();

        Assert.Multiple(() =>
        {
            Assert.That(GatewayHosting.TryReportSettingsFailure(new InvalidOperationException("boom"), error), Is.False);
            Assert.That(
                GatewayHosting.TryReportSettingsFailure(
                    new AggregateException(new OptionsValidationException("a", typeof(object), ["x"]), new IOException("disk")),
                    error),
                Is.False);
            Assert.That(error.ToString(), Is.Empty);
        });
    }
}
