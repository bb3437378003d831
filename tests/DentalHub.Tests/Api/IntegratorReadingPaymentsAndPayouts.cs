using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using DentalHub.Api;
using DentalHub.Auth.ApiKeys;
using DentalHub.Payments;
using DentalHub.Payouts;
using DentalHub.Tests.Infrastructure;

namespace DentalHub.Tests.Api;

/// <summary>
/// A reporting tool reading payments and payouts with a key that may only read them; keys made with the write
/// scopes before the read scopes existed keep reading what they write.
/// </summary>
public sealed class IntegratorReadingPaymentsAndPayouts : IAsyncLifetime
{
    private readonly DentalHubApp app = new(new SqliteTestDatabase(), new Dictionary<string, string?> { ["Writeback:Worker"] = "false" });
    private TestPractice practice = default!;
    private HttpClient portal = default!;
    private HttpClient payoutSender = default!;
    private PaymentDto june = default!;
    private PaymentDto july = default!;
    private PayoutDto payout = default!;

    public async Task InitializeAsync()
    {
        practice = await app.AddPracticeAsync("Reading Dental");
        portal = await app.ApiClientAsync(practice, "Portal", ApiScopes.PaymentsWrite);
        payoutSender = await app.ApiClientAsync(practice, "Processor", ApiScopes.PayoutsWrite);
        // 23:30 in Chicago on June 30 is July 1 in UTC: the day filter is the practice's.
        june = await PaymentAsync("pay_june", new DateTimeOffset(2026, 6, 30, 23, 30, 0, TimeSpan.FromHours(-5)), 100m, 3.20m);
        july = await PaymentAsync("pay_july", new DateTimeOffset(2026, 7, 2, 10, 0, 0, TimeSpan.FromHours(-5)), 50m, 1.75m);
        var response = await payoutSender.PostAsJsonAsync("/api/v1/payouts", new PayoutRequest("po_read", new DateOnly(2026, 7, 3), "USD", 145.05m,
            [new(PayoutItemCategory.Charge, "pay_june", 100m, 3.20m, null), new(PayoutItemCategory.Charge, "pay_july", 50m, 1.75m, null)]), TestApiClients.Json);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        payout = (await response.Content.ReadFromJsonAsync<PayoutDto>(TestApiClients.Json))!;
    }

    public async Task DisposeAsync()
    {
        portal.Dispose();
        payoutSender.Dispose();
        await app.DisposeAsync();
        await app.Database.DisposeAsync();
    }

    [Fact]
    public async Task PaymentsReadKey_ReadsPaymentsButCannotRecordOrReadPayouts()
    {
        using var reports = await app.ApiClientAsync(practice, "Reports", ApiScopes.PaymentsRead);

        var one = await reports.ReadAsync<PaymentDto>($"/api/v1/payments/{june.Id}");
        var post = await reports.PostAsJsonAsync("/api/v1/payments", new PaymentRequest("pay_x", null, PaymentSource.Portal, 10m, 0m, "USD", TimeProvider.System.GetUtcNow(), null), TestApiClients.Json);
        var payouts = await reports.GetAsync("/api/v1/payouts");

        Assert.Equal(100m, one.Gross);
        Assert.Equal(HttpStatusCode.Forbidden, post.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, payouts.StatusCode);
    }

    [Fact]
    public async Task PayoutsReadKey_ReadsPayoutsWithTheirBreakdownButCannotRecordThem()
    {
        using var books = await app.ApiClientAsync(practice, "Books", ApiScopes.PayoutsRead);

        var list = await books.ReadAsync<ListPage<PayoutDto>>("/api/v1/payouts?from=2026-07-01&to=2026-07-31");
        var post = await books.PostAsJsonAsync("/api/v1/payouts", new PayoutRequest("po_x", new DateOnly(2026, 7, 3), "USD", 1m, [new(PayoutItemCategory.Charge, null, 1m, 0m, null)]), TestApiClients.Json);
        var payments = await books.GetAsync($"/api/v1/payments/{june.Id}");

        var read = Assert.Single(list.Data);
        Assert.Equal((payout.Id, 145.05m, true), (read.Id, read.NetAmount, read.LinesAddUp));
        Assert.Equal(("Online payments", 2, 150m, 4.95m, 145.05m), Assert.Single(read.Breakdown) is var line ? (line.Label, line.Count, line.Gross, line.Fee, line.Net) : default);
        Assert.Equal(HttpStatusCode.Forbidden, post.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, payments.StatusCode);
    }

    [Fact]
    public async Task WriteKeysMadeBeforeTheReadScopes_StillReadWhatTheyWrite()
    {
        Assert.Equal(june.Id, (await portal.ReadAsync<PaymentDto>($"/api/v1/payments/{june.Id}")).Id);
        Assert.Equal(payout.Id, (await payoutSender.ReadAsync<PayoutDto>($"/api/v1/payouts/{payout.Id}")).Id);
    }

    [Fact]
    public async Task KeyWithoutEitherScope_CannotReadPayments()
    {
        using var patients = await app.ApiClientAsync(practice, "Directory", ApiScopes.PatientsRead);

        Assert.Equal(HttpStatusCode.Forbidden, (await patients.GetAsync($"/api/v1/payments/{june.Id}")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await patients.GetAsync("/api/v1/payments")).StatusCode);
    }

    [Fact]
    public async Task PaymentList_ByThePracticesDays_PagesNewestFirst()
    {
        using var reports = await app.ApiClientAsync(practice, "Reports", ApiScopes.PaymentsRead);

        var juneOnly = await reports.ReadAsync<ListPage<PaymentDto>>("/api/v1/payments?from=2026-06-01&to=2026-06-30");
        var first = await reports.ReadAsync<ListPage<PaymentDto>>("/api/v1/payments?limit=1");
        var second = await reports.ReadAsync<ListPage<PaymentDto>>($"/api/v1/payments?limit=1&cursor={first.NextCursor}");
        var wrong = await reports.GetAsync("/api/v1/payments?from=June&cursor=abc");

        Assert.Equal([june.Id], juneOnly.Data.Select(p => p.Id));
        Assert.Equal([july.Id], first.Data.Select(p => p.Id));
        Assert.Equal([june.Id], second.Data.Select(p => p.Id));
        Assert.Null(second.NextCursor);
        Assert.Equal(HttpStatusCode.BadRequest, wrong.StatusCode);
        var problem = await wrong.Content.ReadFromJsonAsync<JsonElement>();
        Assert.True(problem.GetProperty("errors").TryGetProperty("from", out _));
        Assert.True(problem.GetProperty("errors").TryGetProperty("cursor", out _));
    }

    [Fact]
    public async Task ApiDocument_SaysWhichScopeEachPaymentAndPayoutRouteNeeds()
    {
        using var client = app.CreateClient();
        var document = await client.ReadAsync<JsonElement>("/openapi/v1.json");
        string Description(string path, string method) => document.GetProperty("paths").GetProperty(path).GetProperty(method).GetProperty("description").GetString()!;

        Assert.Contains("`payments:read` or `payments:write`", Description("/api/v1/payments/{id}", "get"));
        Assert.Contains("`payments:read` or `payments:write`", Description("/api/v1/payments", "get"));
        Assert.Contains("`payments:write`", Description("/api/v1/payments/{id}/assign", "post"));
        Assert.DoesNotContain("payments:read", Description("/api/v1/payments/{id}/assign", "post"));
        Assert.Contains("`payouts:read` or `payouts:write`", Description("/api/v1/payouts", "get"));
        Assert.Contains("`payouts:write`", Description("/api/v1/payouts", "post"));
    }

    private async Task<PaymentDto> PaymentAsync(string reference, DateTimeOffset paidAt, decimal gross, decimal fee)
    {
        var response = await portal.PostAsJsonAsync("/api/v1/payments", new PaymentRequest(reference, null, PaymentSource.Portal, gross, fee, "USD", paidAt, null), TestApiClients.Json);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<PaymentDto>(TestApiClients.Json))!;
    }
}
