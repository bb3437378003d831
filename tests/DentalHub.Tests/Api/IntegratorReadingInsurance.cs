using System.Net;
using DentalHub.Api;
using DentalHub.Audit;
using DentalHub.Auth.ApiKeys;
using DentalHub.Connectors.Contract;
using DentalHub.Data;
using DentalHub.Insurance;
using DentalHub.Sync;
using DentalHub.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace DentalHub.Tests.Api;

/// <summary>Other software reading insurance through the list routes: plans, coverages and claims as synced, by patient.</summary>
public abstract class IntegratorReadingInsurance(DatabaseProvider provider) : IAsyncLifetime
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
        practice = await app.AddPracticeAsync("Insured Dental");
        connectionId = await app.ConnectAsync(practice, pms);
        pms.Upsert(ScriptedPms.Patient("100", "Dana", "Rivera", new DateOnly(1978, 5, 6)));
        pms.Upsert(ScriptedPms.Patient("101", "Leo", "Rivera", new DateOnly(2014, 9, 1), guarantor: "100"));
        pms.InsurancePlans.Upsert(
            new PmsInsurancePlan("7", "Delta Dental", "CAR1", "Acme Staff", "G-1234", "Acme Corp", "PPO Percentage", 1500m, 50m, false),
            new PmsInsurancePlan("8", null, null, null, null, null, null, null, null, true));
        pms.Coverages.Upsert(
            new PmsCoverage("40", "100", "7", "100", "XYZ123", 1, PmsRelationship.Self, new DateOnly(2025, 1, 1), null, 400m, 50m),
            new PmsCoverage("41", "101", "7", "100", "XYZ123", 1, PmsRelationship.Child, new DateOnly(2025, 1, 1), new DateOnly(2026, 12, 31), 1600m, 0m),
            new PmsCoverage("42", "300", "8", "300", null, 2, PmsRelationship.Other, null, null, null, null));
        pms.Claims.Upsert(
            new PmsClaim("60", "100", "7", PmsClaimStatus.Received, "Primary", new DateOnly(2026, 2, 2), new DateOnly(2026, 2, 3), new DateOnly(2026, 2, 20), 250m, 200m, 180.5m, 19.5m),
            new PmsClaim("61", "101", "7", PmsClaimStatus.Sent, "Primary", new DateOnly(2026, 2, 10), new DateOnly(2026, 2, 11), null, 95.5m, 76.4m, 0m, 0m));
        await app.SyncAsync(practice, connectionId, SyncResources.Patients, SyncResources.InsurancePlans, SyncResources.Coverages, SyncResources.Claims);
        client = await app.ApiClientAsync(practice, "Eligibility", ApiScopes.InsuranceRead);
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

    [SkippableFact]
    public async Task Plans_Listed_WithCarrierAndMoneyAsDecimals()
    {
        SkipWithoutServer();
        var plans = (await client.ReadAsync<ListPage<InsurancePlanDto>>("/api/v1/insurance-plans")).Data.ToDictionary(p => p.Id);

        var delta = plans["7"];
        Assert.Equal((connectionId, "CAR1", "Delta Dental", "Acme Staff", "G-1234", "Acme Corp", "PPO Percentage", (decimal?)1500.00m, (decimal?)50.00m, false),
            (delta.ConnectionId, delta.CarrierId, delta.CarrierName, delta.GroupName, delta.GroupNumber, delta.Employer, delta.PlanType, delta.AnnualMaximum, delta.Deductible, delta.IsHidden));
        Assert.Equal(((string?)null, (decimal?)null, true), (plans["8"].CarrierName, plans["8"].AnnualMaximum, plans["8"].IsHidden));
    }

    [SkippableFact]
    public async Task Coverages_Listed_WithTheirPatientsProfileOrNullWhenNotSynced()
    {
        SkipWithoutServer();
        var coverages = (await client.ReadAsync<ListPage<CoverageDto>>("/api/v1/coverages")).Data.ToDictionary(c => c.Id);

        var leo = coverages["41"];
        Assert.Equal(("101", (Guid?)await PatientIdAsync("101"), "7", "100", "XYZ123", 1, CoverageRelationship.Child),
            (leo.PmsPatientId, leo.PatientId, leo.PlanId, leo.PmsSubscriberId, leo.SubscriberId, leo.Priority, leo.Relationship));
        Assert.Equal((new DateOnly(2025, 1, 1), new DateOnly(2026, 12, 31), 1600.00m, 0.00m), (leo.EffectiveOn!.Value, leo.TerminatesOn!.Value, leo.BenefitsUsed!.Value, leo.DeductibleMet!.Value));
        Assert.Equal(("300", (Guid?)null), (coverages["42"].PmsPatientId, coverages["42"].PatientId));

        pms.Upsert(ScriptedPms.Patient("300", "Sam", "Okafor", new DateOnly(1985, 3, 3)));
        await app.SyncAsync(practice, connectionId, SyncResources.Patients);

        var after = (await client.ReadAsync<ListPage<CoverageDto>>("/api/v1/coverages")).Data.Single(c => c.Id == "42");
        Assert.Equal(await PatientIdAsync("300"), after.PatientId);
    }

    [SkippableFact]
    public async Task Claims_Listed_WithStatusAndAmountsToTheCent()
    {
        SkipWithoutServer();
        var claim = (await client.ReadAsync<ListPage<ClaimDto>>("/api/v1/claims")).Data.Single(c => c.Id == "60");

        Assert.Equal(("100", (Guid?)await PatientIdAsync("100"), "7", ClaimStatus.Received, "Primary"), (claim.PmsPatientId, claim.PatientId, claim.PlanId, claim.Status, claim.ClaimType));
        Assert.Equal((new DateOnly(2026, 2, 2), new DateOnly(2026, 2, 3), new DateOnly(2026, 2, 20)), (claim.ServiceDate!.Value, claim.SentOn!.Value, claim.ReceivedOn!.Value));
        Assert.Equal((250.00m, 200.00m, 180.50m, 19.50m), (claim.Billed, claim.EstimatedPayment, claim.Paid, claim.WriteOff));
    }

    [SkippableFact]
    public async Task CoveragesAndClaims_FilteredByPatient_OnlyThatPatients()
    {
        SkipWithoutServer();
        var leo = await PatientIdAsync("101");

        var coverages = (await client.ReadAsync<ListPage<CoverageDto>>($"/api/v1/coverages?patient_id={leo}")).Data;
        var claims = (await client.ReadAsync<ListPage<ClaimDto>>($"/api/v1/claims?patient_id={leo}")).Data;

        Assert.Equal(["41"], coverages.Select(c => c.Id));
        Assert.Equal(["61"], claims.Select(c => c.Id));
        Assert.Empty((await client.ReadAsync<ListPage<ClaimDto>>($"/api/v1/claims?patient_id={Guid.NewGuid()}")).Data);
    }

    [SkippableFact]
    public async Task Coverages_PagedByCursor_EachOnce()
    {
        SkipWithoutServer();
        var first = await client.ReadAsync<ListPage<CoverageDto>>("/api/v1/coverages?limit=2");
        var second = await client.ReadAsync<ListPage<CoverageDto>>("/api/v1/coverages?limit=2&cursor=" + first.NextCursor);

        Assert.Equal(["40", "41", "42"], first.Data.Concat(second.Data).Select(c => c.Id).Order(StringComparer.Ordinal));
        Assert.Null(second.NextCursor);
    }

    [SkippableTheory]
    [InlineData("/api/v1/coverages?patient_id=not-a-uuid", "patient_id")]
    [InlineData("/api/v1/claims?patient_id=", "patient_id")]
    [InlineData("/api/v1/insurance-plans?limit=0", "limit")]
    public async Task BadFilter_Is400NamingTheParameter(string url, string parameter)
    {
        SkipWithoutServer();
        using var response = await client.GetAsync(url);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains($"\"{parameter}\"", await response.Content.ReadAsStringAsync());
    }

    [SkippableTheory]
    [InlineData("/api/v1/insurance-plans")]
    [InlineData("/api/v1/coverages")]
    [InlineData("/api/v1/claims")]
    public async Task KeyWithoutTheInsuranceScope_IsForbidden(string url)
    {
        SkipWithoutServer();
        using var other = await app.ApiClientAsync(practice, "Front desk", ApiScopes.ScheduleRead, ApiScopes.LedgerRead, ApiScopes.PatientsRead);
        Assert.Equal(HttpStatusCode.Forbidden, (await other.GetAsync(url)).StatusCode);
    }

    [SkippableFact]
    public async Task CoverageAndClaimLists_AreAuditedAsPatientData_PlansAreNot()
    {
        SkipWithoutServer();
        var dana = await PatientIdAsync("100");
        await client.ReadAsync<ListPage<InsurancePlanDto>>("/api/v1/insurance-plans");
        await client.ReadAsync<ListPage<CoverageDto>>("/api/v1/coverages");
        await client.ReadAsync<ListPage<ClaimDto>>($"/api/v1/claims?patient_id={dana}");

        await using var db = app.Databases.Create(practice.Tenant);
        var reads = await db.AuditEntries.Where(e => e.Action == AuditActions.PatientRead).OrderBy(e => e.Id).ToListAsync();
        Assert.Equal([("ListCoverages (API)", (int?)3, (Guid?)null), ("ListClaims (API)", (int?)1, dana)], reads.Select(e => (e.Subject, e.Count, e.PatientId)));
        Assert.All(reads, e => Assert.Equal((AuditActorKind.ApiKey, "Eligibility"), (e.ActorKind, e.ActorName)));
    }
}

public sealed class IntegratorReadingInsuranceOnSqlite() : IntegratorReadingInsurance(DatabaseProvider.Sqlite);

public sealed class IntegratorReadingInsuranceOnPostgres() : IntegratorReadingInsurance(DatabaseProvider.Postgres);
