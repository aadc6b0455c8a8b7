using System.Net;
using Suno.FakeUpstream;
using Suno.WebApi.FunctionalTests.Support;

namespace Suno.WebApi.FunctionalTests.Tasks;

/// <summary>What a submission answers when Suno refuses it, and that the refused task is kept as a failure.</summary>
public sealed class UpstreamRefusalTests
{
    [Test]
    public async Task Out_of_credits_is_a_402_the_task_is_recorded_as_failed_and_the_next_submission_is_a_402_too()
    {
        await using var api = await TaskApiGateway.StartAsync();
        api.Account.Credits = 5; // spent elsewhere: the gateway still believes the last billing read
        var (response, json) = await api.SubmitAsync("music", new { gpt_description_prompt = "no money" });
        using (response)
        {
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.PaymentRequired), json.ToString());
            Assert.That(json.GetProperty("code").GetString(), Is.EqualTo("out_of_credits"));
        }

        await using (var db = api.Gateway.Database.CreateContext())
        {
            var failed = db.Tasks.Single();
            Assert.That(failed.Status, Is.EqualTo(Domain.Tasks.SunoTaskStatus.Failure));
            Assert.That(failed.FailReason, Is.Not.Empty);
        }

        // Now the gateway knows: it answers 402 without asking Suno again.
        var generateCalls = api.Fake.State.Counters.Get(FakeSunoEndpoints.Generate);
        var (again, againJson) = await api.SubmitAsync("music", new { gpt_description_prompt = "still no money" });
        using (again)
        {
            Assert.That(again.StatusCode, Is.EqualTo(HttpStatusCode.PaymentRequired), againJson.ToString());
            Assert.That(againJson.GetProperty("message").GetString(), Does.Contain("credits"));
        }

        Assert.That(api.Fake.State.Counters.Get(FakeSunoEndpoints.Generate), Is.EqualTo(generateCalls));
    }

    [Test]
    public async Task Captcha_required_without_a_solver_is_a_422_saying_what_to_configure()
    {
        await using var api = await TaskApiGateway.StartAsync();
        api.Fake.State.CaptchaRequired = true;
        var (response, json) = await api.SubmitAsync("music", new { gpt_description_prompt = "needs a captcha" });
        using (response)
        {
            Assert.That((int)response.StatusCode, Is.EqualTo(422), json.ToString());
            Assert.That(json.GetProperty("code").GetString(), Is.EqualTo("captcha_required"));
            Assert.That(json.GetProperty("message").GetString(), Does.Contain("CAPTCHA_SOLVER_URL"));
        }

        Assert.That(api.Fake.State.Counters.Get(FakeSunoEndpoints.Generate), Is.Zero.Or.EqualTo(0));
    }

    [Test]
    public async Task Suno_5xx_on_generate_is_a_503_and_never_retried()
    {
        await using var api = await TaskApiGateway.StartAsync();
        api.Fake.State.Faults.FailNext(1, 500, FakeSunoEndpoints.Generate);
        var (response, json) = await api.SubmitAsync("music", new { gpt_description_prompt = "server down" });
        using (response)
        {
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.ServiceUnavailable), json.ToString());
        }

        Assert.That(api.Fake.State.Counters.Get(FakeSunoEndpoints.Generate), Is.EqualTo(1));
    }
}
