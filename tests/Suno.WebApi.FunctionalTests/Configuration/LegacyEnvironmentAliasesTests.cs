using System.Collections;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Configuration.EnvironmentVariables;
using Suno.Infrastructure.Configuration;

namespace Suno.WebApi.FunctionalTests.Configuration;

public sealed class LegacyEnvironmentAliasesTests
{
    [Test]
    public void EveryAliasOfTheTable_MapsToItsKey()
    {
        var expected = new Dictionary<string, string>
        {
            ["PORT"] = "Server:Port", ["SQL_DSN"] = "Database:Dsn", ["SQLITE_PATH"] = "Database:SqlitePath",
            ["SECRET_TOKEN"] = "Auth:SecretToken", ["SUNO_COOKIE"] = "Suno:Cookie", ["SESSION_ID"] = "Suno:SessionId",
            ["BASE_URL"] = "Suno:BaseUrl", ["CLERK_BASE_URL"] = "Suno:ClerkBaseUrl", ["EXCHANGE_TOKEN_URL"] = "Suno:ExchangeTokenUrl",
            ["DEVICE_ID"] = "Suno:DeviceId", ["PROXY"] = "Suno:Proxy", ["CAPTCHA_SOLVER_URL"] = "Suno:CaptchaSolverUrl",
            ["SUNO_SANDBOX"] = "Suno:Sandbox", ["CHAT_OPENAI_BASE"] = "Chat:OpenAiBase", ["CHAT_OPENAI_KEY"] = "Chat:OpenAiKey",
            ["CHAT_OPENAI_MODEL"] = "Chat:OpenAiModel", ["CHAT_TIME_OUT"] = "Chat:TimeoutSeconds", ["CHAT_TEMPLATE_DIR"] = "Chat:TemplateDir",
            ["POLL_INTERVAL"] = "Tasks:PollIntervalSeconds", ["DEBUG"] = "Logging:Debug", ["ROTATE_LOGS"] = "Logging:RotateLogs",
            ["LOG_DIR"] = "Logging:Directory",
        };

        foreach (var (alias, key) in expected)
        {
            var mapped = LegacyEnvironmentAliases.Map(new Hashtable { [alias] = "v-" + alias });
            Assert.That(mapped, Is.EqualTo(new Dictionary<string, string?> { [key] = "v-" + alias }), alias);
        }
    }

    [Test]
    public void Cookie_SunoCookieIsPreferredOverCookie()
    {
        Assert.Multiple(() =>
        {
            Assert.That(LegacyEnvironmentAliases.Map(new Hashtable { ["COOKIE"] = "c", ["SUNO_COOKIE"] = "s" })["Suno:Cookie"], Is.EqualTo("s"));
            Assert.That(LegacyEnvironmentAliases.Map(new Hashtable { ["COOKIE"] = "c" })["Suno:Cookie"], Is.EqualTo("c"));
            Assert.That(LegacyEnvironmentAliases.Map(new Hashtable { ["COOKIE"] = "c", ["SUNO_COOKIE"] = " " })["Suno:Cookie"], Is.EqualTo("c"));
        });
    }

    [Test]
    public void EmptyAliases_CountAsUnset() =>
        Assert.That(LegacyEnvironmentAliases.Map(new Hashtable { ["PORT"] = string.Empty, ["PATH"] = "/bin" }), Is.Empty);

    [Test]
    public void Precedence_ExplicitKeyBeatsAlias_AliasBeatsJsonDefaults()
    {
        var builder = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["Suno:BaseUrl"] = "http://from-appsettings",
                ["Suno:ClerkBaseUrl"] = "http://from-appsettings",
                ["Server:Port"] = "1111",
            })
            .AddEnvironmentVariables()
            .AddCommandLine(["--Suno:ClerkBaseUrl=http://from-command-line"]);
        builder.AddLegacyEnvironmentAliases(new Hashtable
        {
            ["BASE_URL"] = "http://from-alias",
            ["CLERK_BASE_URL"] = "http://clerk-from-alias",
            ["PORT"] = "2222",
        });

        var config = builder.Build();

        Assert.Multiple(() =>
        {
            Assert.That(config["Suno:BaseUrl"], Is.EqualTo("http://from-alias"));
            Assert.That(config["Suno:ClerkBaseUrl"], Is.EqualTo("http://from-command-line"));
            Assert.That(config["Server:Port"], Is.EqualTo("2222"));
            var sources = builder.Sources.ToList();
            var alias = sources.FindIndex(s => s is LegacyEnvironmentAliasesSource);
            var environment = sources.FindIndex(s => s is EnvironmentVariablesConfigurationSource);
            Assert.That(alias, Is.LessThan(environment), "the alias source must come before the environment source");
        });
    }

    [Test]
    public void Describe_NamesBothNames()
    {
        Assert.Multiple(() =>
        {
            Assert.That(LegacyEnvironmentAliases.Describe("Suno:BaseUrl"), Is.EqualTo("BASE_URL (Suno:BaseUrl)"));
            Assert.That(LegacyEnvironmentAliases.Describe("Suno:Cookie"), Is.EqualTo("SUNO_COOKIE (Suno:Cookie)"));
            Assert.That(LegacyEnvironmentAliases.Describe("Server:Host"), Is.EqualTo("Server:Host"));
        });
    }
}
