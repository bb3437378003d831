using System.Net;
using System.Net.Http.Json;
using DentalHub.Audit;
using DentalHub.Auth.ApiKeys;
using DentalHub.Connectors.Contract;
using DentalHub.Data;
using DentalHub.Payments;
using DentalHub.Payouts;
using DentalHub.Tests.Infrastructure;
using DentalHub.TestDoubles.QuickBooks;
using Microsoft.Extensions.DependencyInjection;

namespace DentalHub.Tests.Payouts;

/// <summary>
/// The bookkeeper enters a payout's deposit in the books themselves and says so (on the page or through the API),
/// then takes it back: the payout returns to the state it had and no deposit reaches QuickBooks twice.
/// </summary>
public sealed class BookkeeperPostingAPayoutByHand : IAsyncLifetime
{
    private PayoutHarness h = default!;

    public async Task InitializeAsync() => h = await PayoutHarness.StartAsync(DatabaseProvider.Sqlite, connect: false);

    public Task DisposeAsync() => h.DisposeAsync().AsTask();

    private static IncomingPayoutItem Charge(decimal gross, decimal fee) =>
        new(PayoutItemCategory.Charge, "ch_" + Guid.NewGuid().ToString("N")[..10], gross, fee, PaymentSource.CardTerminal);

    private PayoutActions Actions => h.App.Services.GetRequiredService<PayoutActions>();

    [Fact]
    public async Task ShortPayout_PostedByHandThroughTheApiThenUndone_IsHeldWithItsDifferenceAndItsAlertAgain()
    {
        using var bookkeeper = await h.App.ApiClientAsync(h.Practice, "Books", ApiScopes.PayoutsWrite);
        var (payout, _) = await h.PayoutAsync("po_short", 145.05m, Charge(100m, 3.20m), Charge(50m, 1.80m));

        var posted = await bookkeeper.PostAsync($"/api/v1/payouts/{payout.Id}/posted-by-hand", null);
        Assert.Equal(HttpStatusCode.OK, posted.StatusCode);
        var dto = (await posted.Content.ReadFromJsonAsync<PayoutDto>(TestApiClients.Json))!;
        Assert.Equal((PayoutState.Posted, null), (dto.Status, dto.DepositId));
        Assert.DoesNotContain(await h.AlertsAsync(), a => a.AcknowledgedAt is null);

        var undone = await bookkeeper.DeleteAsync($"/api/v1/payouts/{payout.Id}/posted-by-hand");
        Assert.Equal(HttpStatusCode.OK, undone.StatusCode);
        dto = (await undone.Content.ReadFromJsonAsync<PayoutDto>(TestApiClients.Json))!;
        Assert.Equal((PayoutState.Held, 0.05m, false), (dto.Status, dto.Difference, dto.LinesAddUp));
        Assert.Contains(await h.AlertsAsync(), a => a.Kind == PayoutAlerts.LinesDoNotAddUp && a.AcknowledgedAt is null);
        await h.RunAsync();
        Assert.Empty(h.Qbo.Deposits);
        Assert.Equal(HttpStatusCode.Conflict, (await bookkeeper.DeleteAsync($"/api/v1/payouts/{payout.Id}/posted-by-hand")).StatusCode);
    }

    [Fact]
    public async Task PostedByHand_WithAKeyThatMayOnlyRead_IsForbiddenAndUnknownPayoutsAre404()
    {
        using var reader = await h.App.ApiClientAsync(h.Practice, "Reader", ApiScopes.PayoutsRead);
        using var bookkeeper = await h.App.ApiClientAsync(h.Practice, "Books", ApiScopes.PayoutsWrite);
        var (payout, _) = await h.PayoutAsync("po_read", 145.05m, Charge(100m, 3.20m), Charge(50m, 1.80m));

        Assert.Equal(HttpStatusCode.Forbidden, (await reader.PostAsync($"/api/v1/payouts/{payout.Id}/posted-by-hand", null)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await reader.DeleteAsync($"/api/v1/payouts/{payout.Id}/posted-by-hand")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await bookkeeper.PostAsync($"/api/v1/payouts/{Guid.NewGuid()}/posted-by-hand", null)).StatusCode);
        Assert.Equal(PayoutState.Held, (await h.ReloadAsync(payout.Id)).Status);
    }

    [Fact]
    public async Task PayoutTheBooksRefused_PostedByHandThenUndone_IsNotAcceptedAgainAndNothingIsSentUntilRetried()
    {
        await h.ConnectAsync();
        await h.MapAsync(PayoutHarness.StandardMapping);
        h.Qbo.FailNextDeposit(QboFault.Fault200);
        var (payout, _) = await h.PayoutAsync("po_refused", 96.22m, Charge(100m, 3.78m));
        await h.RunAsync();
        var refused = await h.ReloadAsync(payout.Id);
        Assert.Equal(PayoutState.Failed, refused.Status);
        var actor = new AuditActor(AuditActorKind.User, "user-1", "Bea Books");
        await Actions.MarkPostedByHandAsync(h.Practice.Tenant, actor, payout.Id, CancellationToken.None);

        var text = await Actions.UndoPostedByHandAsync(h.Practice.Tenant, actor, payout.Id, CancellationToken.None);

        Assert.Contains("Retry", text.Text);
        var back = await h.ReloadAsync(payout.Id);
        Assert.Equal((PayoutState.Failed, refused.ErrorDetailsJson, refused.PlanVersion), (back.Status, back.ErrorDetailsJson, back.PlanVersion));
        await h.RunAsync();
        Assert.Empty(h.Qbo.Deposits);
        Assert.Single(await h.CommandsAsync());
        await Actions.RetryAsync(h.Practice.Tenant, actor, payout.Id, CancellationToken.None);
        await h.RunAsync();
        Assert.Single(h.Qbo.Deposits);
    }

    [Fact]
    public async Task PayoutHeldBeforeTheAccountsWereMapped_PostedByHandThenUndone_IsPlannedAndPostedOnce()
    {
        await h.ConnectAsync();
        var (payout, _) = await h.PayoutAsync("po_unmapped", 96.22m, Charge(100m, 3.78m));
        Assert.Equal(PayoutState.Held, (await h.ReloadAsync(payout.Id)).Status);
        await Actions.MarkPostedByHandAsync(h.Practice.Tenant, AuditActor.System, payout.Id, CancellationToken.None);
        await h.MapAsync(PayoutHarness.StandardMapping);
        await h.RunAsync();
        Assert.Empty(h.Qbo.Deposits);

        var text = await Actions.UndoPostedByHandAsync(h.Practice.Tenant, AuditActor.System, payout.Id, CancellationToken.None);

        Assert.Contains("never sent", text.Text);
        await h.RunAsync();
        Assert.Single(h.Qbo.Deposits);
        Assert.Equal(PayoutState.Posted, (await h.ReloadAsync(payout.Id)).Status);
    }
}
