using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Suno.Application.Chat;
using Suno.Application.Tasks.Engine;
using Suno.Infrastructure.Configuration;
using Suno.WebApi;
using Suno.WebApi.Security;

namespace Suno.WebApi.FunctionalTests.Configuration;

public sealed class SettingsValidationTests
{
    [Test]
    public void Defaults_WhenNothingIsSet()
    {
        using var provider = Build([]);

        var server = provider.GetRequiredService<IOptions<ServerOptions>>().Value;
        var suno = provider.GetRequiredService<IOptions<SunoOptions>>().Value;
        var chat = provider.GetRequiredService<IOptions<ChatOptions>>().Value;
        var tasks = provider.GetRequiredService<IOptions<TaskEngineOptions>>().Value;
        var logging = provider.GetRequiredService<IOptions<LoggingOptions>>().Value;
        Assert.Multiple(() =>
        {
            Assert.That(server.Port, Is.EqualTo(3000));
            Assert.That(server.Host, Is.EqualTo("0.0.0.0"));
            Assert.That(suno.BaseUrl, Is.EqualTo(new Uri("https://studio-api.prod.suno.com")));
            Assert.That(suno.ClerkBaseUrl, Is.EqualTo(new Uri("https://auth.suno.com")));
            Assert.That(suno.Sandbox, Is.False);
            Assert.That(chat.OpenAiModel, Is.EqualTo("gpt-4o"));
            Assert.That(chat.TimeoutSeconds, Is.EqualTo(600));
            Assert.That(chat.UnknownModel, Is.EqualTo(UnknownChatModel.Default));
            Assert.That(tasks.LyricsWait, Is.EqualTo(TimeSpan.FromMinutes(2)));
            Assert.That(chat.TemplateDir, Is.EqualTo(Path.Combine(AppContext.BaseDirectory, "templates")), "templates/ beside the binaries");
            Assert.That(tasks.PollInterval, Is.EqualTo(TimeSpan.FromSeconds(3)));
            Assert.That(tasks.TaskTimeout, Is.EqualTo(TimeSpan.FromSeconds(600)));
            Assert.That(tasks.DefaultModel, Is.EqualTo("chirp-fenix"));
            Assert.That(tasks.PollingEnabled, Is.True);
            Assert.That(logging.Directory, Is.EqualTo("logs"));
            Assert.That(provider.GetRequiredService<IOptions<AuthOptions>>().Value.SecretToken, Is.Null);
        });
    }

    [Test]
    public void GoodValues_AreRead()
    {
        using var provider = Build(new()
        {
            ["Server:Port"] = "8000",
            ["Suno:Sandbox"] = "TRUE",
            ["Suno:Proxy"] = "socks5://127.0.0.1:1080",
            ["Suno:ExchangeTokenUrl"] = "https://clerk.example/v1/client/sessions/%s/tokens",
            ["Suno:Accounts:0:Name"] = "second",
            ["Suno:Accounts:0:Cookie"] = "__client=abc",
            ["Logging:Debug"] = "1",
            ["Tasks:PollIntervalSeconds"] = "5",
        });

        var suno = provider.GetRequiredService<IOptions<SunoOptions>>().Value;
        Assert.Multiple(() =>
        {
            Assert.That(provider.GetRequiredService<IOptions<ServerOptions>>().Value.Port, Is.EqualTo(8000));
            Assert.That(suno.Sandbox, Is.True);
            Assert.That(suno.Proxy, Is.EqualTo(new Uri("socks5://127.0.0.1:1080")));
            Assert.That(suno.Accounts.Single().Name, Is.EqualTo("second"));
            Assert.That(provider.GetRequiredService<IOptions<LoggingOptions>>().Value.Debug, Is.True);
            Assert.That(provider.GetRequiredService<IOptions<TaskEngineOptions>>().Value.PollInterval, Is.EqualTo(TimeSpan.FromSeconds(5)));
        });
    }

    [TestCase("Server:Port", "abc", "PORT (Server:Port) must be a whole number from 1 to 65535, got 'abc'")]
    [TestCase("Server:Port", "70000", "PORT (Server:Port) must be a whole number from 1 to 65535, got '70000'")]
    [TestCase("Suno:BaseUrl", "foo", "BASE_URL (Suno:BaseUrl) must be an absolute http(s) URL, got 'foo'")]
    [TestCase("Suno:ClerkBaseUrl", "ftp://x", "CLERK_BASE_URL (Suno:ClerkBaseUrl) must be an absolute http(s) URL, got 'ftp://x'")]
    [TestCase("Suno:ExchangeTokenUrl", "https://x/tokens", "EXCHANGE_TOKEN_URL (Suno:ExchangeTokenUrl) must be an absolute http(s) URL containing %s where the session id goes, got 'https://x/tokens'")]
    [TestCase("Suno:Sandbox", "maybe", "SUNO_SANDBOX (Suno:Sandbox) must be true or false, got 'maybe'")]
    [TestCase("Chat:TimeoutSeconds", "1.5", "CHAT_TIME_OUT (Chat:TimeoutSeconds) must be a whole number from 1 to 86400, got '1.5'")]
    [TestCase("Chat:OpenAiBase", "not a url", "CHAT_OPENAI_BASE (Chat:OpenAiBase) must be an absolute http(s) URL, got 'not a url'")]
    [TestCase("Tasks:PollIntervalSeconds", "0", "POLL_INTERVAL (Tasks:PollIntervalSeconds) must be a whole number from 1 to 3600, got '0'")]
    [TestCase("Logging:RotateLogs", "yes please", "ROTATE_LOGS (Logging:RotateLogs) must be true or false, got 'yes please'")]
    [TestCase("Suno:Proxy", "user:pass@proxy", "PROXY (Suno:Proxy) must be an absolute proxy URL (http, https or socks5), got '<a value with credentials, not shown>'")]
    public void BadValue_FailsWithOneLineNamingBothNames(string key, string value, string message)
    {
        using var provider = Build(new() { [key] = value });

        var ex = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IStartupValidator>().Validate());

        Assert.That(ex!.Failures, Is.EqualTo(new[] { message }));
    }

    [TestCase("Tasks:DefaultModel", "gpt-4o", "Tasks:DefaultModel names an unknown model 'gpt-4o'")]
    [TestCase("Tasks:LeaseSeconds", "1", "Tasks:LeaseSeconds must be a whole number from 2 to 3600, got '1'")]
    [TestCase("Tasks:Polling", "sometimes", "Tasks:Polling must be true or false, got 'sometimes'")]
    [TestCase("Tasks:LyricsWaitSeconds", "0", "Tasks:LyricsWaitSeconds must be a whole number from 1 to 3600, got '0'")]
    [TestCase("Chat:UnknownModel", "ignore", "Chat:UnknownModel must be 'default' or 'reject', got 'ignore'")]
    public void BadTaskEngineValue_FailsWithOneLineNamingTheSetting(string key, string value, string start)
    {
        using var provider = Build(new() { [key] = value });

        var ex = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IStartupValidator>().Validate());

        Assert.That(ex!.Failures, Has.Exactly(1).StartsWith(start));
    }

    [Test]
    public void TaskEngineValues_AreRead()
    {
        using var provider = Build(new()
        {
            ["Tasks:DefaultModel"] = "V4_5PLUS",
            ["Tasks:LeaseSeconds"] = "12",
            ["Tasks:SubmissionGraceSeconds"] = "7",
            ["Tasks:Polling"] = "false",
            ["Tasks:LyricsWaitSeconds"] = "30",
            ["Chat:UnknownModel"] = "REJECT",
        });

        var tasks = provider.GetRequiredService<IOptions<TaskEngineOptions>>().Value;
        Assert.Multiple(() =>
        {
            Assert.That(tasks.DefaultModel, Is.EqualTo("chirp-bluejay"), "aliases resolve to the upstream name");
            Assert.That(tasks.LeaseDuration, Is.EqualTo(TimeSpan.FromSeconds(12)));
            Assert.That(tasks.SubmissionGrace, Is.EqualTo(TimeSpan.FromSeconds(7)));
            Assert.That(tasks.PollingEnabled, Is.False);
            Assert.That(tasks.LyricsWait, Is.EqualTo(TimeSpan.FromSeconds(30)));
            Assert.That(provider.GetRequiredService<IOptions<ChatOptions>>().Value.UnknownModel, Is.EqualTo(UnknownChatModel.Reject));
        });
    }

    [Test]
    public void SeveralBadValues_AreAllReported()
    {
        using var provider = Build(new() { ["Server:Port"] = "x", ["Suno:BaseUrl"] = "y", ["Suno:Accounts:0:Name"] = "a" });

        var ex = Assert.Throws<AggregateException>(() => provider.GetRequiredService<IStartupValidator>().Validate());
        var failures = ex!.InnerExceptions.OfType<OptionsValidationException>().SelectMany(e => e.Failures).ToList();

        Assert.That(failures, Has.Count.EqualTo(3));
        Assert.That(failures, Has.One.StartsWith("Suno:Accounts:0:Cookie is required"));
    }

    private static ServiceProvider Build(Dictionary<string, string?> values)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(values).Build();
        var services = new ServiceCollection();
        services.AddGatewaySettings(configuration);
        services.AddWebApiSettings(configuration);
        return services.BuildServiceProvider();
    }
}
