using DentalHub.Alerts;
using DentalHub.Audit;
using DentalHub.Auth;
using DentalHub.Connections;
using DentalHub.Connectors.Contract;
using DentalHub.Data;
using DentalHub.Payments;
using DentalHub.Payouts;
using DentalHub.TestDoubles.QuickBooks;
using DentalHub.Tests.Infrastructure;
using DentalHub.Tests.Payouts;
using DentalHub.Writeback;
using Microsoft.Extensions.DependencyInjection;

namespace DentalHub.Tests.Alerts;

/// <summary>
/// Alerts about the books close when their cause is resolved: the connection works again (reconnected, or its
/// check passes with nothing waiting), a payout that was not posted failed at the bank, or what was to be fixed in
/// the books is fixed there (checked again). Each names and links its payout or connection.
/// </summary>
public sealed class ClosingPayoutAndConnectionAlerts : IAsyncLifetime
{
    private PayoutHarness h = default!;

    public async Task InitializeAsync() => h = await PayoutHarness.StartAsync(DatabaseProvider.Sqlite);

    public async Task DisposeAsync() => await h.DisposeAsync();

    private static IncomingPayoutItem Charge(decimal gross, decimal fee) =>
        new(PayoutItemCategory.Charge, "ch_" + Guid.NewGuid().ToString("N")[..10], gross, fee, PaymentSource.CardTerminal);

    private async Task<IReadOnlyList<Alert>> OpenAlertsAsync() =>
        await h.App.Services.GetRequiredService<AlertQuery>().OpenAsync(h.Practice.Tenant, CancellationToken.None);

    [Fact]
    public async Task RevokedBooks_Reconnected_WaitingDepositsGoAtOnceAndTheConnectionAlertCloses()
    {
        h.Qbo.Disconnect();
        await h.PayoutAsync("po_wait_1", 96.22m, Charge(100m, 3.78m));
        await h.PayoutAsync("po_wait_2", 48.11m, Charge(50m, 1.89m));
        await h.RunAsync(rounds: 2);
        var alert = Assert.Single(await OpenAlertsAsync());
        Assert.Equal((AlertKinds.ConnectionNeedsAttention, $"/connections/{h.BooksConnectionId}"), (alert.Kind, alert.Link));
        Assert.Equal("Connection 'Books'", alert.SubjectName);

        await h.ConnectAsync();
        await h.NewDispatcher().RunOnceAsync(CancellationToken.None);

        Assert.Equal(2, h.Qbo.Deposits.Count);
        Assert.Empty(await OpenAlertsAsync());
    }

    [Fact]
    public async Task ConnectionAlert_CheckPassesWithNoWriteWaiting_Closes()
    {
        h.Qbo.SetActive(DoubleAccount.MerchantFees, false);
        var (payout, _) = await h.PayoutAsync("po_stale_mapping", 96.22m, Charge(100m, 3.78m));
        await h.RunAsync(rounds: 2);
        Assert.Equal(AlertKinds.ConnectionNeedsAttention, Assert.Single(await OpenAlertsAsync()).Kind);
        // The one payout waiting for the books failed at the bank: its deposit is withdrawn, nothing waits.
        await ReverseAsync(payout);
        h.Qbo.SetActive(DoubleAccount.MerchantFees, true);

        var check = await h.App.Services.GetRequiredService<ConnectionService>().CheckAsync(h.Practice.Tenant, AuditActor.System, h.BooksConnectionId, CancellationToken.None);

        Assert.True(check!.Succeeded, check.Message);
        Assert.Empty(await OpenAlertsAsync());
    }

    [Fact]
    public async Task PayoutNotPosted_ThenFailedAtTheBank_ItsAlertCloses()
    {
        h.Qbo.FailNextDeposit(QboFault.Fault200);
        var (payout, _) = await h.PayoutAsync("po_refused", 96.22m, Charge(100m, 3.78m));
        await h.RunAsync();
        var alert = Assert.Single(await OpenAlertsAsync());
        Assert.Equal((PayoutAlerts.NotPosted, $"/payouts?payout={payout.Id}"), (alert.Kind, alert.Link));
        Assert.StartsWith("Payout po_refused of 96.22 USD arriving", alert.SubjectName);

        await ReverseAsync(payout);

        Assert.Empty(await OpenAlertsAsync());
    }

    [Fact]
    public async Task PayoutFailedAfterPosting_DepositDeletedInTheBooks_CheckAgainClosesTheAlert()
    {
        var (payout, _) = await h.PayoutAsync("po_to_delete", 96.22m, Charge(100m, 3.78m));
        await h.RunAsync();
        var depositId = Assert.Single(h.Qbo.Deposits).Id;
        await ReverseAsync(payout);
        Assert.Equal(PayoutAlerts.Reversed, Assert.Single(await OpenAlertsAsync()).Kind);
        Assert.Equal(0, await CheckAgainAsync(payout));

        h.Qbo.DeleteDeposit(depositId);

        Assert.Equal(1, await CheckAgainAsync(payout));
        Assert.Empty(await OpenAlertsAsync());
        Assert.Contains("has since been deleted", (await h.ReloadAsync(payout.Id)).HeldReason);
    }

    [Fact]
    public async Task DepositTotalDiffered_CorrectedInTheBooks_CheckAgainClosesTheAlert()
    {
        h.Qbo.StoreNextDepositTotalAs(90.00m);
        var (payout, _) = await h.PayoutAsync("po_mismatch", 96.22m, Charge(100m, 3.78m));
        await h.RunAsync();
        Assert.Equal(PayoutAlerts.TotalMismatch, Assert.Single(await OpenAlertsAsync()).Kind);
        Assert.Equal(0, await CheckAgainAsync(payout));

        h.Qbo.SetDepositTotal(Assert.Single(h.Qbo.Deposits).Id, 96.22m);

        Assert.Equal(1, await CheckAgainAsync(payout));
        Assert.Empty(await OpenAlertsAsync());
        var corrected = await h.ReloadAsync(payout.Id);
        Assert.Equal((0m, (string?)null), (corrected.Difference, corrected.HeldReason));
    }

    [Fact]
    public async Task PayoutsPage_LinkedFromAnAlert_ShowsThatPayoutOnly()
    {
        var owner = await h.App.AddStaffAsync("Olive Owner", (h.Practice, PracticeRole.Owner));
        h.Qbo.FailNextDeposit(QboFault.Fault200);
        await h.PayoutAsync("po_one", 96.22m, Charge(100m, 3.78m));
        await h.RunAsync();
        await h.PayoutAsync("po_two", 48.11m, Charge(50m, 1.89m));
        await h.RunAsync();
        var link = Assert.Single(await OpenAlertsAsync()).Link!;

        var page = await (await Browser.SignedInAsync(h.App, owner)).GetPageAsync(link);

        Assert.Contains("Showing one payout", page);
        Assert.Contains("po_one", page);
        Assert.DoesNotContain("po_two", page);
    }

    private Task<int> CheckAgainAsync(Payout payout) =>
        h.App.Services.GetRequiredService<PayoutBooksCheck>().RecheckAsync(h.Practice.Tenant, CancellationToken.None, payout.Id);

    private Task ReverseAsync(Payout payout) =>
        h.App.Services.GetRequiredService<PayoutReversal>().ReverseAsync(h.Practice.Tenant, Guid.NewGuid(), new ProcessorPayout(
            payout.ProcessorPayoutId, payout.NetAmount, payout.Currency, payout.ArrivalDate, PayoutStatus.Failed, true, null, "account_closed", "The bank account is closed.", null, null), CancellationToken.None);
}
