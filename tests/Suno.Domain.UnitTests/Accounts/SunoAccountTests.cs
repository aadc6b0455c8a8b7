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
    public void A_402_exhausts_the_account_even_when_billing_said_otherwise()
    {
        var account = NewAccount();
        account.UpdateCredits(500, 500, 0, "month", T0);
        account.MarkExhausted("Insufficient credits.", T0);
        Assert.Multiple(() =>
        {
            Assert.That(account.Status, Is.EqualTo(AccountStatus.Exhausted));
            Assert.That(account.CreditsLeft, Is.LessThan(SunoAccount.GenerationCost));
            Assert.That(account.CanGenerate, Is.False);
        });
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
