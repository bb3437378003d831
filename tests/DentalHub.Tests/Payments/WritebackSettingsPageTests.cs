using DentalHub.Audit;
using DentalHub.Auth;
using DentalHub.Payments;
using DentalHub.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace DentalHub.Tests.Payments;

/// <summary>An administrator setting how payments are recorded.</summary>
public sealed class AdministratorSettingUpPaymentWriteback : IAsyncLifetime
{
    private readonly DentalHubApp app = new(new SqliteTestDatabase());
    private TestPractice practice = default!;

    public async Task InitializeAsync() => practice = await app.AddPracticeAsync("Settings Dental");

    public async Task DisposeAsync()
    {
        await app.DisposeAsync();
        await app.Database.DisposeAsync();
    }

    [Fact]
    public async Task SettingsPage_Admin_SeesItSaysChangesApplyFromNowOn()
    {
        var admin = await app.AddStaffAsync("Ari Admin", (practice, PracticeRole.Admin));
        var page = await (await Browser.SignedInAsync(app, admin)).GetPageAsync("/settings/writeback");
        Assert.Contains("Changes apply to payments received and messages sent from now on", page);
        Assert.Contains("Log each e-mail sent to a patient on the patient&#x27;s chart in the PMS", page);
        Assert.DoesNotContain("can record payments yet", page);
    }

    [Fact]
    public async Task SettingsPage_CardTerminal_IsOneChoiceNotASwitchAndASecondOverlappingSwitch()
    {
        var admin = await app.AddStaffAsync("Ari Admin", (practice, PracticeRole.Admin));
        var page = await (await Browser.SignedInAsync(app, admin)).GetPageAsync("/settings/writeback");
        Assert.Contains("data-testid=\"terminal-choice\"", page);
        Assert.Contains("DentalHub records them", page);
        Assert.Contains("Staff post them at the desk", page);
        Assert.DoesNotContain("enabled-CardTerminal", page);
        Assert.DoesNotContain("posted by staff at the desk (not written back)", page);
    }

    [Fact]
    public async Task Settings_TerminalTurnedOffAsASource_ReadAsPostedByStaffWithTheSourceListFreeOfIt()
    {
        var service = app.Services.GetRequiredService<WritebackSettingsService>();
        await service.SaveAsync(practice.Tenant, AuditActor.System, new WritebackSettings
        {
            PracticeId = practice.PracticeId,
            DisabledSources = "CardTerminal,Insurance",
        }, CancellationToken.None);

        var read = await service.GetAsync(practice.Tenant, CancellationToken.None);

        Assert.Equal(("Insurance", true), (read.DisabledSources, read.TerminalPostedByStaff));
        Assert.False(read.IsEnabled(PaymentSource.CardTerminal));
        Assert.True(read.IsEnabled(PaymentSource.Portal));
    }

    [Fact]
    public async Task SettingsPage_RewardsStaff_IsDenied()
    {
        var staff = await app.AddStaffAsync("Rory Rewards", (practice, PracticeRole.Rewards));
        var response = await (await Browser.SignedInAsync(app, staff)).Client.GetAsync("/settings/writeback");
        Assert.Equal("/access-denied", response.Headers.Location?.AbsolutePath);
    }

    [Fact]
    public async Task Settings_SavedThenRead_KeepEverySwitchAndOfferThePmsTypes()
    {
        var service = app.Services.GetRequiredService<WritebackSettingsService>();
        await service.SaveAsync(practice.Tenant, AuditActor.System, new WritebackSettings
        {
            PracticeId = practice.PracticeId,
            DisabledSources = "Insurance",
            TerminalPostedByStaff = true,
            Timing = WritebackTiming.DailyBatch,
            DailyBatchAt = new TimeOnly(17, 30),
            Amount = AmountBasis.Gross,
            PaymentTypesJson = """{"Portal":"71"}""",
        }, CancellationToken.None);

        var read = await service.GetAsync(practice.Tenant, CancellationToken.None);
        Assert.Equal(("Insurance", true, WritebackTiming.DailyBatch, new TimeOnly(17, 30), AmountBasis.Gross), (read.DisabledSources, read.TerminalPostedByStaff, read.Timing, read.DailyBatchAt, read.Amount));
        Assert.False(read.IsEnabled(PaymentSource.Insurance));
        var (types, problem) = await service.PaymentTypesAsync(practice.Tenant, CancellationToken.None);
        Assert.Null(problem);
        Assert.Contains(types, t => t.Name == "Credit Card");
    }
}
