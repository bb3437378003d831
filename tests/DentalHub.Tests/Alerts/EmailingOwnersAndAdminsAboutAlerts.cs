using DentalHub.Alerts;
using DentalHub.Audit;
using DentalHub.Auth;
using DentalHub.Data;
using DentalHub.Hosting;
using DentalHub.Messages;
using DentalHub.TestDoubles.Smtp;
using DentalHub.Tests.Infrastructure;
using DentalHub.Tests.Writeback;
using DentalHub.Writeback;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;

namespace DentalHub.Tests.Alerts;

/// <summary>
/// A payment that cannot be recorded is e-mailed to the practice's Owners and Admins once each,
/// through the organization's mail server; a real SMTP server (aiosmtpd) receives it.
/// </summary>
public sealed class EmailingOwnersAndAdminsAboutAlerts : IAsyncLifetime
{
    private WritebackHarness h = default!;
    private AiosmtpdReceiver? smtp;
    private TestStaff owner = default!;
    private TestStaff admin = default!;

    public async Task InitializeAsync()
    {
        h = await WritebackHarness.StartAsync(DatabaseProvider.Sqlite);
        owner = await h.App.AddStaffAsync("Olive Owner", (h.Practice, PracticeRole.Owner));
        admin = await h.App.AddStaffAsync("Adam Admin", (h.Practice, PracticeRole.Admin));
        await h.App.AddStaffAsync("Fran Financial", (h.Practice, PracticeRole.Financial));
        var elsewhere = await h.App.AddPracticeAsync("Other Dental");
        await h.App.AddStaffAsync("Otto Elsewhere", (elsewhere, PracticeRole.Owner));
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

    private AlertEmails Sweep() => h.AlertEmailSweep();

    private Task UseMailServerAsync(int port) => h.UseMailServerAsync(port);

    private async Task RefusedPaymentAsync(string reference)
    {
        h.Pms.WriteFaults.Enqueue(LedgerFault.Refuse);
        await h.PayAsync(reference, h.PatientIds[0], 42m);
        await h.RunUntilQuietAsync();
        h.Clock.Advance(h.AlertEmailDelay);
    }

    [SkippableFact]
    public async Task RefusedPayment_OwnerAndAdminEachGetOneEmail_NotAgainOnLaterSweepsOrRetries()
    {
        Skip.If(smtp is null, AiosmtpdReceiver.SkipReason);
        await UseMailServerAsync(smtp!.Port);
        await RefusedPaymentAsync("ch_mail");

        Assert.Equal(2, await Sweep().DeliverPendingAsync(CancellationToken.None));
        Assert.Equal(0, await Sweep().DeliverPendingAsync(CancellationToken.None));
        // Staff retry it and the PMS refuses it again: still the one open alert, so no second e-mail.
        var command = Assert.Single(await h.CommandsAsync());
        h.Pms.WriteFaults.Enqueue(LedgerFault.Refuse);
        Assert.True(await h.App.Services.GetRequiredService<WritebackActions>().RetryAsync(h.Practice.Tenant, AuditActor.System, command.Id, CancellationToken.None));
        h.Clock.Advance(TimeSpan.FromSeconds(1));
        await h.RunUntilQuietAsync();
        Assert.Equal(0, await Sweep().DeliverPendingAsync(CancellationToken.None));

        var delivered = smtp.Delivered();
        Assert.Equal([admin.Email, owner.Email], delivered.Select(m => m.To.Mailboxes.Single().Address).Order(StringComparer.Ordinal));
        var message = delivered[0];
        Assert.Equal("alerts@writeback.test", message.From.Mailboxes.Single().Address);
        Assert.Equal("DentalHub · Writeback Dental: A payment was not recorded in the PMS", message.Subject);
        Assert.Contains("account is closed", message.TextBody);
        foreach (var patientData in new[] { "Payer1", "Ledger", "501" })
        {
            Assert.DoesNotContain(patientData, message.TextBody + message.HtmlBody + message.Subject);
        }
        await using var db = h.App.Databases.Create(h.Practice.Tenant);
        var alert = await db.Alerts.SingleAsync();
        Assert.NotNull(alert.EmailedAt);
        Assert.Equal(2, await db.AlertEmailReceipts.CountAsync(r => r.AlertId == alert.Id));
    }

    [SkippableFact]
    public async Task MailServerDown_AlertIsSentOnceOnALaterSweep()
    {
        Skip.If(smtp is null, AiosmtpdReceiver.SkipReason);
        var downPort = smtp!.Port;
        await smtp.DisposeAsync();
        smtp = null;
        await UseMailServerAsync(downPort);
        await RefusedPaymentAsync("ch_down");

        Assert.Equal(0, await Sweep().DeliverPendingAsync(CancellationToken.None));
        await using (var db = h.App.Databases.Create(h.Practice.Tenant))
        {
            var waiting = await db.Alerts.SingleAsync();
            Assert.Equal((1, (DateTimeOffset?)null), (waiting.EmailAttempts, waiting.EmailedAt));
            Assert.True(waiting.EmailNextAttemptAt > h.Clock.GetUtcNow());
        }
        smtp = await AiosmtpdReceiver.StartAsync();
        await UseMailServerAsync(smtp.Port);
        Assert.Equal(0, await Sweep().DeliverPendingAsync(CancellationToken.None));

        h.Clock.Advance(TimeSpan.FromMinutes(2));
        Assert.Equal(2, await Sweep().DeliverPendingAsync(CancellationToken.None));
        h.Clock.Advance(TimeSpan.FromHours(3));
        Assert.Equal(0, await Sweep().DeliverPendingAsync(CancellationToken.None));
        Assert.Equal(2, smtp.Delivered().Count);
    }

    [Fact]
    public async Task NoMailServer_AlertStaysInTheAppAndTheSettingsPageSaysEmailIsNotSetUp()
    {
        await RefusedPaymentAsync("ch_nomail");

        Assert.Equal(0, await Sweep().DeliverPendingAsync(CancellationToken.None));

        await using var db = h.App.Databases.Create(h.Practice.Tenant);
        var alert = await db.Alerts.SingleAsync();
        Assert.Equal((0, (DateTimeOffset?)null), (alert.EmailAttempts, alert.EmailedAt));
        Assert.False(await Sweep().IsSetUpAsync(h.Practice.Tenant, CancellationToken.None));
        var page = await (await Browser.SignedInAsync(h.App, admin)).GetPageAsync("/settings/writeback");
        Assert.Contains("Alerts are not e-mailed: e-mail is not set up.", page);
        var dashboard = await (await Browser.SignedInAsync(h.App, owner)).GetPageAsync("/");
        Assert.Contains("e-mail is not set up", dashboard);
    }
}
