using Suno.WebApi.Hosting.Sandbox;

namespace Suno.WebApi.FunctionalTests.Sandbox;

/// <summary>The pieces of sandbox mode that need no server: the switch, and which address the gateway calls itself at.</summary>
public sealed class SandboxUnitTests
{
    [Test]
    public void The_switch_is_taken_out_of_the_arguments_so_it_cannot_swallow_the_next_one()
    {
        var rest = SandboxMode.TakeSwitch(["--sandbox", "--urls", "http://127.0.0.1:5000"], out var sandbox);

        Assert.That(sandbox, Is.True);
        Assert.That(rest, Is.EqualTo(new[] { "--urls", "http://127.0.0.1:5000" }));
    }

    [Test]
    public void Without_the_switch_the_arguments_are_unchanged()
    {
        var rest = SandboxMode.TakeSwitch(["--urls", "http://127.0.0.1:5000"], out var sandbox);

        Assert.That(sandbox, Is.False);
        Assert.That(rest, Is.EqualTo(new[] { "--urls", "http://127.0.0.1:5000" }));
    }

    [TestCase(new[] { "http://127.0.0.1:5000" }, "http://127.0.0.1:5000/")]
    [TestCase(new[] { "http://0.0.0.0:3000" }, "http://127.0.0.1:3000/")]
    [TestCase(new[] { "http://[::]:3000" }, "http://[::1]:3000/")]
    [TestCase(new[] { "http://+:3000" }, "http://127.0.0.1:3000/")]
    [TestCase(new[] { "http://localhost:3000" }, "http://localhost:3000/")]
    [TestCase(new[] { "https://127.0.0.1:3001", "http://127.0.0.1:3000" }, "http://127.0.0.1:3000/")]
    [TestCase(new[] { "https://127.0.0.1:3001" }, "https://127.0.0.1:3001/")]
    public void The_gateway_calls_itself_on_a_loopback_http_address(string[] addresses, string expected) =>
        Assert.That(GatewayAddress.Pick(addresses)?.ToString(), Is.EqualTo(expected));

    [Test]
    public void No_tcp_address_means_none()
    {
        Assert.That(GatewayAddress.Pick([]), Is.Null);
        Assert.That(GatewayAddress.Pick(["http://unix:/tmp/gateway.sock"]), Is.Null);
    }

    [Test]
    public void Clips_are_scaled_to_the_completion_time_and_marked()
    {
        var fake = new SandboxOptions { CompleteAfterSeconds = 20 }.ToFakeOptions();

        Assert.Multiple(() =>
        {
            Assert.That(fake.SandboxMarking, Is.True);
            Assert.That(fake.QueuedAfter, Is.EqualTo(TimeSpan.FromSeconds(2)));
            Assert.That(fake.StreamingAfter, Is.EqualTo(TimeSpan.FromSeconds(8)));
            Assert.That(fake.CompleteAfter, Is.EqualTo(TimeSpan.FromSeconds(20)));
            Assert.That(fake.LyricsCompleteAfter, Is.EqualTo(TimeSpan.FromSeconds(3)));
        });
    }
}
