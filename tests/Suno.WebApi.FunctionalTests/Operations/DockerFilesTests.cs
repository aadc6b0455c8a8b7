using System.Text.RegularExpressions;
using Suno.Infrastructure.IntegrationTests.Support;
using Suno.Infrastructure.Persistence;
using Suno.Testing;
using YamlDotNet.RepresentationModel;

namespace Suno.WebApi.FunctionalTests.Operations;

/// <summary>
/// The Docker files without a Docker engine: the publish step the Dockerfile runs (build/publish.sh) is run here
/// and its output started; the Dockerfile's stages and settings and the compose file's wiring are checked as text
/// and as parsed YAML.
/// </summary>
public sealed partial class DockerFilesTests
{
    private static readonly string Root = RepoLayout.Root;

    [Test]
    [NonParallelizable]
    public async Task The_Dockerfiles_publish_step_makes_a_gateway_that_starts_and_passes_its_health_probe()
    {
        var output = Directory.CreateTempSubdirectory("suno-publish-").FullName;
        try
        {
            var published = await ProcessRunner.RunAsync("bash", [Path.Combine(Root, "build", "publish.sh"), output], Root, TimeSpan.FromMinutes(8));
            Assert.That(published.ExitCode, Is.Zero, published.ToString());
            var dll = Path.Combine(output, "Suno.WebApi.dll");
            Assert.That(File.Exists(dll), Is.True, "the entry point the Dockerfile names");
            Assert.That(File.Exists(Path.Combine(output, "templates", "chat_resp.hbs")), Is.True, "the chat templates travel with it");

            await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
            await using var gateway = await GatewayProcess.StartAsync(
                new Dictionary<string, string?> { ["SQLITE_PATH"] = database.SqlitePath, ["CHAT_TEMPLATE_DIR"] = null },
                gatewayDll: dll);
            var port = gateway.BaseAddress.Port.ToString(System.Globalization.CultureInfo.InvariantCulture);

            var healthy = await ProcessRunner.RunAsync("dotnet", [dll, "--health-probe"], output, TimeSpan.FromSeconds(30), new Dictionary<string, string?> { ["PORT"] = port });
            var closed = await ProcessRunner.RunAsync(
                "dotnet", [dll, "--health-probe"], output, TimeSpan.FromSeconds(30),
                new Dictionary<string, string?> { ["PORT"] = GatewayRun.FreePort().ToString(System.Globalization.CultureInfo.InvariantCulture) });
            Assert.Multiple(() =>
            {
                Assert.That(healthy.ExitCode, Is.Zero, healthy.ToString());
                Assert.That(closed.ExitCode, Is.EqualTo(1), closed.ToString());
                Assert.That(closed.Output, Does.Contain("/health/live"), "says what it probed");
            });
        }
        finally
        {
            Directory.Delete(output, recursive: true);
        }
    }

    [Test]
    public void The_Dockerfile_builds_with_the_SDK_runs_on_the_runtime_as_a_non_root_user_with_data_port_and_health_check()
    {
        var text = File.ReadAllText(Path.Combine(Root, "Dockerfile"));
        var instructions = Instructions(text);
        var froms = instructions.Where(i => i.Verb == "FROM").Select(i => i.Args).ToList();
        var sdkMajor = Regex.Match(File.ReadAllText(Path.Combine(Root, "global.json")), "\"version\": \"(\\d+)\\.").Groups[1].Value;
        Assert.Multiple(() =>
        {
            Assert.That(froms, Is.EqualTo(new[] { $"mcr.microsoft.com/dotnet/sdk:{sdkMajor}.0 AS build", $"mcr.microsoft.com/dotnet/aspnet:{sdkMajor}.0 AS runtime" }));
            Assert.That(instructions, Has.Some.EqualTo(("RUN", "./build/publish.sh /app")), "the script the publish test runs");
            Assert.That(instructions, Has.Some.EqualTo(("COPY", "--from=build /app .")));
            Assert.That(instructions.Last(i => i.Verb == "USER").Args, Is.Not.EqualTo("root").And.Not.EqualTo("0"), "runs as non-root");
            Assert.That(instructions, Has.Some.EqualTo(("VOLUME", "/data")));
            Assert.That(instructions.Single(i => i.Verb == "ENV").Args, Does.Contain("PORT=3000").And.Contain("SQLITE_PATH=/data/").And.Contain("Database__KeyRingPath=/data/"));
            Assert.That(instructions, Has.Some.EqualTo(("EXPOSE", "3000")));
            Assert.That(instructions.Single(i => i.Verb == "HEALTHCHECK").Args, Does.Contain("\"--health-probe\"").And.Contain("/app/Suno.WebApi.dll"));
            Assert.That(instructions.Single(i => i.Verb == "ENTRYPOINT").Args, Is.EqualTo("[\"dotnet\", \"/app/Suno.WebApi.dll\"]"));
        });
    }

    [Test]
    public void The_compose_file_wires_the_gateway_to_its_PostgreSQL_service()
    {
        var yaml = new YamlStream();
        using (var reader = new StreamReader(Path.Combine(Root, "docker-compose.yml")))
        {
            yaml.Load(reader);
        }

        var root = (YamlMappingNode)yaml.Documents[0].RootNode;
        var services = Map(root, "services");
        var postgres = Map(services, "postgres");
        var gateway = Map(services, "gateway");
        var pgEnv = Map(postgres, "environment");
        var env = Map(gateway, "environment");
        var dsn = new Uri(Scalar(env, "SQL_DSN").Replace("${POSTGRES_PASSWORD:-suno}", "pw", StringComparison.Ordinal));
        var declaredVolumes = Map(root, "volumes").Children.Keys.Select(k => ((YamlScalarNode)k).Value).ToList();
        var gatewayVolumes = Sequence(gateway, "volumes");
        Assert.Multiple(() =>
        {
            Assert.That(Scalar(postgres, "image"), Does.StartWith("postgres:"));
            Assert.That(Scalar(gateway, "build"), Is.EqualTo("."), "built from the repository's Dockerfile");
            Assert.That(dsn.Scheme, Is.EqualTo("postgres"));
            Assert.That(dsn.Host, Is.EqualTo("postgres"), "the DSN names the database service");
            Assert.That(dsn.Port, Is.EqualTo(5432));
            Assert.That(dsn.UserInfo, Does.StartWith(Scalar(pgEnv, "POSTGRES_USER") + ":"));
            Assert.That(dsn.AbsolutePath.Trim('/'), Is.EqualTo(Scalar(pgEnv, "POSTGRES_DB")));
            Assert.That(Scalar(env, "SQL_DSN"), Does.Contain(Scalar(pgEnv, "POSTGRES_PASSWORD")), "the same password on both sides");
            Assert.That(Map(gateway, "depends_on").Children.Keys.Select(k => ((YamlScalarNode)k).Value), Does.Contain("postgres"));
            Assert.That(Sequence(gateway, "ports"), Has.Some.EndsWith(":" + Scalar(env, "PORT")), "the published port is the one the gateway listens on");
            Assert.That(gatewayVolumes, Has.Some.EndsWith(":/data"), "the image's data volume");
            Assert.That(gatewayVolumes.Concat(Sequence(postgres, "volumes")).Select(v => v.Split(':')[0]), Is.SubsetOf(declaredVolumes), "named volumes are declared");
        });
    }

    [Test]
    public void The_dockerignore_keeps_build_output_and_tests_out_and_what_the_publish_needs_in()
    {
        var patterns = File.ReadAllLines(Path.Combine(Root, ".dockerignore")).Select(l => l.Trim()).Where(l => l.Length > 0 && !l.StartsWith('#')).ToList();
        Assert.That(patterns, Is.SupersetOf(new[] { "**/bin", "**/obj", ".git", "tests" }));
        foreach (var needed in new[] { "src", "build", "build/publish.sh", "templates", "Directory.Build.props", "Directory.Packages.props", "global.json" })
        {
            Assert.That(patterns, Does.Not.Contain(needed), $"{needed} is in the build context");
            Assert.That(File.Exists(Path.Combine(Root, needed)) || Directory.Exists(Path.Combine(Root, needed)), Is.True, needed);
        }
    }

    /// <summary>Dockerfile instructions (verb, arguments), comments dropped and continuation lines joined.</summary>
    private static List<(string Verb, string Args)> Instructions(string text)
    {
        var joined = ContinuationRegex().Replace(text, " ");
        return joined.Split('\n')
            .Select(l => l.Trim())
            .Where(l => l.Length > 0 && !l.StartsWith('#'))
            .Select(l => l.Split(' ', 2))
            .Select(p => (p[0], WhitespaceRegex().Replace(p.Length > 1 ? p[1] : string.Empty, " ").Trim()))
            .ToList();
    }

    private static YamlMappingNode Map(YamlMappingNode node, string key) => (YamlMappingNode)node.Children[new YamlScalarNode(key)];

    private static string Scalar(YamlMappingNode node, string key) => ((YamlScalarNode)node.Children[new YamlScalarNode(key)]).Value!;

    private static List<string> Sequence(YamlMappingNode node, string key) =>
        ((YamlSequenceNode)node.Children[new YamlScalarNode(key)]).Children.Select(c => ((YamlScalarNode)c).Value!).ToList();

    [GeneratedRegex(@"\\\r?\n\s*")]
    private static partial Regex ContinuationRegex();

    [GeneratedRegex(@"\s+")]
    private static partial Regex WhitespaceRegex();
}
