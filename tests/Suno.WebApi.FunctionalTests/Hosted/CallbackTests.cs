using System.Net;
using System.Text.Json;
using Suno.Application.Callbacks;
using Suno.FakeUpstream;
using Suno.Infrastructure.Callbacks;
using Suno.Infrastructure.Persistence;
using Suno.WebApi.FunctionalTests.Support;
using Suno.WebApi.FunctionalTests.Tasks;
using static Suno.WebApi.FunctionalTests.Hosted.HostedApi;

namespace Suno.WebApi.FunctionalTests.Hosted;

/// <summary>
/// The callback outbox end to end: the gateway, the fake Suno and a real receiver on 127.0.0.1. Retry delays are
/// shortened to 1 s; loopback targets are allowed (the receiver is on loopback); private ranges never are.
/// </summary>
[TestFixture(DatabaseProvider.Sqlite)]
[TestFixture(DatabaseProvider.Postgres)]
[TestFixture(DatabaseProvider.SqlServer)]
public sealed class CallbackTests(DatabaseProvider provider)
{
    private const string Key = "callback-signing-key";
    private TaskApiGateway _api = null!;
    private CallbackReceiver _receiver = null!;

    private HttpClient Client => _api.Client;

    [OneTimeSetUp]
    public async Task Start()
    {
        _receiver = await CallbackReceiver.StartAsync();
        _api = await TaskApiGateway.StartAsync(provider, settings: new Dictionary<string, string?>
        {
            ["Network:AllowLoopbackTargets"] = "true",
            ["Callbacks:SigningKey"] = Key,
            ["Callbacks:RetryDelaysSeconds"] = "1,1,1",
            ["Callbacks:TimeoutSeconds"] = "1",
        });
    }

    [OneTimeTearDown]
    public async Task Stop()
    {
        if (_api is not null) // null when the fixture was skipped (SQL Server without TEST_SQLSERVER)
        {
            await _api.DisposeAsync();
        }

        await _receiver.DisposeAsync();
    }

    [Test]
    public async Task Every_music_stage_arrives_once_in_order_signed_with_the_documented_body()
    {
        var taskId = await SubmitOkAsync(Client, "/api/v1/generate", new
        {
            prompt = "a calm song for callbacks", customMode = false, instrumental = false, model = "V4_5", callBackUrl = _receiver.Url("/music"),
        });
        await Eventually.AssertAsync(
            () => Task.FromResult(_receiver.On("/music").Any(r => Stage(r) == "complete")),
            "the complete callback arrives",
            TimeSpan.FromSeconds(30));
        await Task.Delay(TimeSpan.FromSeconds(2));  // nothing more may come

        var got = _receiver.On("/music");
        Assert.That(got.Select(Stage), Is.EqualTo(new[] { "text", "first", "complete" }), string.Join("\n", got.Select(g => g.Body)));
        Assert.That(got.Select(g => g.CallbackId).Distinct().Count(), Is.EqualTo(3), "each stage has its own X-Callback-Id");
        foreach (var callback in got)
        {
            Assert.Multiple(() =>
            {
                Assert.That(callback.Body.GetProperty("code").GetInt32(), Is.EqualTo(200));
                Assert.That(callback.Body.GetProperty("data").GetProperty("task_id").GetString(), Is.EqualTo(taskId));
                Assert.That(long.Parse(callback.Timestamp!, System.Globalization.CultureInfo.InvariantCulture), Is.EqualTo(DateTimeOffset.UtcNow.ToUnixTimeSeconds()).Within(120));
                Assert.That(callback.Signature, Is.EqualTo(CallbackSender.Sign(taskId, callback.Timestamp!, Key)), "signature verifies");
                Assert.That(callback.Body.GetRawText(), Does.Not.Contain(_api.Account.Cookie), "no cookie in a callback");
            });
        }

        Assert.That(got[0].Body.GetProperty("data").GetProperty("data").GetArrayLength(), Is.EqualTo(0), "text carries no items");
        var complete = got[2].Body;
        Assert.That(complete.GetProperty("msg").GetString(), Is.EqualTo("All generated successfully."));
        var items = complete.GetProperty("data").GetProperty("data");
        Assert.That(items.GetArrayLength(), Is.EqualTo(2));
        Assert.That(items[0].GetProperty("audio_url").GetString(), Does.EndWith(".mp3"));
        Assert.That(items[0].TryGetProperty("stream_audio_url", out _), Is.True);

        var record = (await GetAsync(Client, $"/api/v1/generate/record-info?taskId={taskId}")).GetProperty("data");
        Assert.That(record.GetProperty("status").GetString(), Is.EqualTo("SUCCESS"));
    }

    [Test]
    public async Task A_receiver_failing_twice_gets_exactly_three_deliveries_with_one_callback_id_on_the_task_route()
    {
        _receiver.FailFirst("/flaky", 2);
        var (response, body) = await _api.SubmitAsync("lyrics", new { prompt = "lyrics for a flaky receiver", callback_url = _receiver.Url("/flaky") });
        using (response)
        {
            Assert.That((int)response.StatusCode, Is.EqualTo(200), body.ToString());
        }

        await Eventually.AssertAsync(
            () => Task.FromResult(_receiver.On("/flaky").Count >= 3),
            "three deliveries",
            TimeSpan.FromSeconds(30));
        await Task.Delay(TimeSpan.FromSeconds(3));  // longer than a retry delay: a fourth would have come

        var got = _receiver.On("/flaky");
        Assert.That(got, Has.Count.EqualTo(3));
        Assert.That(got.Select(g => g.CallbackId).Distinct().Count(), Is.EqualTo(1), "X-Callback-Id stays the same across retries");
        Assert.That(got.Select(Stage), Is.All.EqualTo("complete"));
        Assert.That(got[0].Body.GetProperty("data").GetProperty("data")[0].GetProperty("text").GetString(), Is.Not.Empty);
    }

    [Test]
    public async Task A_receiver_that_never_answers_2xx_is_given_up_and_recorded_as_callback_exception()
    {
        _receiver.FailFirst("/down", int.MaxValue);
        var taskId = await SubmitOkAsync(Client, "/api/v1/lyrics", new { prompt = "lyrics nobody takes", callBackUrl = _receiver.Url("/down") });
        var record = await WaitForAsync(Client, taskId, "lyrics", "CALLBACK_EXCEPTION");
        Assert.That(record.GetProperty("errorMessage").GetString(), Does.Contain("given up"));
        Assert.That(_receiver.On("/down"), Has.Count.EqualTo(4), "the first attempt and three retries");
        var task = await _api.TaskAsync(taskId);
        Assert.That(task.GetProperty("callback_error").GetString(), Does.Contain("500"));
    }

    [Test]
    public async Task A_receiver_that_hangs_is_timed_out_and_retried()
    {
        _receiver.HangFirst("/hang", 1);
        var taskId = await SubmitOkAsync(Client, "/api/v1/lyrics", new { prompt = "lyrics for a slow receiver", callBackUrl = _receiver.Url("/hang") });
        await Eventually.AssertAsync(
            () => Task.FromResult(_receiver.On("/hang").Count >= 2),
            "a second attempt after the first timed out",
            TimeSpan.FromSeconds(30));
        await Task.Delay(CallbackReceiver.HangFor);  // the hung answer comes late; nothing more may be sent

        var got = _receiver.On("/hang");
        Assert.That(got, Has.Count.EqualTo(2));
        Assert.That(got.Select(g => g.CallbackId).Distinct().Count(), Is.EqualTo(1));
        var record = (await GetAsync(Client, $"/api/v1/lyrics/record-info?taskId={taskId}")).GetProperty("data");
        Assert.That(record.GetProperty("status").GetString(), Is.EqualTo("SUCCESS"), "delivered on the retry, not given up");
    }

    private static IEnumerable<string> RefusedUrls() =>
    [
        "http://10.0.0.1/cb",
        "http://172.16.5.4/cb",
        "http://192.168.1.1/cb",
        "http://169.254.169.254/latest/meta-data/",
        "http://0.0.0.0/cb",
        "http://224.0.0.1/cb",
        "http://[fc00::1]/cb",
        "http://[fe80::1]/cb",
        "http://[::ffff:10.0.0.1]/cb",
        "http://[::ffff:169.254.169.254]/cb",
        "http://167772161/cb",       // 10.0.0.1 in decimal
        "http://0x0a000001/cb",      // 10.0.0.1 in hex
        "http://012.0.0.1/cb",       // 10.0.0.1 in octal
        "http://0xa9.0xfe.0xa9.0xfe/cb",
        "ftp://example.com/cb",
        "http://user:pw@example.com/cb",
        "http://example.com/" + new string('a', 2100),
    ];

    [TestCaseSource(nameof(RefusedUrls))]
    public async Task A_refused_callback_url_is_400_naming_the_field_before_anything_is_called(string url)
    {
        var before = _api.Fake.State.Counters.Get(FakeSunoEndpoints.Generate);
        var hosted = await PostAsync(Client, "/api/v1/generate", new { prompt = "x", customMode = false, instrumental = false, model = "V4", callBackUrl = url });
        var (response, tasks) = await _api.SubmitAsync("music", new { gpt_description_prompt = "x", callback_url = url });
        using (response)
        {
            Assert.Multiple(() =>
            {
                Assert.That(hosted.GetProperty("code").GetInt32(), Is.EqualTo(400), hosted.ToString());
                Assert.That(hosted.GetProperty("msg").GetString(), Does.Contain("callBackUrl"));
                Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest), tasks.ToString());
                Assert.That(tasks.GetProperty("message").GetString(), Does.Contain("callback_url"));
                Assert.That(_api.Fake.State.Counters.Get(FakeSunoEndpoints.Generate), Is.EqualTo(before));
            });
        }
    }

    [TestCase("http://127.0.0.1/cb")]
    [TestCase("http://[::1]/cb")]
    [TestCase("http://localhost/cb")]
    [TestCase("http://2130706433/cb")]
    public void Loopback_is_refused_unless_allowed(string url)
    {
        Assert.That(TargetAddressGuard.ProblemOf(url, allowLoopback: false), Is.Not.Null);
        Assert.That(TargetAddressGuard.ProblemOf(url, allowLoopback: true), Is.Null);
    }

    [TestCase("10.1.2.3")]
    [TestCase("169.254.169.254")]
    [TestCase("::ffff:192.168.0.1")]
    [TestCase("fd12::1")]
    public void A_name_that_resolves_to_a_refused_address_is_refused_at_delivery_without_connecting(string address)
    {
        var resolved = 0;
        Task<IPAddress[]> Resolve(string host, CancellationToken token)
        {
            resolved++;
            return Task.FromResult(new[] { IPAddress.Parse(address) });
        }

        Assert.ThrowsAsync<RefusedTargetException>(async () =>
            await GuardedConnector.ConnectAsync(new DnsEndPoint("rebinding.example", 80), allowLoopback: true, Resolve, CancellationToken.None));
        Assert.That(resolved, Is.EqualTo(1), "resolved once; the checked answer is the one connected to");
    }

    private static string? Stage(ReceivedCallback callback) =>
        callback.Body.GetProperty("data").TryGetProperty("callbackType", out var type) ? type.GetString() : null;
}
