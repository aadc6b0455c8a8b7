using Suno.Domain.Accounts;

namespace Suno.Domain.UnitTests.Accounts;

public class SunoAccountTests
{
    private static readonly DateTime T0 = new(2026, 11, 22, 10, 0, 0, DateTimeKind.Utc);

    private static SunoAccount NewAccount() =>
        SunoAccount.Create("acc-1", "default", "__client=abc; ajs_anonymous_id=123", null, T0);

    [Test]
    public void A_new_account_is_active_and_can_generate_before_billing_is_known()
    {
        var account = NewAccount();
        Assert.Multiple(() =>
        {
            Assert.That(account.Status, Is.EqualTo(AccountStatus.Active));
            Assert.That(account.CanGenerate, Is.True);
            Assert.That(account.SessionId, Is.Null);
        });
    }

    [Test]
    public void Credits_below_one_generation_exhaust_the_account_and_credits_back_reactivate_it()
    {
        var account = NewAccount();
        account.UpdateCredits(9, 50, 41, "day", T0);
        Assert.Multiple(() =>
        {
            Assert.That(account.Status, Is.EqualTo(AccountStatus.Exhausted));
            Assert.That(account.CanGenerate, Is.False);
            Assert.That(account.LastError, Does.Contain("9 credits left"));
        });

        account.UpdateCredits(50, 50, 0, "day", T0.AddDays(1));
        Assert.Multiple(() =>
        {
            Assert.That(account.Status, Is.EqualTo(AccountStatus.Active));
            Assert.That(account.CanGenerate, Is.True);
            Assert.That(account.LastError, Is.Null);
            Assert.That(account.CreditsRefreshedAt, Is.EqualTo(T0.AddDays(1)));
        });
    }

    [Test]
    public void A_402_exhausts_the_account_and_billing_then_tells_no_credits_from_a_plan_limit()
    {
        var account = NewAccount();
        account.UpdateCredits(500, 500, 0, "month", T0);
        account.RecordGenerationRefused("Insufficient credits.", T0);
        Assert.Multiple(() =>
        {
            Assert.That(account.Status, Is.EqualTo(AccountStatus.Exhausted));
            Assert.That(account.CanGenerate, Is.False);
            Assert.That(account.NextCheckAt, Is.EqualTo(T0.AddSeconds(30)));
        });

        // Billing right after still shows credits: a plan limit; the account rests until its next check.
        account.UpdateCredits(500, 500, 0, "month", T0.AddSeconds(1));
        Assert.That(account.Status, Is.EqualTo(AccountStatus.Exhausted));
        Assert.That(account.LastError, Does.Contain("plan limit"));
        Assert.That(account.MayRecheckCredits(T0.AddSeconds(2)), Is.False, "billing alone does not lift a plan limit before the check is due");

        account.UpdateCredits(500, 500, 0, "month", T0.AddSeconds(30));
        Assert.That(account.Status, Is.EqualTo(AccountStatus.Active), "tried again once the check is due");

        // The second 402 in a row waits twice as long.
        account.RecordGenerationRefused("Daily cap.", T0.AddSeconds(31));
        Assert.That(account.NextCheckAt, Is.EqualTo(T0.AddSeconds(31 + 60)));

        // Billing showing no credits: plain exhaustion, which billing alone lifts.
        account.UpdateCredits(5, 500, 495, "month", T0.AddSeconds(32));
        Assert.That(account.PlanLimited, Is.False);
        Assert.That(account.MayRecheckCredits(T0.AddSeconds(33)), Is.True);
        account.UpdateCredits(100, 500, 400, "month", T0.AddSeconds(33));
        Assert.That(account.Status, Is.EqualTo(AccountStatus.Active));
        Assert.That(account.LastError, Is.Null);
    }

    [Test]
    public void The_backoff_doubles_from_its_base_and_stops_at_the_cap()
    {
        var b = TimeSpan.FromSeconds(30);
        var cap = TimeSpan.FromMinutes(10);
        Assert.That(Enumerable.Range(1, 7).Select(n => SunoAccount.Backoff(n, b, cap).TotalSeconds), Is.EqualTo(new double[] { 30, 60, 120, 240, 480, 600, 600 }));
    }

    [Test]
    public void A_successful_generation_spends_the_known_credits_without_a_billing_read()
    {
        var account = NewAccount();
        account.UpdateCredits(25, 500, 0, "month", T0);
        account.RecordGeneration(T0);
        Assert.That(account.CreditsLeft, Is.EqualTo(15));
        Assert.That(account.Status, Is.EqualTo(AccountStatus.Active));
        account.RecordGeneration(T0);
        Assert.That(account.CreditsLeft, Is.EqualTo(5));
        Assert.That(account.Status, Is.EqualTo(AccountStatus.Exhausted));
        Assert.That(account.IsCheckDue(T0), Is.True, "billing is read next");
    }

    [Test]
    public void The_cookie_is_invalid_only_after_refusals_in_a_row_and_a_good_exchange_ends_the_run()
    {
        var account = NewAccount();
        Assert.That(account.RecordAuthRefusal("refused", 3, T0), Is.False);
        Assert.That(account.RecordAuthRefusal("refused", 3, T0), Is.False);
        account.RecordAuthSuccess(T0);
        Assert.That(account.AuthFailures, Is.Zero);
        Assert.That(account.RecordAuthRefusal("refused", 3, T0), Is.False);
        Assert.That(account.RecordAuthRefusal("refused", 3, T0), Is.False);
        Assert.That(account.RecordAuthRefusal("refused", 3, T0), Is.True);
        Assert.That(account.Status, Is.EqualTo(AccountStatus.Invalid));
        Assert.That(account.IsCheckDue(T0.AddSeconds(30)), Is.True, "an invalid account is checked again");
        account.RecordAuthSuccess(T0.AddSeconds(30));
        Assert.That(account.Status, Is.EqualTo(AccountStatus.Active));
    }

    [Test]
    public void An_invalid_account_stays_invalid_until_its_cookie_is_replaced()
    {
        var account = NewAccount();
        account.CacheToken("jwt-1", T0.AddMinutes(1), T0);
        account.MarkInvalid("Clerk refused the cookie; renew SUNO_COOKIE.", T0);
        Assert.Multiple(() =>
        {
            Assert.That(account.Status, Is.EqualTo(AccountStatus.Invalid));
            Assert.That(account.Jwt, Is.Null, "a refused session's token is dropped");
            Assert.That(account.CanGenerate, Is.False);
        });

        account.UpdateCredits(100, 100, 0, "month", T0);
        Assert.That(account.Status, Is.EqualTo(AccountStatus.Invalid), "credits do not revive a dead cookie");

        account.ReplaceCredentials("__client=new", null, T0.AddHours(1));
        Assert.Multiple(() =>
        {
            Assert.That(account.Status, Is.EqualTo(AccountStatus.Active));
            Assert.That(account.LastError, Is.Null);
            Assert.That(account.Cookie, Is.EqualTo("__client=new"));
        });
    }

    [Test]
    public void Replacing_credentials_with_the_same_values_keeps_the_cached_token()
    {
        var account = NewAccount();
        account.CacheToken("jwt-1", T0.AddMinutes(1), T0);
        account.ReplaceCredentials(account.Cookie, null, T0);
        Assert.That(account.Jwt, Is.EqualTo("jwt-1"));

        account.ReplaceCredentials("__client=other", "sess_2", T0);
        Assert.Multiple(() =>
        {
            Assert.That(account.Jwt, Is.Null);
            Assert.That(account.SessionId, Is.EqualTo("sess_2"));
        });
    }

    [Test]
    public void A_token_is_fresh_only_outside_the_margin_before_expiry()
    {
        var account = NewAccount();
        Assert.That(account.HasFreshToken(T0, TimeSpan.FromSeconds(10)), Is.False);
        account.CacheToken("jwt-1", T0.AddSeconds(60), T0);
        Assert.Multiple(() =>
        {
            Assert.That(account.HasFreshToken(T0.AddSeconds(40), TimeSpan.FromSeconds(10)), Is.True);
            Assert.That(account.HasFreshToken(T0.AddSeconds(50), TimeSpan.FromSeconds(10)), Is.False);
            Assert.That(account.HasFreshToken(T0.AddSeconds(61), TimeSpan.Zero), Is.False);
        });
    }

    [Test]
    public void Blank_credentials_are_refused()
    {
        Assert.That(() => SunoAccount.Create("a", "n", " ", null, T0), Throws.ArgumentException);
        Assert.That(() => NewAccount().MarkInvalid("", T0), Throws.ArgumentException);
    }
}
