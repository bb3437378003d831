using System.Net;
using DentalHub.Auth;
using DentalHub.Payments;
using DentalHub.Payouts;
using DentalHub.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace DentalHub.Tests.Payments;

/// <summary>A bookkeeper choosing a range of days, reading its totals and exporting payments and payouts as CSV.</summary>
public sealed class BookkeeperExportingPaymentsAndPayouts : IAsyncLifetime
{
    private readonly DentalHubApp app = new(new SqliteTestDatabase(), new Dictionary<string, string?> { ["Writeback:Worker"] = "false" });
    private TestPractice practice = default!;
    private Browser bookkeeper = default!;

    public async Task InitializeAsync()
    {
        practice = await app.AddPracticeAsync("Export Dental");
        var intake = app.Services.GetRequiredService<PaymentIntake>();
        // Chicago is UTC-5 in summer: 23:30 on June 30 there is July 1 in UTC.
        await intake.RecordAsync(practice.Tenant, new IncomingPayment("pay_1", "api", null, PaymentSource.CardTerminal, 100.10m, 3.20m, "USD",
            new DateTimeOffset(2026, 7, 1, 4, 30, 0, TimeSpan.Zero), null), CancellationToken.None);
        await intake.RecordAsync(practice.Tenant, new IncomingPayment("pay_2", "api", null, PaymentSource.Portal, 50.20m, 1.75m, "USD",
            new DateTimeOffset(2026, 6, 29, 15, 0, 0, TimeSpan.Zero), null), CancellationToken.None);
        await intake.RecordAsync(practice.Tenant, new IncomingPayment("pay_3", "api", null, PaymentSource.Portal, 20m, 0.88m, "USD",
            new DateTimeOffset(2026, 7, 2, 15, 0, 0, TimeSpan.Zero), null), CancellationToken.None);
        await app.Services.GetRequiredService<PayoutIntake>().RecordAsync(practice.Tenant, new IncomingPayout("po_june", "api", null, new DateOnly(2026, 6, 30), "USD", 140.00m,
            [new(PayoutItemCategory.Charge, "pay_1", 100.10m, 3.20m, PaymentSource.CardTerminal), new(PayoutItemCategory.Charge, "pay_2", 50.20m, 1.75m),
             new(PayoutItemCategory.Refund, "re_1", -5.35m, 0m)]), CancellationToken.None);
        bookkeeper = await Browser.SignedInAsync(app, await app.AddStaffAsync("Fay Financial", (practice, PracticeRole.Financial)));
    }

    public async Task DisposeAsync()
    {
        await app.DisposeAsync();
        await app.Database.DisposeAsync();
    }

    [Fact]
    public async Task Totals_OfTheChosenDays_AreExactToTheCent()
    {
        var totals = await app.Services.GetRequiredService<PaymentQuery>().TotalsAsync(practice.Tenant,
            new PaymentFilter(new DateOnly(2026, 6, 29), new DateOnly(2026, 6, 30)), CancellationToken.None);

        var usd = Assert.Single(totals);
        Assert.Equal((2, 150.30m, 4.95m, 145.35m), (usd.Count, usd.Gross, usd.Fees, usd.Net));
    }

    [Fact]
    public async Task PaymentsCsv_InThePracticesTimeAndWords_WithoutEnumNames()
    {
        var lines = await CsvAsync("/payments/export.csv?from=2026-06-30&to=2026-06-30&problems=");

        Assert.StartsWith("Paid (America/Chicago),Patient,Source,Amount,Fee,Net,Currency,Refunded,Dispute,In the PMS,Details", lines[0]);
        var row = Assert.Single(lines[1..]);
        Assert.StartsWith("2026-06-30 23:30,Not assigned,Card terminal,100.10,3.20,96.90,USD,0.00,,Needs a patient,", row);
        Assert.DoesNotContain("CardTerminal", row);
        Assert.DoesNotContain("NeedsPatient", row);
    }

    [Fact]
    public async Task PayoutsCsv_OneRowPerPayout_ItsColumnsAddUpToTheNet()
    {
        var lines = await CsvAsync("/payouts/export.csv?from=2026-06-01&to=2026-06-30");

        Assert.Equal("Arrives,Payout,Currency,Charges,Refunds,Disputes,Fees,Other adjustments,Net to the bank,Lines add up,Difference,In QuickBooks,Details,QuickBooks deposit", lines[0]);
        var row = Assert.Single(lines[1..]);
        Assert.StartsWith("2026-06-30,po_june,USD,150.30,-5.35,0.00,-4.95,0.00,140.00,Yes,0.00,Held,", row);
    }

    [Fact]
    public async Task PayoutTotals_OfTheChosenDays_SumTheNetToTheBank()
    {
        var totals = await app.Services.GetRequiredService<PayoutQuery>().TotalsAsync(practice.Tenant,
            new PayoutFilter(new DateOnly(2026, 6, 1), new DateOnly(2026, 6, 30)), CancellationToken.None);

        Assert.Equal((1, 150.30m, 4.95m, 140.00m, 0), Assert.Single(totals) is var t ? (t.Count, t.Gross, t.Fees, t.Net, t.NotAddingUp) : default);
    }

    private async Task<string[]> CsvAsync(string path)
    {
        var response = await bookkeeper.Client.GetAsync(path);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/csv", response.Content.Headers.ContentType?.MediaType);
        return (await response.Content.ReadAsStringAsync()).TrimStart('\uFEFF').Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
    }
}
