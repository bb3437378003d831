using System.Net;
using DentalHub.Api;
using DentalHub.Audit;
using DentalHub.Auth.ApiKeys;
using DentalHub.Connectors.Contract;
using DentalHub.Data;
using DentalHub.Ledger;
using DentalHub.Sync;
using DentalHub.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace DentalHub.Tests.Api;

/// <summary>Other software reading the ledger through the list routes: lines by patient and day, and families' balances.</summary>
public abstract class IntegratorReadingTheLedger(DatabaseProvider provider) : IAsyncLifetime
{
    private readonly ScriptedPms pms = new();
    private DentalHubApp app = default!;
    private TestPractice practice = default!;
    private Guid connectionId;
    private HttpClient client = default!;

    public async Task InitializeAsync()
    {
        if (provider == DatabaseProvider.Postgres && PostgresTestDatabase.ServerConnectionString is null)
        {
            return;
        }
        app = new DentalHubApp(TestDatabase.Create(provider));
        practice = await app.AddPracticeAsync("Ledger Dental");
        connectionId = await app.ConnectAsync(practice, pms);
        pms.Upsert(ScriptedPms.Patient("100", "Dana", "Rivera", new DateOnly(1978, 5, 6)));
        pms.Upsert(ScriptedPms.Patient("101", "Leo", "Rivera", new DateOnly(2014, 9, 1), guarantor: "100"));
        pms.LedgerEntries.Upsert(
            new PmsLedgerEntry("L1", "100", PmsLedgerKind.Charge, new DateOnly(2026, 1, 5), 120m, "D1110", "Prophylaxis - adult", "1", "1", null),
            new PmsLedgerEntry("L2", "101", PmsLedgerKind.Charge, new DateOnly(2026, 2, 10), 95.5m, "D1120", "Prophylaxis - child", "2", "1", null),
            new PmsLedgerEntry("L3", "100", PmsLedgerKind.PatientPayment, new DateOnly(2026, 2, 15), -50m, null, "Credit Card", null, "1", "PAY9"),
            new PmsLedgerEntry("L4", "300", PmsLedgerKind.Charge, new DateOnly(2026, 2, 10), 80m, "D0120", "Periodic exam", "1", "1", null));
        pms.Balances.Upsert(
            new PmsFamilyBalance("100", "100", 95.5m, 0m, 0m, 70m, 165.5m, 40m, 125.5m),
            new PmsFamilyBalance("300", "300", 80m, 0m, 0m, 0m, 80m, 0m, 80m));
        await app.SyncAsync(practice, connectionId, SyncResources.Patients, SyncResources.LedgerEntries, SyncResources.Balances);
        client = await app.ApiClientAsync(practice, "Collections", ApiScopes.LedgerRead);
    }

    public async Task DisposeAsync()
    {
        if (app is null)
        {
            return;
        }
        client?.Dispose();
        await app.DisposeAsync();
        await app.Database.DisposeAsync();
    }

    private void SkipWithoutServer() =>
        Skip.If(provider == DatabaseProvider.Postgres && PostgresTestDatabase.ServerConnectionString is null, PostgresTestDatabase.SkipReason);

    private async Task<Guid> PatientIdAsync(string pmsId)
    {
        await using var db = app.Databases.Create(practice.Tenant);
        return await db.PatientLinks.Where(l => l.PmsId == pmsId).Select(l => l.PatientId).SingleAsync();
    }

    private async Task<List<string>> IdsAsync(string url) =>
        (await client.ReadAsync<ListPage<LedgerLineDto>>(url)).Data.Select(e => e.Id).Order(StringComparer.Ordinal).ToList();

    [SkippableFact]
    public async Task LedgerLines_Listed_WithSignedAmountsAndTheirPatients()
    {
        SkipWithoutServer();
        var lines = (await client.ReadAsync<ListPage<LedgerLineDto>>("/api/v1/ledger-lines")).Data.ToDictionary(e => e.Id);

        var charge = lines["L2"];
        Assert.Equal((connectionId, "101", (Guid?)await PatientIdAsync("101"), LedgerEntryKind.Charge, new DateOnly(2026, 2, 10), 95.50m),
            (charge.ConnectionId, charge.PmsPatientId, charge.PatientId, charge.Kind, charge.Date, charge.Amount));
        Assert.Equal(("D1120", "Prophylaxis - child", "2", "1", (string?)null), (charge.Code, charge.Description, charge.ProviderId, charge.ClinicId, charge.SourceId));
        var payment = lines["L3"];
        Assert.Equal((LedgerEntryKind.PatientPayment, -50.00m, "PAY9"), (payment.Kind, payment.Amount, payment.SourceId));
        Assert.Null(lines["L4"].PatientId);
    }

    [SkippableTheory]
    [InlineData("from=2026-02-10&to=2026-02-15", new[] { "L2", "L3", "L4" })]
    [InlineData("from=2026-02-11", new[] { "L3" })]
    [InlineData("to=2026-01-31", new[] { "L1" })]
    public async Task LedgerLines_FilteredByDay_OnlyThose(string query, string[] expected)
    {
        SkipWithoutServer();
        Assert.Equal(expected, await IdsAsync("/api/v1/ledger-lines?" + query));
    }

    [SkippableFact]
    public async Task LedgerLines_FilteredByPatientAndDay_OnlyThatPatientsInRange()
    {
        SkipWithoutServer();
        var dana = await PatientIdAsync("100");

        Assert.Equal(["L1", "L3"], await IdsAsync($"/api/v1/ledger-lines?patient_id={dana}"));
        Assert.Equal(["L3"], await IdsAsync($"/api/v1/ledger-lines?patient_id={dana}&from=2026-02-01"));
    }

    [SkippableFact]
    public async Task LedgerLines_PagedByCursor_EachOnce()
    {
        SkipWithoutServer();
        var seen = new List<string>();
        string? cursor = null;
        do
        {
            var page = await client.ReadAsync<ListPage<LedgerLineDto>>("/api/v1/ledger-lines?limit=1" + (cursor is null ? "" : "&cursor=" + cursor));
            Assert.True(page.Data.Count <= 1);
            seen.AddRange(page.Data.Select(e => e.Id));
            cursor = page.NextCursor;
        }
        while (cursor is not null);
        Assert.Equal(["L1", "L2", "L3", "L4"], seen.Order(StringComparer.Ordinal));
    }

    [SkippableFact]
    public async Task FamilyBalances_Listed_WithAgingAndTheAccountHoldersProfile()
    {
        SkipWithoutServer();
        var balances = (await client.ReadAsync<ListPage<FamilyBalanceDto>>("/api/v1/family-balances")).Data.ToDictionary(b => b.Id);

        var rivera = balances["100"];
        Assert.Equal((connectionId, (Guid?)await PatientIdAsync("100")), (rivera.ConnectionId, rivera.PatientId));
        Assert.Equal((95.50m, 0.00m, 0.00m, 70.00m, 165.50m, 40.00m, 125.50m),
            (rivera.Aged0To30, rivera.Aged31To60, rivera.Aged61To90, rivera.AgedOver90, rivera.Total, rivera.InsuranceEstimate, rivera.PatientPortion));
        Assert.Null(balances["300"].PatientId);
    }

    [SkippableTheory]
    [InlineData("/api/v1/ledger-lines?patient_id=abc", "patient_id")]
    [InlineData("/api/v1/ledger-lines?from=2026-02-30", "from")]
    [InlineData("/api/v1/ledger-lines?from=2026-03-01&to=2026-02-01", "to")]
    [InlineData("/api/v1/family-balances?updated_since=2026-01-01", "updated_since")]
    public async Task BadFilter_Is400NamingTheParameter(string url, string parameter)
    {
        SkipWithoutServer();
        using var response = await client.GetAsync(url);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains($"\"{parameter}\"", await response.Content.ReadAsStringAsync());
    }

    [SkippableTheory]
    [InlineData("/api/v1/ledger-lines")]
    [InlineData("/api/v1/family-balances")]
    public async Task KeyWithoutTheLedgerScope_IsForbidden(string url)
    {
        SkipWithoutServer();
        using var other = await app.ApiClientAsync(practice, "Front desk", ApiScopes.ScheduleRead, ApiScopes.InsuranceRead, ApiScopes.PatientsRead);
        Assert.Equal(HttpStatusCode.Forbidden, (await other.GetAsync(url)).StatusCode);
    }

    [SkippableFact]
    public async Task LedgerAndBalanceLists_AreAuditedAsPatientData()
    {
        SkipWithoutServer();
        var leo = await PatientIdAsync("101");
        await client.ReadAsync<ListPage<LedgerLineDto>>($"/api/v1/ledger-lines?patient_id={leo}");
        await client.ReadAsync<ListPage<FamilyBalanceDto>>("/api/v1/family-balances");

        await using var db = app.Databases.Create(practice.Tenant);
        var reads = await db.AuditEntries.Where(e => e.Action == AuditActions.PatientRead).OrderBy(e => e.Id).ToListAsync();
        Assert.Equal([("ListLedgerLines (API)", (int?)1, (Guid?)leo), ("ListFamilyBalances (API)", (int?)2, null)], reads.Select(e => (e.Subject, e.Count, e.PatientId)));
    }
}

public sealed class IntegratorReadingTheLedgerOnSqlite() : IntegratorReadingTheLedger(DatabaseProvider.Sqlite);

public sealed class IntegratorReadingTheLedgerOnPostgres() : IntegratorReadingTheLedger(DatabaseProvider.Postgres);
