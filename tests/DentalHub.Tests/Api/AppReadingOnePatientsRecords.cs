using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using DentalHub.Api;
using DentalHub.Audit;
using DentalHub.Auth.ApiKeys;
using DentalHub.Connectors.Contract;
using DentalHub.Data;
using DentalHub.Insurance;
using DentalHub.Ledger;
using DentalHub.Schedule;
using DentalHub.Sync;
using DentalHub.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace DentalHub.Tests.Api;

/// <summary>
/// A patient app reading one patient's records through <c>/patients/{id}/...</c>: appointments, coverages with what
/// is left of the benefits, the family's balance (the account holder's) and the family's ledger, page by page.
/// The Riveras are a family: Dana (100) holds the account of Leo (101) and Mia (102). Ravi (200) is a family of his own.
/// </summary>
public abstract class AppReadingOnePatientsRecords(DatabaseProvider provider) : IAsyncLifetime
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
        practice = await app.AddPracticeAsync("Family Dental");
        connectionId = await app.ConnectAsync(practice, pms);
        pms.Upsert(ScriptedPms.Patient("100", "Dana", "Rivera", new DateOnly(1978, 5, 6)));
        pms.Upsert(ScriptedPms.Patient("101", "Leo", "Rivera", new DateOnly(2014, 9, 1), guarantor: "100"));
        pms.Upsert(ScriptedPms.Patient("102", "Mia", "Rivera", new DateOnly(2017, 2, 3), guarantor: "100"));
        pms.Upsert(ScriptedPms.Patient("200", "Ravi", "Shah", new DateOnly(1990, 1, 2)));
        pms.Appointments.Upsert(
            Appointment("500", "100", new DateTime(2026, 3, 9, 9, 0, 0), PmsAppointmentStatus.Scheduled),
            Appointment("501", "101", new DateTime(2026, 3, 9, 20, 0, 0), PmsAppointmentStatus.Complete),
            Appointment("502", "101", new DateTime(2026, 2, 1, 10, 0, 0), PmsAppointmentStatus.Broken),
            Appointment("503", "101", null, PmsAppointmentStatus.Unscheduled),
            Appointment("504", "101", new DateTime(2026, 1, 20, 10, 0, 0), PmsAppointmentStatus.Scheduled),
            Appointment("505", "200", new DateTime(2026, 3, 9, 11, 0, 0), PmsAppointmentStatus.Scheduled));
        pms.Appointments.Delete("504");
        pms.InsurancePlans.Upsert(
            new PmsInsurancePlan("7", "Delta Dental", "CAR1", "Acme Staff", "G-1234", "Acme Corp", "PPO Percentage", 1500m, 50m, false),
            new PmsInsurancePlan("9", "Guardian", "CAR2", null, null, null, null, null, null, false));
        pms.Coverages.Upsert(
            new PmsCoverage("40", "100", "7", "100", "XYZ123", 1, PmsRelationship.Self, new DateOnly(2025, 1, 1), null, 400m, 50m),
            new PmsCoverage("43", "100", "9", "100", "GU-9", 2, PmsRelationship.Self, null, null, 100m, null),
            new PmsCoverage("44", "100", "99", "100", "UNK-1", 3, PmsRelationship.Self, null, null, 10m, null),
            new PmsCoverage("41", "101", "7", "100", "XYZ123", 1, PmsRelationship.Child, null, null, 1600m, 0m));
        pms.LedgerEntries.Upsert(
            Line("L1", "100", new DateOnly(2026, 1, 5), 120m, PmsLedgerKind.Charge),
            Line("L2", "101", new DateOnly(2026, 2, 10), 95.5m, PmsLedgerKind.Charge),
            Line("L3", "100", new DateOnly(2026, 2, 15), -50m, PmsLedgerKind.PatientPayment),
            Line("L4", "200", new DateOnly(2026, 2, 10), 80m, PmsLedgerKind.Charge),
            Line("L5", "102", new DateOnly(2026, 3, 1), -10.25m, PmsLedgerKind.WriteOff),
            Line("L6", "100", new DateOnly(2026, 2, 10), 30m, PmsLedgerKind.Adjustment),
            Line("L7", "101", new DateOnly(2026, 2, 20), 45m, PmsLedgerKind.Charge));
        pms.LedgerEntries.Delete("L7");
        pms.Balances.Upsert(new PmsFamilyBalance("100", "100", 95.5m, 0m, 0m, 70m, 165.5m, 40m, 125.5m));
        await app.SyncAsync(practice, connectionId, SyncResources.Patients, SyncResources.Appointments, SyncResources.InsurancePlans,
            SyncResources.Coverages, SyncResources.LedgerEntries, SyncResources.Balances);
        client = await app.ApiClientAsync(practice, "Patient app", ApiScopes.ScheduleRead, ApiScopes.InsuranceRead, ApiScopes.LedgerRead);
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

    private static PmsAppointment Appointment(string id, string patient, DateTime? start, PmsAppointmentStatus status) =>
        new(id, patient, "1", null, "10", null, null, start, 30, status, null, false, null, null);

    private static PmsLedgerEntry Line(string id, string patient, DateOnly date, decimal amount, PmsLedgerKind kind) =>
        new(id, patient, kind, date, amount, null, null, null, null, null);

    private Task<Guid> PatientIdAsync(string pmsId) => PatientIdAsync(pmsId, connectionId);

    private async Task<Guid> PatientIdAsync(string pmsId, Guid connection)
    {
        await using var db = app.Databases.Create(practice.Tenant);
        return await db.PatientLinks.Where(l => l.PmsId == pmsId && l.ConnectionId == connection).Select(l => l.PatientId).SingleAsync();
    }

    [SkippableFact]
    public async Task Appointments_OnlyThePatients_ByStartUnscheduledLast_DeletedLeftOut()
    {
        SkipWithoutServer();
        var leo = await PatientIdAsync("101");

        var appointments = await client.ReadAsync<List<AppointmentDto>>($"/api/v1/patients/{leo}/appointments");

        Assert.Equal(["502", "501", "503"], appointments.Select(a => a.Id));
        Assert.All(appointments, a => Assert.Equal((leo, "101"), (a.PatientId!.Value, a.PmsPatientId)));
        Assert.Equal((new DateTimeOffset(2026, 3, 10, 1, 0, 0, TimeSpan.Zero), new DateOnly(2026, 3, 9)), (appointments[1].StartsAt!.Value, appointments[1].LocalDate!.Value));
    }

    [SkippableFact]
    public async Task Coverages_ByPriority_WithPlanCarrierAndRemainingBenefits()
    {
        SkipWithoutServer();
        var dana = await PatientIdAsync("100");

        var coverages = await client.ReadAsync<List<PatientCoverageDto>>($"/api/v1/patients/{dana}/coverages");

        Assert.Equal(["40", "43", "44"], coverages.Select(c => c.Coverage.Id));
        var primary = coverages[0];
        Assert.Equal(("7", "Delta Dental", "CAR1", "G-1234", (decimal?)1500.00m), (primary.Plan!.Id, primary.Plan.CarrierName, primary.Plan.CarrierId, primary.Plan.GroupNumber, primary.Plan.AnnualMaximum));
        Assert.Equal((1100.00m, 400.00m, (Guid?)dana), (primary.RemainingBenefits!.Value, primary.Coverage.BenefitsUsed!.Value, primary.Coverage.PatientId));
        Assert.Equal(("Guardian", (decimal?)null), (coverages[1].Plan!.CarrierName, coverages[1].RemainingBenefits));
        Assert.Equal(((InsurancePlanDto?)null, (decimal?)null), (coverages[2].Plan, coverages[2].RemainingBenefits));
    }

    [SkippableFact]
    public async Task Coverages_BenefitsUsedBeyondTheMaximum_NothingRemains()
    {
        SkipWithoutServer();
        var coverage = Assert.Single(await client.ReadAsync<List<PatientCoverageDto>>($"/api/v1/patients/{await PatientIdAsync("101")}/coverages"));
        Assert.Equal(0m, coverage.RemainingBenefits);
    }

    [SkippableFact]
    public async Task Balance_OfAChild_IsTheAccountHoldersFamilyBalance()
    {
        SkipWithoutServer();
        var balance = await client.ReadAsync<FamilyBalanceDto>($"/api/v1/patients/{await PatientIdAsync("101")}/balance");

        Assert.Equal(("100", (Guid?)await PatientIdAsync("100"), connectionId), (balance.Id, balance.PatientId, balance.ConnectionId));
        Assert.Equal((95.50m, 70.00m, 165.50m, 40.00m, 125.50m), (balance.Aged0To30, balance.AgedOver90, balance.Total, balance.InsuranceEstimate, balance.PatientPortion));
    }

    [SkippableFact]
    public async Task Balance_NoneSyncedForTheFamily_Is404SayingSo()
    {
        SkipWithoutServer();
        using var response = await client.GetAsync($"/api/v1/patients/{await PatientIdAsync("200")}/balance");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("No family balance", (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("title").GetString());
    }

    [SkippableFact]
    public async Task Ledger_TheWholeFamilysLines_NewestFirst_PagedByCursor()
    {
        SkipWithoutServer();
        var mia = await PatientIdAsync("102");
        var pages = new List<ListPage<LedgerLineDto>>();
        string? cursor = null;
        do
        {
            var page = await client.ReadAsync<ListPage<LedgerLineDto>>($"/api/v1/patients/{mia}/ledger?limit=2" + (cursor is null ? "" : "&cursor=" + cursor));
            pages.Add(page);
            cursor = page.NextCursor;
        }
        while (cursor is not null);

        Assert.Equal([["L5", "L3"], ["L6", "L2"], ["L1"]], pages.Select(p => p.Data.Select(e => e.Id).ToArray()));
        var lines = pages.SelectMany(p => p.Data).ToDictionary(e => e.Id);
        Assert.Equal((mia, -10.25m, LedgerEntryKind.WriteOff), (lines["L5"].PatientId!.Value, lines["L5"].Amount, lines["L5"].Kind));
        Assert.Equal((await PatientIdAsync("100"), -50.00m), (lines["L3"].PatientId!.Value, lines["L3"].Amount));
        Assert.Equal(await PatientIdAsync("101"), lines["L2"].PatientId);
    }

    [SkippableFact]
    public async Task Ledger_AccountHolderNotSyncedYet_TheirLinesAreStillTheFamilys()
    {
        SkipWithoutServer();
        pms.Upsert(ScriptedPms.Patient("701", "Noor", "Haddad", new DateOnly(2012, 4, 4), guarantor: "700"));
        pms.LedgerEntries.Upsert(Line("L70", "700", new DateOnly(2026, 1, 2), 60m, PmsLedgerKind.Charge), Line("L71", "701", new DateOnly(2026, 1, 3), 75m, PmsLedgerKind.Charge));
        pms.Balances.Upsert(new PmsFamilyBalance("700", "700", 135m, 0m, 0m, 0m, 135m, 0m, 135m));
        await app.SyncAsync(practice, connectionId, SyncResources.Patients, SyncResources.LedgerEntries, SyncResources.Balances);
        var noor = await PatientIdAsync("701");

        var ledger = await client.ReadAsync<ListPage<LedgerLineDto>>($"/api/v1/patients/{noor}/ledger");
        var balance = await client.ReadAsync<FamilyBalanceDto>($"/api/v1/patients/{noor}/balance");

        Assert.Equal([("L71", (Guid?)noor), ("L70", null)], ledger.Data.Select(e => (e.Id, e.PatientId)));
        Assert.Equal(("700", (Guid?)null, 135.00m), (balance.Id, balance.PatientId, balance.Total));
    }

    [SkippableFact]
    public async Task ProfileLinkedOnTwoPmsConnections_RecordsOfBoth_LedgerLinesEachOnceAcrossPages()
    {
        SkipWithoutServer();
        var second = new ScriptedPms();
        var secondConnection = await app.ConnectAsync(practice, second);
        // The same person in a second PMS: linked to the same profile by name and date of birth.
        second.Upsert(ScriptedPms.Patient("100", "Dana", "Rivera", new DateOnly(1978, 5, 6)));
        second.Appointments.Upsert(Appointment("500", "100", new DateTime(2026, 3, 2, 9, 0, 0), PmsAppointmentStatus.Complete));
        second.LedgerEntries.Upsert(Line("L1", "100", new DateOnly(2026, 1, 5), 20m, PmsLedgerKind.Charge), Line("L9", "100", new DateOnly(2026, 4, 1), 15m, PmsLedgerKind.Charge));
        await app.SyncAsync(practice, secondConnection, SyncResources.Patients, SyncResources.Appointments, SyncResources.LedgerEntries);
        var dana = await PatientIdAsync("100", connectionId);
        Assert.Equal(dana, await PatientIdAsync("100", secondConnection));

        var appointments = await client.ReadAsync<List<AppointmentDto>>($"/api/v1/patients/{dana}/appointments");
        var seen = new List<LedgerLineDto>();
        string? cursor = null;
        do
        {
            var page = await client.ReadAsync<ListPage<LedgerLineDto>>($"/api/v1/patients/{dana}/ledger?limit=1" + (cursor is null ? "" : "&cursor=" + cursor));
            seen.AddRange(page.Data);
            cursor = page.NextCursor;
        }
        while (cursor is not null);

        Assert.Equal([("500", secondConnection), ("500", connectionId)], appointments.Select(a => (a.Id, a.ConnectionId)));
        Assert.Equal(["L9", "L5", "L3", "L6", "L2", "L1", "L1"], seen.Select(e => e.Id));
        Assert.Equal([connectionId, secondConnection], seen.Where(e => e.Id == "L1").Select(e => e.ConnectionId).Order());
        Assert.Equal(secondConnection, seen[0].ConnectionId);
    }

    [SkippableFact]
    public async Task Ledger_BadCursorOrLimit_Is400()
    {
        SkipWithoutServer();
        var dana = await PatientIdAsync("100");
        using var badCursor = await client.GetAsync($"/api/v1/patients/{dana}/ledger?cursor=abc");
        using var badLimit = await client.GetAsync($"/api/v1/patients/{dana}/ledger?limit=0");

        Assert.Equal((HttpStatusCode.BadRequest, HttpStatusCode.BadRequest), (badCursor.StatusCode, badLimit.StatusCode));
        Assert.Contains("\"cursor\"", await badCursor.Content.ReadAsStringAsync());
        Assert.Contains("\"limit\"", await badLimit.Content.ReadAsStringAsync());
    }

    [SkippableTheory]
    [InlineData("appointments")]
    [InlineData("coverages")]
    [InlineData("balance")]
    [InlineData("ledger")]
    public async Task UnknownPatient_Is404Problem(string route)
    {
        SkipWithoutServer();
        using var response = await client.GetAsync($"/api/v1/patients/{Guid.NewGuid()}/{route}");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("Patient not found", (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("title").GetString());
    }

    [SkippableTheory]
    [InlineData("appointments", ApiScopes.InsuranceRead, ApiScopes.LedgerRead)]
    [InlineData("coverages", ApiScopes.ScheduleRead, ApiScopes.LedgerRead)]
    [InlineData("balance", ApiScopes.ScheduleRead, ApiScopes.InsuranceRead)]
    [InlineData("ledger", ApiScopes.ScheduleRead, ApiScopes.InsuranceRead)]
    public async Task KeyWithoutTheRoutesScope_IsForbidden(string route, string scope, string otherScope)
    {
        SkipWithoutServer();
        using var other = await app.ApiClientAsync(practice, "Narrow", scope, otherScope, ApiScopes.PatientsRead);
        Assert.Equal(HttpStatusCode.Forbidden, (await other.GetAsync($"/api/v1/patients/{await PatientIdAsync("100")}/{route}")).StatusCode);
    }

    [SkippableFact]
    public async Task EachRead_IsAuditedWithThePatient()
    {
        SkipWithoutServer();
        var leo = await PatientIdAsync("101");
        foreach (var route in new[] { "appointments", "coverages", "balance", "ledger" })
        {
            (await client.GetAsync($"/api/v1/patients/{leo}/{route}")).EnsureSuccessStatusCode();
        }

        await using var db = app.Databases.Create(practice.Tenant);
        var reads = await db.AuditEntries.Where(e => e.Action == AuditActions.PatientRead).OrderBy(e => e.Id).ToListAsync();
        Assert.Equal(["Patient appointments", "Patient coverages", "Patient family balance", "Patient family ledger: 5 lines"], reads.Select(e => e.Subject));
        Assert.All(reads, e => Assert.Equal((leo, AuditActorKind.ApiKey, "Patient app"), (e.PatientId!.Value, e.ActorKind, e.ActorName)));
    }
}

public sealed class AppReadingOnePatientsRecordsOnSqlite() : AppReadingOnePatientsRecords(DatabaseProvider.Sqlite);

public sealed class AppReadingOnePatientsRecordsOnPostgres() : AppReadingOnePatientsRecords(DatabaseProvider.Postgres);
