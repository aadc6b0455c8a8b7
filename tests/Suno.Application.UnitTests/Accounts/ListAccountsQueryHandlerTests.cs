using Moq;
using Suno.Application.Accounts.Queries.ListAccounts;
using Suno.Application.Common.Exceptions;
using Suno.Application.Common.Interfaces;
using Suno.Application.Common.Upstream;

namespace Suno.Application.UnitTests.Accounts;

public sealed class ListAccountsQueryHandlerTests
{
    private readonly Mock<IAccountProvider> _accounts = new(MockBehavior.Strict);

    [Test]
    public async Task Lists_the_gateways_own_accounts_by_name_without_request_accounts()
    {
        _accounts.Setup(a => a.ListAsync(It.IsAny<CancellationToken>()))
            .ReturnsAsync([Summary("b", "zeta"), Summary("req-1", "request-1", isRequest: true), Summary("a", "Alpha")]);

        var result = await new ListAccountsQueryHandler(_accounts.Object).Handle(new ListAccountsQuery(), CancellationToken.None);

        Assert.That(result.Select(a => a.Name), Is.EqualTo(new[] { "Alpha", "zeta" }));
        _accounts.Verify(a => a.RefreshCreditsAsync(It.IsAny<string>(), It.IsAny<CancellationToken>()), Times.Never);
    }

    [Test]
    public async Task Refresh_reads_billing_for_every_account_but_invalid_ones_and_survives_a_failure()
    {
        _accounts.SetupSequence(a => a.ListAsync(It.IsAny<CancellationToken>()))
            .ReturnsAsync([Summary("a", "a"), Summary("b", "b", "invalid"), Summary("c", "c", "exhausted")])
            .ReturnsAsync([Summary("a", "a", credits: 40), Summary("b", "b", "invalid"), Summary("c", "c", "exhausted", credits: 0)]);
        _accounts.Setup(a => a.RefreshCreditsAsync("a", It.IsAny<CancellationToken>()))
            .ThrowsAsync(new UpstreamUnavailableException("Suno is down"));
        _accounts.Setup(a => a.RefreshCreditsAsync("c", It.IsAny<CancellationToken>())).ReturnsAsync(Summary("c", "c", "exhausted", credits: 0));

        var result = await new ListAccountsQueryHandler(_accounts.Object).Handle(new ListAccountsQuery(Refresh: true), CancellationToken.None);

        Assert.That(result.Select(a => a.CreditsLeft), Is.EqualTo(new int?[] { 40, null, 0 }), "the list is read again after the refresh");
        _accounts.Verify(a => a.RefreshCreditsAsync("a", It.IsAny<CancellationToken>()), Times.Once);
        _accounts.Verify(a => a.RefreshCreditsAsync("c", It.IsAny<CancellationToken>()), Times.Once);
        _accounts.Verify(a => a.RefreshCreditsAsync("b", It.IsAny<CancellationToken>()), Times.Never);
    }

    private static AccountSummary Summary(string id, string name, string status = "active", int? credits = null, bool isRequest = false) =>
        new(id, name, status, credits, null, null, null, null, null, isRequest);
}
