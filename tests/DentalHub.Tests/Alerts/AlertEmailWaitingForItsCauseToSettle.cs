using DentalHub.Audit;
using DentalHub.Auth;
using DentalHub.Data;
using DentalHub.TestDoubles.Smtp;
using DentalHub.Tests.Infrastructure;
using DentalHub.Tests.Writeback;
using DentalHub.Writeback;
using Microsoft.Extensions.DependencyInjection;

namespace DentalHub.Tests.Alerts;

/// <summary>
/// An alert is e-mailed only after a short, configurable delay, so a cause staff resolve at once (the payment
/// posted by hand a minute after it was refused) never reaches an inbox; a real SMTP server (aiosmtpd) receives what is sent.
/// </summary>
public sealed class AlertEmailWaitingForItsCauseToSettle : IAsyncLifetime
{
    private WritebackHarness h = default!;
    private AiosmtpdReceiver? smtp;

    public async Task InitializeAsync()
    {
        h = await WritebackHarness.StartAsync(DatabaseProvider.Sqlite, extraSettings: new Dictionary<string, string?> { ["Alerts:Email:Delay"] = "00:10:00" });
        await h.App.AddStaffAsync("Olive Owner", (h.Practice, PracticeRole.Owner));
        if (AiosmtpdReceiver.Python is not null)
        {
            smtp = await AiosmtpdReceiver.StartAsync();
            await h.UseMailServerAsync(smtp.Port);
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

    private async Task<WritebackCommand> RefusedPaymentAsync(string reference)
    {
        h.Pms.WriteFaults.Enqueue(LedgerFault.Refuse);
        await h.PayAsync(reference, h.PatientIds[0], 42m);
        await h.RunUntilQuietAsync();
        return Assert.Single(await h.CommandsAsync());
    }

    [SkippableFact]
    public async Task AlertStillOpen_IsEmailedOnceTheConfiguredDelayHasPassed_NotBefore()
    {
        Skip.If(smtp is null, AiosmtpdReceiver.SkipReason);
        Assert.Equal(TimeSpan.FromMinutes(10), h.AlertEmailDelay);
        await RefusedPaymentAsync("ch_waits");

        Assert.Equal(0, await h.AlertEmailSweep().DeliverPendingAsync(CancellationToken.None));
        h.Clock.Advance(TimeSpan.FromMinutes(9));
        Assert.Equal(0, await h.AlertEmailSweep().DeliverPendingAsync(CancellationToken.None));
        Assert.Empty(smtp!.Delivered());

        h.Clock.Advance(TimeSpan.FromMinutes(1));
        Assert.Equal(1, await h.AlertEmailSweep().DeliverPendingAsync(CancellationToken.None));
        Assert.Single(smtp.Delivered());
    }

    [SkippableFact]
    public async Task PaymentPostedByHandWithinTheDelay_ItsAlertIsNeverEmailed()
    {
        Skip.If(smtp is null, AiosmtpdReceiver.SkipReason);
        var refused = await RefusedPaymentAsync("ch_settled");
        Assert.Equal(0, await h.AlertEmailSweep().DeliverPendingAsync(CancellationToken.None));

        h.Clock.Advance(TimeSpan.FromMinutes(2));
        Assert.True(await h.App.Services.GetRequiredService<WritebackActions>().MarkPostedByHandAsync(h.Practice.Tenant, AuditActor.System, refused.Id, CancellationToken.None));
        h.Clock.Advance(TimeSpan.FromHours(1));

        Assert.Equal(0, await h.AlertEmailSweep().DeliverPendingAsync(CancellationToken.None));
        Assert.Empty(smtp!.Delivered());
    }
}
