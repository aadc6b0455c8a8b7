using System.Diagnostics;
using System.Net;
using System.Text.Json;
using Suno.FakeUpstream;
using Suno.WebApi.FunctionalTests.Tasks;

namespace Suno.WebApi.FunctionalTests.Accounts;

/// <summary>
/// GET /suno/account answers seed 003's data.certificate for the default account (users run
/// jq '.data.certificate.credits_left'), without cookie or JWT and with the session id cut short, beside every
/// account; credits are read when older than the refresh interval, so they are there right after start.
/// </summary>
public sealed class AccountCertificateTests
{
    private static readonly string Api2Token = "second-client-" + Guid.NewGuid().ToString("N");
    private static readonly string SecondCookie = "__client=" + Api2Token;

    [Test]
    public async Task Right_after_start_the_certificate_has_the_credits_at_the_seed_jq_path()
    {
        await using var api = await TaskApiGateway.StartAsync(settings: new Dictionary<string, string?>
        {
            ["Suno:Accounts:0:Name"] = "zz-second",
            ["Suno:Accounts:0:Cookie"] = SecondCookie,
        });
        api.Fake.State.AddAccount(new FakeAccountSpec { ClientToken = Api2Token, Credits = 70 });
        Assert.That(api.Fake.State.Counters.Get(FakeSunoEndpoints.Billing), Is.LessThanOrEqualTo(2), "at most the reads at start");

        var started = DateTimeOffset.UtcNow.ToUnixTimeSeconds();
        var text = await GetAsync(api, "/suno/account");
        using var document = JsonDocument.Parse(text);
        var data = document.RootElement.GetProperty("data");
        var certificate = data.GetProperty("certificate");

        Assert.Multiple(() =>
        {
            Assert.That(document.RootElement.GetProperty("code").GetString(), Is.EqualTo("success"), text);
            Assert.That(certificate.GetProperty("credits_left").GetInt32(), Is.EqualTo(api.Account.Credits), text);
            Assert.That(certificate.GetProperty("monthly_limit").ValueKind, Is.EqualTo(JsonValueKind.Number), text);
            Assert.That(certificate.GetProperty("monthly_usage").ValueKind, Is.EqualTo(JsonValueKind.Number), text);
            Assert.That(certificate.GetProperty("period").GetString(), Is.Not.Empty, text);
            Assert.That(certificate.GetProperty("is_active").ValueKind, Is.EqualTo(JsonValueKind.True), text);
            Assert.That(certificate.GetProperty("last_update").GetInt64(), Is.InRange(started - 5, started + 60), text);
            Assert.That(certificate.GetProperty("session_id").GetString(), Is.EqualTo(api.Account.SessionId[..8] + "…"), text);
            Assert.That(certificate.EnumerateObject().Select(p => p.Name),
                Is.EquivalentTo(new[] { "session_id", "last_update", "credits_left", "monthly_limit", "monthly_usage", "period", "is_active" }), text);
            Assert.That(text, Does.Not.Contain(api.Account.SessionId), "never the whole session id");
            Assert.That(text, Does.Not.Contain(api.Account.ClientToken).And.Not.Contain(Api2Token).And.Not.Contain("eyJ"), "no cookie, no JWT");

            var accounts = data.GetProperty("accounts").EnumerateArray().ToDictionary(a => a.GetProperty("name").GetString()!, a => a);
            Assert.That(accounts.Keys, Is.EqualTo(new[] { "default", "zz-second" }), text);
            Assert.That(accounts["default"].GetProperty("credits_left").GetInt32(), Is.EqualTo(api.Account.Credits), text);
            Assert.That(accounts["zz-second"].GetProperty("credits_left").GetInt32(), Is.EqualTo(70), "every account's credits are fresh");
            Assert.That(accounts["zz-second"].GetProperty("status").GetString(), Is.EqualTo("active"), text);
        });

        Assert.That(Jq(text, ".data.certificate.credits_left"), Is.EqualTo(api.Account.Credits.ToString(System.Globalization.CultureInfo.InvariantCulture)));

        // One billing read per account: the gateway's read at start and this request's share one gate, so whichever
        // comes first is the one Suno sees. Fresh credits are not read again on the next request.
        var reads = api.Fake.State.Counters.Get(FakeSunoEndpoints.Billing);
        Assert.That(reads, Is.EqualTo(2), "one billing read per account, shared by the start-up read and the request");
        await GetAsync(api, "/suno/account");
        Assert.That(api.Fake.State.Counters.Get(FakeSunoEndpoints.Billing), Is.EqualTo(reads));

        await GetAsync(api, "/suno/account?refresh=true");
        Assert.That(api.Fake.State.Counters.Get(FakeSunoEndpoints.Billing), Is.EqualTo(reads + 2), "refresh=true reads them all again");
    }

    [Test]
    public async Task Credits_older_than_the_refresh_interval_are_read_again()
    {
        await using var api = await TaskApiGateway.StartAsync(settings: new Dictionary<string, string?>
        {
            ["Suno:Upstream:CreditsRefreshInterval"] = "00:00:01",
        });

        await GetAsync(api, "/suno/account");
        var reads = api.Fake.State.Counters.Get(FakeSunoEndpoints.Billing);
        await Task.Delay(TimeSpan.FromSeconds(2.2));
        var text = await GetAsync(api, "/suno/account");

        // The background refresh reads on its own ticks too; the request's own read makes at least one more.
        Assert.That(api.Fake.State.Counters.Get(FakeSunoEndpoints.Billing), Is.GreaterThan(reads));
        using var document = JsonDocument.Parse(text);
        var lastUpdate = document.RootElement.GetProperty("data").GetProperty("certificate").GetProperty("last_update").GetInt64();
        Assert.That(DateTimeOffset.UtcNow.ToUnixTimeSeconds() - lastUpdate, Is.LessThanOrEqualTo(2), text);
    }

    private static async Task<string> GetAsync(TaskApiGateway api, string path)
    {
        using var response = await api.Client.GetAsync(new Uri(path, UriKind.Relative));
        var text = await response.Content.ReadAsStringAsync();
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), text);
        return text;
    }

    /// <summary>Runs jq on the answer when it is installed (the seed's own command); else reads the path with System.Text.Json.</summary>
    private static string Jq(string json, string path)
    {
        var jq = Environment.GetEnvironmentVariable("PATH")?.Split(Path.PathSeparator)
            .Select(d => Path.Combine(d, "jq")).FirstOrDefault(File.Exists);
        if (jq is null)
        {
            TestContext.Out.WriteLine("jq is not installed; the path was read with System.Text.Json only");
            using var document = JsonDocument.Parse(json);
            return document.RootElement.GetProperty("data").GetProperty("certificate").GetProperty("credits_left").GetRawText();
        }

        using var process = Process.Start(new ProcessStartInfo(jq) { ArgumentList = { path }, RedirectStandardInput = true, RedirectStandardOutput = true })!;
        process.StandardInput.Write(json);
        process.StandardInput.Close();
        var output = process.StandardOutput.ReadToEnd().Trim();
        process.WaitForExit();
        Assert.That(process.ExitCode, Is.Zero, $"jq {path}");
        return output;
    }
}
