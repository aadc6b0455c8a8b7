using System.Net;
using System.Text.Json;
using Suno.FakeUpstream;
using Suno.WebApi.FunctionalTests.Support;
using Suno.WebApi.FunctionalTests.Tasks;

namespace Suno.WebApi.FunctionalTests.Accounts;

/// <summary>
/// GET /suno/account against a fake Suno with three configured accounts: a well-funded one (Suno:Cookie), one out
/// of credits and one whose cookie was revoked (both under Suno:Accounts). It reports credits and state, never a
/// cookie or a JWT.
/// </summary>
public sealed class AccountRouteTests
{
    private static readonly string BrokeToken = "broke-client-" + Guid.NewGuid().ToString("N");
    private static readonly string RevokedToken = "revoked-client-" + Guid.NewGuid().ToString("N");
    private TaskApiGateway _api = null!;

    [OneTimeSetUp]
    public async Task Start()
    {
        _api = await TaskApiGateway.StartAsync(settings: new Dictionary<string, string?>
        {
            ["Suno:Accounts:0:Name"] = "broke",
            ["Suno:Accounts:0:Cookie"] = "__client=" + BrokeToken,
            ["Suno:Accounts:1:Name"] = "revoked",
            ["Suno:Accounts:1:Cookie"] = "__client=" + RevokedToken,
        });

        // The gateway reaches Suno only when it needs to, so these can join the fake after it started.
        _api.Fake.State.AddAccount(new FakeAccountSpec { ClientToken = BrokeToken, Credits = 0, Plan = FakePlan.Pro });
        var revoked = _api.Fake.State.AddAccount(new FakeAccountSpec { ClientToken = RevokedToken, Credits = 500 });
        _api.Fake.State.RevokeAccount(revoked);
    }

    [OneTimeTearDown]
    public async Task Stop() => await _api.DisposeAsync();

    [Test]
    public async Task With_refresh_each_account_shows_its_credits_and_state()
    {
        var (text, accounts) = await GetAccountsAsync("/suno/account?refresh=true");

        Assert.That(accounts.Keys, Is.EquivalentTo(new[] { "default", "broke", "revoked" }), text);
        var funded = accounts["default"];
        var broke = accounts["broke"];
        var revoked = accounts["revoked"];
        Assert.Multiple(() =>
        {
            Assert.That(funded.GetProperty("status").GetString(), Is.EqualTo("active"));
            Assert.That(funded.GetProperty("credits_left").GetInt32(), Is.EqualTo(_api.Account.Credits));
            Assert.That(funded.GetProperty("monthly_limit").ValueKind, Is.EqualTo(JsonValueKind.Number));
            Assert.That(funded.GetProperty("monthly_usage").ValueKind, Is.EqualTo(JsonValueKind.Number));
            Assert.That(funded.GetProperty("period").GetString(), Is.Not.Empty);
            Assert.That(funded.GetProperty("last_refresh").GetInt64(), Is.GreaterThan(DateTimeOffset.UtcNow.AddMinutes(-5).ToUnixTimeSeconds()));
            Assert.That(funded.GetProperty("last_error").ValueKind, Is.EqualTo(JsonValueKind.Null));

            Assert.That(broke.GetProperty("status").GetString(), Is.EqualTo("exhausted"));
            Assert.That(broke.GetProperty("credits_left").GetInt32(), Is.Zero);
            Assert.That(broke.GetProperty("period").GetString(), Is.EqualTo("month"));

            Assert.That(revoked.GetProperty("status").GetString(), Is.EqualTo("invalid"));
            Assert.That(revoked.GetProperty("last_error").GetString(), Does.Contain("cookie"));
        });
    }

    [Test]
    public async Task Credits_read_after_a_generation_show_without_refresh()
    {
        var id = await _api.SubmitOkAsync("music", new { gpt_description_prompt = "a short jingle" });
        await _api.WaitForStatusAsync(id, "SUCCESS");

        await Eventually.AssertAsync(
            async () =>
            {
                var (_, accounts) = await GetAccountsAsync("/suno/account");
                return accounts["default"].GetProperty("credits_left") is { ValueKind: JsonValueKind.Number } credits
                    && credits.GetInt32() == _api.Account.Credits;
            },
            "GET /suno/account shows the credits left after the generation");
        Assert.That(_api.Account.Credits, Is.LessThan(10_000), "the generation cost credits");
    }

    [Test]
    public async Task Neither_a_cookie_nor_a_JWT_is_ever_in_the_answer_or_the_logs()
    {
        var (refreshed, _) = await GetAccountsAsync("/suno/account?refresh=true");
        var (plain, _) = await GetAccountsAsync("/suno/account");

        foreach (var text in new[] { refreshed, plain })
        {
            Assert.Multiple(() =>
            {
                Assert.That(text, Does.Not.Contain(_api.Account.ClientToken));
                Assert.That(text, Does.Not.Contain(_api.Account.AnonymousId));
                Assert.That(text, Does.Not.Contain(BrokeToken));
                Assert.That(text, Does.Not.Contain(RevokedToken));
                Assert.That(text, Does.Not.Contain(_api.Account.SessionId));
                Assert.That(text, Does.Not.Contain("eyJ"), "no JWT");
                Assert.That(text, Does.Not.Contain("__client"));
            });
        }

        Assert.That(_api.Gateway.Logs.Lines, Has.None.Contains(_api.Account.ClientToken));
        Assert.That(_api.Gateway.Logs.Lines, Has.None.Contains(BrokeToken));
    }

    [Test]
    public async Task A_refresh_value_that_is_not_a_boolean_is_400_in_the_envelope()
    {
        using var response = await _api.Client.GetAsync(new Uri("/suno/account?refresh=maybe", UriKind.Relative));
        var body = await response.ReadJsonAsync();

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest), body.ToString());
        Assert.That(body.GetProperty("code").GetString(), Is.EqualTo("invalid_request"));
    }

    private async Task<(string Text, Dictionary<string, JsonElement> Accounts)> GetAccountsAsync(string path)
    {
        using var response = await _api.Client.GetAsync(new Uri(path, UriKind.Relative));
        var text = await response.Content.ReadAsStringAsync();
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), text);
        var root = JsonDocument.Parse(text).RootElement;
        Assert.That(root.GetProperty("code").GetString(), Is.EqualTo("success"), text);
        var accounts = root.GetProperty("data").GetProperty("accounts").EnumerateArray()
            .ToDictionary(a => a.GetProperty("name").GetString()!, a => a.Clone(), StringComparer.Ordinal);
        return (text, accounts);
    }
}
