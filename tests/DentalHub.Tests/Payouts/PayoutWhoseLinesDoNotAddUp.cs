using System.Net;
using System.Net.Http.Json;
using DentalHub.Alerts;
using DentalHub.Auth;
using DentalHub.Auth.ApiKeys;
using DentalHub.Payouts;
using DentalHub.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace DentalHub.Tests.Payouts;

/// <summary>A practice without QuickBooks receiving a payout whose lines do not add up to what the bank receives: flagged as it arrives.</summary>
public sealed class PayoutWhoseLinesDoNotAddUp : IAsyncLifetime
{
    private readonly DentalHubApp app = new(new SqliteTestDatabase(), new Dictionary<string, string?> { ["Writeback:Worker"] = "false" });
    private TestPractice practice = default!;
    private HttpClient processor = default!;

    public async Task InitializeAsync()
    {
        practice = await app.AddPracticeAsync("Short Dental");
        processor = await app.ApiClientAsync(practice, "Processor", ApiScopes.PayoutsWrite);
    }

    public async Task DisposeAsync()
    {
        processor.Dispose();
        await app.DisposeAsync();
        await app.Database.DisposeAsync();
    }

    [Fact]
    public async Task LinesShortOfTheNet_WithoutQuickBooks_HeldWithTheDifferenceAndAnAlertOnTheDashboard()
    {
        var payout = await PostAsync("po_short", 145.05m, (100m, 3.20m), (50m, 1.80m));

        Assert.Equal((PayoutState.Held, false, 0.05m), (payout.Status, payout.LinesAddUp, payout.Difference));
        Assert.Contains("a difference of 0.05", payout.StatusText);
        var alert = Assert.Single(await app.Services.GetRequiredService<AlertQuery>().OpenAsync(practice.Tenant, CancellationToken.None));
        Assert.Equal((PayoutAlerts.LinesDoNotAddUp, payout.Id), (alert.Kind, alert.SubjectId));
        Assert.Contains("po_short", alert.Text);

        var bookkeeper = await Browser.SignedInAsync(app, await app.AddStaffAsync("Bea Books", (practice, PracticeRole.Owner)));
        Assert.Contains("Lines do not add up", await bookkeeper.GetPageAsync("/payouts"));
        Assert.Contains("po_short", await bookkeeper.GetPageAsync("/"));
        var detail = await bookkeeper.GetPageAsync($"/payouts/{payout.Id}");
        Assert.Contains("The lines add up to 145.00 USD, but the bank receives 145.05 USD", detail);
    }

    [Fact]
    public async Task LinesThatAddUp_WithoutQuickBooks_HeldForTheBooksWithoutAnAlert()
    {
        var payout = await PostAsync("po_even", 145.00m, (100m, 3.20m), (50m, 1.80m));

        Assert.Equal((PayoutState.Held, true), (payout.Status, payout.LinesAddUp));
        Assert.Contains("No QuickBooks connection", payout.StatusText);
        Assert.Empty(await app.Services.GetRequiredService<AlertQuery>().OpenAsync(practice.Tenant, CancellationToken.None));
    }

    [Fact]
    public async Task SamePayoutSentAgainStillShort_RaisesNoSecondAlert()
    {
        await PostAsync("po_twice", 10.00m, (9m, 0m));
        await PostAsync("po_twice", 10.00m, (9.5m, 0m));

        Assert.Single(await app.Services.GetRequiredService<AlertQuery>().OpenAsync(practice.Tenant, CancellationToken.None));
    }

    private async Task<PayoutDto> PostAsync(string id, decimal net, params (decimal Gross, decimal Fee)[] charges)
    {
        var response = await processor.PostAsJsonAsync("/api/v1/payouts", new PayoutRequest(id, new DateOnly(2026, 7, 3), "USD", net,
            charges.Select((c, i) => new PayoutLineRequest(PayoutItemCategory.Charge, $"ch_{id}_{i}", c.Gross, c.Fee, null)).ToList()), TestApiClients.Json);
        Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());
        return (await response.Content.ReadFromJsonAsync<PayoutDto>(TestApiClients.Json))!;
    }
}
