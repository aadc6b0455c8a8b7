using Microsoft.Extensions.Options;
using Moq;
using Suno.Application.Accounts;
using Suno.Application.Accounts.Queries.ListAccounts;
using Suno.Application.Common.Exceptions;
using Suno.Application.Common.Interfaces;
using Suno.Application.Common.Upstream;

namespace Suno.Application.UnitTests.Accounts;

public sealed class ListAccountsQueryHandlerTests
{
    private static readonly DateTime Now = new(2025, 6, 1, 12, 0, 0, DateTimeKind.Utc);
    private Mock<IAccountProvider> _accounts = null!;

    [SetUp]
    public void NewMock() => _accounts = new Mock<IAccountProvider>(MockBehavior.Strict);  // NUnit shares the fixture between tests

    private ListAccountsQueryHandler Handler() =>
        new(_accounts.Object, new FixedClock(Now), Options.Create(new AccountListOptions { CreditsMaxAge = TimeSpan.FromMinutes(10) }));

    [Test]
    public async Task Lists_the_gateways_own_accounts_by_name_without_request_accounts()
    {
        _accounts.Setup(a => a.ListAsync(It.IsAny<CancellationToken>()))
            .ReturnsAsync([Summary("b", "zeta", read: Now.AddMinutes(-9)), Summary("req-1", "request-1", isRequest: true), Summary("a", "Alpha", read: Now)]);

        var result = await Handler().Handle(new ListAccountsQuery(), CancellationToken.None);

        Assert.That(result.Select(a => a.Name), Is.EqualTo(new[] { "Alpha", "zeta" }));
        _accounts.Verify(a => a.RefreshCreditsAsync(It.IsAny<string>(), It.IsAny<bool>(), It.IsAny<CancellationToken>()), Times.Never);
    }

    [Test]
    public async Task Refresh_reads_billing_for_every_account_but_invalid_ones_and_survives_a_failure()
    {
        _accounts.SetupSequence(a => a.ListAsync(It.IsAny<CancellationToken>()))
            .ReturnsAsync([Summary("a", "a"), Summary("b", "b", "invalid"), Summary("c", "c", "exhausted")])
            .ReturnsAsync([Summary("a", "a", credits: 40), Summary("b", "b", "invalid"), Summary("c", "c", "exhausted", credits: 0)]);
        _accounts.Setup(a => a.RefreshCreditsAsync("a", It.IsAny<bool>(), It.IsAny<CancellationToken>()))
            .ThrowsAsync(new UpstreamUnavailableException("Suno is down"));
        _accounts.Setup(a => a.RefreshCreditsAsync("c", It.IsAny<bool>(), It.IsAny<CancellationToken>())).ReturnsAsync(Summary("c", "c", "exhausted", credits: 0));

        var result = await Handler().Handle(new ListAccountsQuery(Refresh: true), CancellationToken.None);

        Assert.That(result.Select(a => a.CreditsLeft), Is.EqualTo(new int?[] { 40, null, 0 }), "the list is read again after the refresh");
        _accounts.Verify(a => a.RefreshCreditsAsync("a", true, It.IsAny<CancellationToken>()), Times.Once, "refresh=true forces the read");
        _accounts.Verify(a => a.RefreshCreditsAsync("c", true, It.IsAny<CancellationToken>()), Times.Once);
        _accounts.Verify(a => a.RefreshCreditsAsync("b", It.IsAny<bool>(), It.IsAny<CancellationToken>()), Times.Never);
    }

    [Test]
    public async Task Credits_never_read_or_older_than_the_refresh_interval_are_read_first_without_refresh()
    {
        _accounts.SetupSequence(a => a.ListAsync(It.IsAny<CancellationToken>()))
            .ReturnsAsync([Summary("a", "a"), Summary("b", "b", read: Now.AddMinutes(-11)), Summary("c", "c", read: Now.AddMinutes(-1)), Summary("d", "d", "invalid")])
            .ReturnsAsync([Summary("a", "a", credits: 50, read: Now), Summary("b", "b", credits: 7, read: Now), Summary("c", "c", credits: 3), Summary("d", "d", "invalid")]);
        _accounts.Setup(a => a.RefreshCreditsAsync("a", It.IsAny<bool>(), It.IsAny<CancellationToken>())).ReturnsAsync(Summary("a", "a", credits: 50, read: Now));
        _accounts.Setup(a => a.RefreshCreditsAsync("b", It.IsAny<bool>(), It.IsAny<CancellationToken>())).ReturnsAsync(Summary("b", "b", credits: 7, read: Now));

        var result = await Handler().Handle(new ListAccountsQuery(), CancellationToken.None);

        Assert.That(result.Select(a => a.CreditsLeft), Is.EqualTo(new int?[] { 50, 7, 3, null }));
        _accounts.Verify(a => a.RefreshCreditsAsync("a", false, It.IsAny<CancellationToken>()), Times.Once, "a stale read may share one in flight");
        _accounts.Verify(a => a.RefreshCreditsAsync("b", false, It.IsAny<CancellationToken>()), Times.Once);
        _accounts.Verify(a => a.RefreshCreditsAsync("c", It.IsAny<bool>(), It.IsAny<CancellationToken>()), Times.Never);
        _accounts.Verify(a => a.RefreshCreditsAsync("d", It.IsAny<bool>(), It.IsAny<CancellationToken>()), Times.Never);
    }

    [TestCase("sess_2abcDEFghiJKLmnoPQRstuVWXyz", "sess_2ab…")]
    [TestCase("sess_1", "ses…")]
    [TestCase(null, null)]
    public void A_session_id_is_masked(string? id, string? masked) =>
        Assert.That(AccountSummary.MaskSessionId(id), Is.EqualTo(masked));

    private static AccountSummary Summary(string id, string name, string status = "active", int? credits = null, bool isRequest = false, DateTime? read = null) =>
        new(id, name, status, credits, null, null, null, read, null, isRequest);

    private sealed class FixedClock(DateTime now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => new(now);
    }
}
