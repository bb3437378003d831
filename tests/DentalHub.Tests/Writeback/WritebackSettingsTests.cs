using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using DentalHub.Auth;
using DentalHub.Auth.ApiKeys;
using DentalHub.Connectors.Contract;
using DentalHub.Data;
using DentalHub.Payments;
using DentalHub.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace DentalHub.Tests.Writeback;

/// <summary>A practice's writeback settings deciding what reaches the PMS, and how.</summary>
public sealed class PracticeChoosingHowPaymentsAreRecorded : IAsyncLifetime
{
    private WritebackHarness h = default!;

    public async Task InitializeAsync() => h = await WritebackHarness.StartAsync(DatabaseProvider.Sqlite);

    public async Task DisposeAsync() => await h.DisposeAsync();

    [Fact]
    public async Task SourceTurnedOff_PaymentIsNotQueuedAndSaysWhich()
    {
        await h.SaveSettingsAsync(s => s.DisabledSources = "Membership");
        var payment = await h.PayAsync("ch_member", h.PatientIds[0], 49m, source: PaymentSource.Membership);
        Assert.Empty(await h.CommandsAsync());
        Assert.Equal("Writeback is off for membership payments (Settings › Writeback).", payment.Payment.WritebackNote);
    }

    [Fact]
    public async Task TerminalPostedByStaff_TerminalPaymentIsLeftForStaff()
    {
        await h.SaveSettingsAsync(s => s.TerminalPostedByStaff = true);
        var terminal = await h.PayAsync("ch_terminal", h.PatientIds[0], 60m, source: PaymentSource.CardTerminal);
        await h.PayAsync("ch_portal", h.PatientIds[1], 60m, source: PaymentSource.Portal);
        Assert.Equal("Card terminal payments are posted by staff at the desk, not by DentalHub (Settings › Writeback).", terminal.Payment.WritebackNote);
        Assert.Single(await h.CommandsAsync());
    }

    [Fact]
    public async Task GrossBasisAndTypeAndAllocation_AreWhatIsWritten()
    {
        await h.SaveSettingsAsync(s =>
        {
            s.Amount = AmountBasis.Gross;
            s.PaymentTypesJson = """{"Portal":"71"}""";
            s.Allocation = PaymentAllocation.PatientOnly;
        });
        await h.PayAsync("ch_gross", h.PatientIds[0], 100m, fee: 3.20m);
        var command = Assert.Single(await h.CommandsAsync());
        var write = JsonSerializer.Deserialize<PmsPaymentWrite>(command.PayloadJson)!;
        Assert.Equal((100m, "71", PaymentAllocation.PatientOnly, "501"), (write.Amount, write.PaymentTypeId, write.Allocation, write.PmsPatientId));
        await h.RunUntilQuietAsync();
        Assert.Equal(100m, Assert.Single(h.Pms.Ledger).Amount);
    }

    [Fact]
    public async Task DailyBatch_PaymentWaitsUntilThePracticeLocalBatchTime()
    {
        await h.SaveSettingsAsync(s =>
        {
            s.Timing = WritebackTiming.DailyBatch;
            s.DailyBatchAt = new TimeOnly(18, 0);
        });
        var payment = await h.PayAsync("ch_batch", h.PatientIds[0], 30m);
        var command = Assert.Single(await h.CommandsAsync());
        var chicago = TimeZoneInfo.FindSystemTimeZoneById("America/Chicago");
        Assert.Equal(new TimeOnly(18, 0), TimeOnly.FromDateTime(TimeZoneInfo.ConvertTime(command.NextAttemptAt, chicago).DateTime));
        Assert.Equal(WritebackDisplay.WaitingForDailyBatch, WritebackStatus.Of(payment.Payment, command, h.Clock.GetUtcNow()).State);

        await h.NewDispatcher().RunOnceAsync(CancellationToken.None);
        Assert.Empty(h.Pms.Ledger);
        h.Clock.SetUtcNow(command.NextAttemptAt);
        await h.NewDispatcher().RunOnceAsync(CancellationToken.None);
        Assert.Single(h.Pms.Ledger);
    }

    [Theory]
    [InlineData("2026-03-07T12:00:00Z", "2026-03-08T00:00:00Z")]
    [InlineData("2026-03-08T12:00:00Z", "2026-03-08T23:00:00Z")]
    [InlineData("2026-10-31T12:00:00Z", "2026-10-31T23:00:00Z")]
    [InlineData("2026-11-01T12:00:00Z", "2026-11-02T00:00:00Z")]
    public void DailyBatch_AcrossDaylightSavingChanges_RunsAt6pmChicagoTime(string now, string expected)
    {
        var chicago = TimeZoneInfo.FindSystemTimeZoneById("America/Chicago");
        Assert.Equal(DateTimeOffset.Parse(expected, System.Globalization.CultureInfo.InvariantCulture),
            DailyBatch.NextRun(new TimeOnly(18, 0), chicago, DateTimeOffset.Parse(now, System.Globalization.CultureInfo.InvariantCulture)));
    }

    [Fact]
    public async Task RestApi_SamePaymentPostedTwice_IsStoredOnceAndBadInputIsExplained()
    {
        var staff = await h.App.AddStaffAsync("Pat Payments", (h.Practice, PracticeRole.Admin));
        var session = new StaffSession(staff.UserId, staff.DisplayName, h.Practice.OrganizationId, h.Practice.PracticeId, h.Practice.Name, false, "America/Chicago", PracticeRole.Admin, []);
        var key = await h.App.Services.GetRequiredService<ApiKeyService>().CreateAsync(session, "Portal", [ApiScopes.PaymentsWrite], CancellationToken.None);
        using var client = h.App.CreateClient();
        client.DefaultRequestHeaders.Authorization = new("Bearer", key.Secret);
        var body = new { processorReference = "pi_123", patientId = h.PatientIds[0], source = "Portal", gross = 99.99m, fee = 3.20m, currency = "usd", processedAt = h.Clock.GetUtcNow() };

        var first = await client.PostAsJsonAsync("/api/v1/payments", body);
        var second = await client.PostAsJsonAsync("/api/v1/payments", body);
        var invalid = await client.PostAsJsonAsync("/api/v1/payments", body with { processorReference = "pi_124", gross = -5m });

        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        Assert.Equal(HttpStatusCode.OK, second.StatusCode);
        var stored = await first.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal((await second.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid(), stored.GetProperty("id").GetGuid());
        Assert.Equal(96.79m, stored.GetProperty("net").GetDecimal());
        Assert.Equal("BeingRecorded", stored.GetProperty("writeback").GetString());
        Assert.Single(await h.CommandsAsync());
        Assert.Equal(HttpStatusCode.BadRequest, invalid.StatusCode);
        Assert.Contains("more than zero", await invalid.Content.ReadAsStringAsync());
    }
}
