using System.Collections;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Suno.Application.Common.Interfaces;
using Suno.FakeUpstream;
using Suno.Infrastructure.Configuration;
using Suno.Infrastructure.Upstream;

namespace Suno.Infrastructure.IntegrationTests.Upstream;

/// <summary>How AddUpstream reads its settings: through the gateway's settings (aliases included) or on its own.</summary>
[TestFixture]
public sealed class UpstreamConfigurationTests
{
    [Test]
    public async Task Legacy_environment_aliases_reach_the_upstream_through_the_gateway_settings()
    {
        await using var fake = await FakeSunoServer.StartAsync();
        var account = fake.State.AddAccount(new FakeAccountSpec { Credits = 33 });
        var environment = new Hashtable
        {
            ["SUNO_COOKIE"] = account.Cookie,
            ["BASE_URL"] = fake.BaseUrl.ToString(),
            ["CLERK_BASE_URL"] = fake.ClerkBaseUrl.ToString(),
        };
        var configuration = new ConfigurationBuilder().AddLegacyEnvironmentAliases(environment).Build();
        var services = new ServiceCollection().AddLogging();
        services.AddGatewaySettings(configuration);
        services.AddUpstream(configuration);
        await using var provider = services.BuildServiceProvider();

        var connection = provider.GetRequiredService<IOptions<SunoOptions>>().Value;
        var accounts = provider.GetRequiredService<IAccountProvider>();
        var chosen = await accounts.AcquireForGenerationAsync(CancellationToken.None);

        Assert.Multiple(() =>
        {
            Assert.That(connection.Cookie, Is.EqualTo(account.Cookie));
            Assert.That(connection.BaseUrl, Is.EqualTo(fake.BaseUrl));
            Assert.That(chosen.Name, Is.EqualTo("default"));
            Assert.That(fake.State.Counters.Get(FakeSunoEndpoints.Billing), Is.EqualTo(1));
        });
        var summary = (await accounts.ListAsync(CancellationToken.None)).Single();
        Assert.That(summary.CreditsLeft, Is.EqualTo(33));
    }

    [TestCase("Suno:ExchangeTokenUrl", "https://auth.example/v1/client/sessions/tokens", "Suno:ExchangeTokenUrl")]
    [TestCase("Suno:BaseUrl", "not a url", "Suno:BaseUrl")]
    [TestCase("Suno:Accounts:0:Name", "second", "Suno:Accounts:0:Cookie")]
    public void A_bad_connection_setting_fails_naming_the_setting(string key, string value, string named)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { [key] = value }).Build();
        using var provider = new ServiceCollection().AddLogging().AddUpstream(configuration).BuildServiceProvider();

        var error = Assert.Throws<OptionsValidationException>(() => _ = provider.GetRequiredService<IOptions<SunoOptions>>().Value);

        Assert.That(error!.Message, Does.Contain(named));
    }

    [Test]
    public void A_bad_tuning_value_fails_naming_the_setting()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["Suno:Upstream:FeedBatchSize"] = "0" }).Build();
        using var provider = new ServiceCollection().AddLogging().AddUpstream(configuration).BuildServiceProvider();

        var error = Assert.Throws<OptionsValidationException>(() => _ = provider.GetRequiredService<IOptions<UpstreamOptions>>().Value);

        Assert.That(error!.Message, Does.Contain("FeedBatchSize"));
    }

    [Test]
    public void The_defaults_match_the_documented_ones()
    {
        var configuration = new ConfigurationBuilder().Build();
        using var provider = new ServiceCollection().AddLogging().AddUpstream(configuration).BuildServiceProvider();

        var connection = provider.GetRequiredService<IOptions<SunoOptions>>().Value;
        var options = provider.GetRequiredService<IOptions<UpstreamOptions>>().Value;

        Assert.Multiple(() =>
        {
            Assert.That(connection.BaseUrl, Is.EqualTo(new Uri("https://studio-api.prod.suno.com")));
            Assert.That(connection.ClerkBaseUrl, Is.EqualTo(new Uri("https://auth.suno.com")));
            Assert.That(options.GeneratePath, Is.EqualTo("/api/generate/v2/"));
            Assert.That(options.KeepAliveInterval, Is.EqualTo(TimeSpan.FromMinutes(30)));
            Assert.That(options.TokenRefreshMargin, Is.EqualTo(TimeSpan.FromSeconds(30)));
            Assert.That(options.FeedBatchSize, Is.EqualTo(20));
        });
    }
}
