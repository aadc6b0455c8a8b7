using Suno.Application.Common.Tenancy;
using Suno.Domain.Common;

namespace Suno.Application.UnitTests.Common;

public sealed class CallerContextTests
{
    [TestCase("__client=abc.def=", "abc.def=")]
    [TestCase("ajs_anonymous_id=x; __client=\"abc.def=\"", "abc.def=")]
    [TestCase("__client=old; __session=s; __client=abc.def=", "abc.def=")]
    public void The_tenant_is_keyed_by_the_value_the_account_is_keyed_by(string header, string client)
    {
        var caller = new CallerContext();
        caller.UseCookieHeader(header);

        Assert.Multiple(() =>
        {
            Assert.That(CookieHeader.Get(header, CookieHeader.ClientCookie), Is.EqualTo(client));
            Assert.That(caller.TenantId, Is.EqualTo(Tenants.ForClientCookie(client)), "quoted or repeated, one __client value is one tenant");
            Assert.That(caller.AccountCookie, Is.EqualTo(header));
        });
    }

    [TestCase(null)]
    [TestCase("")]
    [TestCase("__session=s; ajs_anonymous_id=x")]
    [TestCase("__client=")]
    [TestCase("__client=\"\"")]
    public void A_cookie_without_a_client_value_leaves_the_caller_the_pool(string? header)
    {
        var caller = new CallerContext();
        caller.UseCookieHeader(header);

        Assert.Multiple(() =>
        {
            Assert.That(caller.TenantId, Is.EqualTo(Tenants.Pool));
            Assert.That(caller.IsPool, Is.True);
        });
    }
}
