using DentalHub.Alerts;
using DentalHub.Audit;
using DentalHub.Data;
using DentalHub.Tests.Infrastructure;
using DentalHub.Writeback;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace DentalHub.Tests.Writeback;

/// <summary>Owners told once when a payment cannot be recorded: in the app and on their signed webhook.</summary>
public sealed class OwnersAlertedWhenAPaymentIsNotRecorded : IAsyncLifetime
{
    private WritebackHarness h = default!;

    public async Task InitializeAsync() => h = await WritebackHarness.StartAsync(DatabaseProvider.Sqlite);

    public async Task DisposeAsync() => await h.DisposeAsync();

    [Fact]
    public async Task RefusedPayment_RaisesOneAlert_NotOnePerPass()
    {
        h.Pms.WriteFaults.Enqueue(LedgerFault.Refuse);
        await h.PayAsync("ch_alert", h.PatientIds[0], 20m);
        await h.RunUntilQuietAsync();
        await h.NewDispatcher().RunOnceAsync(CancellationToken.None);

        var alert = Assert.Single(await AlertsAsync());
        Assert.Equal(AlertKinds.PaymentNotRecorded, alert.Kind);
        Assert.Contains("account is closed", alert.Text);
    }

    [Fact]
    public async Task RetriesThatStayPending_RaiseNoAlertUntilParked()
    {
        for (var i = 0; i < WritebackHarness.Policy.MaxAttempts; i++)
        {
            h.Pms.WriteFaults.Enqueue(LedgerFault.TryLater);
        }
        await h.PayAsync("ch_busy", h.PatientIds[1], 20m);
        h.Clock.Advance(TimeSpan.FromSeconds(1));
        for (var pass = 0; pass < WritebackHarness.Policy.MaxAttempts - 1; pass++)
        {
            await h.NewDispatcher().RunOnceAsync(CancellationToken.None);
            h.Clock.Advance(TimeSpan.FromHours(1));
        }
        Assert.Empty(await AlertsAsync());

        await h.NewDispatcher().RunOnceAsync(CancellationToken.None);
        Assert.Equal(WritebackState.NeedsReview, Assert.Single(await h.CommandsAsync()).State);
        Assert.Equal(AlertKinds.PaymentNeedsReview, Assert.Single(await AlertsAsync()).Kind);
    }

    [Fact]
    public async Task Alert_WithAWebhookConfigured_IsPostedSignedOnce()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        var secret = StandardWebhookSignature.NewSecret();
        var delivery = h.App.Services.GetRequiredService<AlertDelivery>();
        await delivery.ConfigureAsync(h.Practice.Tenant, receiver.Url, secret, CancellationToken.None);
        h.Pms.WriteFaults.Enqueue(LedgerFault.Refuse);
        await h.PayAsync("ch_hook", h.PatientIds[2], 20m);
        await h.RunUntilQuietAsync();

        Assert.Equal(1, await delivery.DeliverPendingAsync(CancellationToken.None));
        Assert.Equal(0, await delivery.DeliverPendingAsync(CancellationToken.None));

        var (id, timestamp, signature, body) = Assert.Single(receiver.Received);
        Assert.Equal((await AlertsAsync())[0].Id.ToString(), id);
        Assert.Equal(StandardWebhookSignature.Sign(secret, id, long.Parse(timestamp, System.Globalization.CultureInfo.InvariantCulture), body), signature);
        Assert.Contains("payment.not-recorded", body);
        Assert.Contains("\"link\":\"/payments?payment=", body);
        Assert.Contains("\"subject\":\"Payment of 20.00 USD received", body);
    }

    private async Task<List<Alert>> AlertsAsync()
    {
        await using var db = h.App.Databases.Create(h.Practice.Tenant);
        return await db.Alerts.AsNoTracking().ToListAsync();
    }
}
