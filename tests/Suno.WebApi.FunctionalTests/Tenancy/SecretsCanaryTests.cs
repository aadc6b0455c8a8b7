using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using Suno.FakeUpstream;
using Suno.Infrastructure.Persistence;
using Suno.WebApi.FunctionalTests.Support;
using Suno.WebApi.FunctionalTests.Tasks;

namespace Suno.WebApi.FunctionalTests.Tenancy;

/// <summary>
/// The secrets canary: the configured cookie, a request's own cookie, SECRET_TOKEN and CHAT_OPENAI_KEY get unique
/// values; every family's routes are driven with logging at Trace; then none of the values may appear in any log
/// line (the captured provider's and the ROTATE_LOGS files'), any response body, the OpenAPI document, or the bytes of the database (the SQLite file and its WAL, or
/// every row of every PostgreSQL table). The cookies are stored, encrypted.
/// </summary>
[TestFixture(DatabaseProvider.Sqlite)]
[TestFixture(DatabaseProvider.Postgres)]
public sealed class SecretsCanaryTests(DatabaseProvider provider)
{
    [Test]
    public async Task No_secret_reaches_a_log_a_response_the_openapi_document_or_the_database()
    {
        var run = Guid.NewGuid().ToString("N");
        var secretToken = "canary-token-" + run;
        var openAiKey = "canary-openai-" + run;
        await using var fake = await FakeSunoServer.StartAsync(TaskApiGateway.FastClips());
        var configured = fake.State.AddAccount(new FakeAccountSpec { Credits = 1_000, ClientToken = "canary-configured-" + run });
        var visitor = fake.State.AddAccount(new FakeAccountSpec { Credits = 1_000, ClientToken = "canary-visitor-" + run });
        string[] secrets = [configured.ClientToken, visitor.ClientToken, secretToken, openAiKey];
        var logDir = Path.Combine(Path.GetTempPath(), "suno-canary-logs-" + run);

        await using var gateway = await Gateway.StartAsync(provider, new Dictionary<string, string?>
        {
            ["Suno:Cookie"] = configured.Cookie,
            ["Suno:BaseUrl"] = fake.BaseUrl.ToString(),
            ["Suno:ClerkBaseUrl"] = fake.ClerkBaseUrl.ToString(),
            ["Suno:PersistRequestAccounts"] = "true",
            ["Auth:SecretToken"] = secretToken,
            ["Chat:OpenAiBase"] = new Uri(fake.BaseUrl, "openai/v1").ToString(),
            ["Chat:OpenAiKey"] = openAiKey,
            ["Tasks:PollIntervalSeconds"] = "1",
            ["DEBUG"] = "true",
            ["Logging:RotateLogs"] = "true",
            ["Logging:Directory"] = logDir,
        });
        var client = gateway.Client;
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", secretToken);
        var bodies = new List<string>();

        async Task<string> SendAsync(HttpMethod method, string path, object? body = null, string? cookie = null)
        {
            using var request = new HttpRequestMessage(method, path) { Content = body is null ? null : JsonContent.Create(body) };
            if (cookie is not null)
            {
                request.Headers.Add("Cookie", cookie);
            }

            using var response = await client.SendAsync(request);
            var text = await response.Content.ReadAsStringAsync();
            bodies.Add(text);
            return text;
        }

        var submitted = await SendAsync(HttpMethod.Post, "/suno/submit/music", new { gpt_description_prompt = "a canary sings" });
        var taskId = System.Text.Json.JsonDocument.Parse(submitted).RootElement.GetProperty("data").GetString()!;
        var generated = await SendAsync(HttpMethod.Post, "/api/generate", new { prompt = "a canary sings twice", wait_audio = true });
        var clipId = System.Text.Json.JsonDocument.Parse(generated).RootElement[0].GetProperty("id").GetString()!;
        await SendAsync(HttpMethod.Post, "/api/generate", new { prompt = "a visitor's own song", wait_audio = true }, visitor.Cookie);
        await SendAsync(HttpMethod.Get, $"/suno/fetch/{taskId}");
        await SendAsync(HttpMethod.Post, "/suno/fetch", new { ids = new[] { taskId } });
        await SendAsync(HttpMethod.Get, $"/api/get?ids={clipId}");
        await SendAsync(HttpMethod.Get, "/api/get_limit");
        await SendAsync(HttpMethod.Get, "/api/get_limit", cookie: visitor.Cookie);
        await SendAsync(HttpMethod.Get, $"/api/clip?id={clipId}");
        await SendAsync(HttpMethod.Get, "/suno/account?refresh=true");
        await SendAsync(HttpMethod.Post, "/v1/chat/completions", new { model = "chirp-v3-5", messages = new[] { new { role = "user", content = "a canary's song" } } });
        await SendAsync(HttpMethod.Post, "/suno/submit/music", new { prompt = "x", mv = "no-such-model" });
        Assert.That(await SendAsync(HttpMethod.Get, "/metrics"), Does.Contain("suno_account_credits_left"), "the metrics were read");
        var openApi = await SendAsync(HttpMethod.Get, "/openapi/v1.json");
        Assert.That(openApi, Does.Contain("\"openapi\""), "the document was read");

        var stored = await StoredTextAsync(gateway);
        await using (var db = gateway.Database.CreateContext())
        {
            var cookies = await db.Accounts.Select(a => EF.Property<string>(a, "StoredCookie")).ToListAsync();
            Assert.That(cookies, Has.Count.GreaterThanOrEqualTo(2), "both accounts are stored");
            Assert.That(cookies, Is.All.StartWith(CookieProtector.Prefix), "stored encrypted");
        }

        var logs = gateway.Logs.Lines.ToList();
        Assert.That(logs, Is.Not.Empty);
        var fileLines = Logging.FileLogTests.FileLines(logDir);
        Directory.Delete(logDir, recursive: true);
        Assert.That(fileLines, Has.Count.GreaterThan(logs.Count / 2), "the files hold the trace-level events too");
        logs.AddRange(fileLines);
        foreach (var secret in secrets)
        {
            Assert.That(logs.Where(l => l.Contains(secret, StringComparison.Ordinal)), Is.Empty, "log lines with a secret");
            Assert.That(bodies.Where(b => b.Contains(secret, StringComparison.Ordinal)), Is.Empty, "response bodies with a secret");
            Assert.That(stored.Contains(secret, StringComparison.Ordinal), Is.False, "the database holds a secret in clear");
        }

        Assert.That(stored.Contains("eyJ", StringComparison.Ordinal), Is.False, "no JWT is stored");
    }

    /// <summary>The database as text: the SQLite file and its WAL byte for byte, or every row of every PostgreSQL table.</summary>
    private static async Task<string> StoredTextAsync(Gateway gateway)
    {
        if (gateway.Database.SqlitePath is { } path)
        {
            var text = new StringBuilder();
            foreach (var file in new[] { path, path + "-wal" }.Where(File.Exists))
            {
                await using var stream = new FileStream(file, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
                using var memory = new MemoryStream();
                await stream.CopyToAsync(memory);
                text.Append(Encoding.Latin1.GetString(memory.ToArray()));
            }

            return text.ToString();
        }

        var rows = new StringBuilder();
        await using var connection = new NpgsqlConnection(gateway.Database.ConnectionString);
        await connection.OpenAsync();
        var tables = new List<string>();
        await using (var list = new NpgsqlCommand("SELECT table_name FROM information_schema.tables WHERE table_schema = 'public'", connection))
        await using (var reader = await list.ExecuteReaderAsync())
        {
            while (await reader.ReadAsync())
            {
                tables.Add(reader.GetString(0));
            }
        }

        foreach (var table in tables)
        {
#pragma warning disable CA2100 // table names come from the catalogue, not from input
            await using var dump = new NpgsqlCommand($"SELECT row_to_json(t)::text FROM \"{table}\" t", connection);
#pragma warning restore CA2100
            await using var reader = await dump.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                rows.AppendLine(reader.GetString(0));
            }
        }

        Assert.That(rows.ToString(), Does.Contain(CookieProtector.Prefix), "the dump read the accounts' rows");
        return rows.ToString();
    }
}
