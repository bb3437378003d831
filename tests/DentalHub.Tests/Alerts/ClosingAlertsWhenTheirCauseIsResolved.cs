using DentalHub.Alerts;
using DentalHub.Audit;
using DentalHub.Auth;
using DentalHub.Data;
using DentalHub.Hosting;
using DentalHub.Messages;
using DentalHub.Payments;
using DentalHub.TestDoubles.Smtp;
using DentalHub.Tests.Infrastructure;
using DentalHub.Tests.Messages;
using DentalHub.Tests.Writeback;
using DentalHub.Writeback;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;

namespace DentalHub.Tests.Alerts;

/// <summary>
/// A payment the PMS refused raises an alert; once the payment is recorded (retried, or posted by hand) the
/// alert closes on its own, and nothing is e-mailed or posted about it afterwards. Each alert names the payment
/// and links its page, without patient data.
/// </summary>
public sealed class ClosingAlertsWhenTheirCauseIsResolved : IAsyncLifetime
{
    private const string PublicUrl = "https://hub.example.test/";
    private WritebackHarness h = default!;
    private TestStaff owner = default!;
    private AiosmtpdReceiver? smtp;

    public async Task InitializeAsync()
    {
        h = await WritebackHarness.StartAsync(DatabaseProvider.Sqlite, extraSettings: new Dictionary<string, string?> { ["PublicUrl"] = PublicUrl });
        owner = await h.App.AddStaffAsync("Olive Owner", (h.Practice, PracticeRole.Owner));
        if (AiosmtpdReceiver.Python is not null)
        {
            smtp = await AiosmtpdReceiver.StartAsync();
        }
    }

    public async Task DisposeAsync()
    {
        if (smtp is not null)
        {
            await smtp.DisposeAsync();
        }
        await h.DisposeAsync();
    }

    private async Task<(Payment Payment, WritebackCommand Command)> RefusedPaymentAsync(string reference, decimal amount = 42m)
    {
        h.Pms.WriteFaults.Enqueue(LedgerFault.Refuse);
        var paid = await h.PayAsync(reference, h.PatientIds[0], amount);
        await h.RunUntilQuietAsync();
        var command = Assert.Single(await h.CommandsAsync(), c => c.SubjectId == paid.Payment.Id);
        Assert.Equal(WritebackState.Rejected, command.State);
        return (paid.Payment, command);
    }

    private Task<IReadOnlyList<Alert>> OpenAlertsAsync() =>
        h.App.Services.GetRequiredService<AlertQuery>().OpenAsync(h.Practice.Tenant, CancellationToken.None);

    [Fact]
    public async Task RefusedPayment_PostedByHand_ItsAlertClosesAndLeavesTheDashboard()
    {
        var (_, command) = await RefusedPaymentAsync("ch_by_hand");
        Assert.Equal(AlertKinds.PaymentNotRecorded, Assert.Single(await OpenAlertsAsync()).Kind);

        Assert.True(await h.App.Services.GetRequiredService<WritebackActions>().MarkPostedByHandAsync(
            h.Practice.Tenant, new AuditActor(AuditActorKind.User, owner.UserId, owner.DisplayName), command.Id, CancellationToken.None));

        Assert.Empty(await OpenAlertsAsync());
        await using var db = h.App.Databases.Create(h.Practice.Tenant);
        Assert.Contains("posted by hand (Olive Owner)", (await db.Alerts.SingleAsync()).AcknowledgedBy);
        var dashboard = await (await Browser.SignedInAsync(h.App, owner)).GetPageAsync("/");
        Assert.DoesNotContain("was not recorded", dashboard);
    }

    [Fact]
    public async Task RefusedPayment_RetriedAndRecorded_ItsAlertCloses()
    {
        var (_, command) = await RefusedPaymentAsync("ch_retried");

        Assert.True(await h.App.Services.GetRequiredService<WritebackActions>().RetryAsync(h.Practice.Tenant, AuditActor.System, command.Id, CancellationToken.None));
        h.Clock.Advance(TimeSpan.FromSeconds(1));
        await h.RunUntilQuietAsync();

        Assert.Equal(WritebackState.Confirmed, Assert.Single(await h.CommandsAsync()).State);
        Assert.Empty(await OpenAlertsAsync());
    }

    [SkippableFact]
    public async Task AlertResolvedBeforeTheSweep_IsNeitherEmailedNorPostedToTheWebhook()
    {
        Skip.If(smtp is null, AiosmtpdReceiver.SkipReason);
        await h.UseMailServerAsync(smtp!.Port);
        await using var receiver = await WebhookReceiver.StartAsync();
        var webhook = h.App.Services.GetRequiredService<AlertDelivery>();
        await webhook.ConfigureAsync(h.Practice.Tenant, receiver.Url, StandardWebhookSignature.NewSecret(), CancellationToken.None);
        var (_, command) = await RefusedPaymentAsync("ch_resolved_first");

        await h.App.Services.GetRequiredService<WritebackActions>().MarkPostedByHandAsync(h.Practice.Tenant, AuditActor.System, command.Id, CancellationToken.None);
        h.Clock.Advance(h.AlertEmailDelay);

        Assert.Equal(0, await h.AlertEmailSweep().DeliverPendingAsync(CancellationToken.None));
        Assert.Equal(0, await webhook.DeliverPendingAsync(CancellationToken.None));
        Assert.Empty(smtp!.Delivered());
        Assert.Empty(receiver.Received);
    }

    [SkippableFact]
    public async Task AlertEmail_NamesThePaymentAndLinksItsPage_WithoutPatientData()
    {
        Skip.If(smtp is null, AiosmtpdReceiver.SkipReason);
        await h.UseMailServerAsync(smtp!.Port);
        var (payment, _) = await RefusedPaymentAsync("ch_named", 42.5m);
        h.Clock.Advance(h.AlertEmailDelay);

        Assert.Equal(1, await h.AlertEmailSweep().DeliverPendingAsync(CancellationToken.None));

        var message = Assert.Single(smtp!.Delivered());
        var link = $"{PublicUrl}payments?payment={payment.Id}";
        Assert.Contains("Payment of 42.50 USD received", message.TextBody);
        Assert.Contains("(ch_named)", message.TextBody);
        Assert.Contains(link, message.TextBody);
        Assert.Contains($"href=\"{link}\"", message.HtmlBody);
        foreach (var patientData in new[] { "Payer1", "Ledger", "501", "1980" })
        {
            Assert.DoesNotContain(patientData, message.TextBody + message.HtmlBody + message.Subject);
        }
    }

    [Fact]
    public async Task AlertOnTheDashboard_LinksToThePaymentsPageShowingThatPaymentOnly()
    {
        var (payment, _) = await RefusedPaymentAsync("ch_linked");
        await h.PayAsync("ch_other", h.PatientIds[1], 10m);
        var browser = await Browser.SignedInAsync(h.App, owner);

        var dashboard = await browser.GetPageAsync("/");
        Assert.Contains($"href=\"/payments?payment={payment.Id}\"", dashboard);
        Assert.Contains("Payment of 42.00 USD received", dashboard);

        var page = await browser.GetPageAsync($"/payments?payment={payment.Id}");
        Assert.Contains("Showing one payment", page);
        Assert.Single(System.Text.RegularExpressions.Regex.Matches(page, "data-testid=\"writeback-status\""));
    }
}
