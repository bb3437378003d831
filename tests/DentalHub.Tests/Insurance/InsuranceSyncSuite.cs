using DentalHub.Connectors.Contract;
using DentalHub.Data;
using DentalHub.ImportFailures;
using DentalHub.Insurance;
using DentalHub.Sync;
using DentalHub.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace DentalHub.Tests.Insurance;

/// <summary>
/// Insurance plans, coverages and claims coming into the hub through the generic engine: what lands in the
/// tables (amounts to the cent), what an unchanged record costs, edits, drops and records the hub cannot keep.
/// </summary>
public abstract class InsuranceSyncSuite(DatabaseProvider provider) : ScriptedSyncSuite(provider, "Insured Dental", SyncResources.InsurancePlans)
{
    private static readonly DateOnly ServiceDay = new(2026, 2, 10);

    private async Task SyncAllAsync()
    {
        foreach (var resource in new[] { SyncResources.InsurancePlans, SyncResources.Coverages, SyncResources.Claims })
        {
            var outcome = await SyncAsync(resource);
            Assert.Equal(SyncOutcomeKind.Completed, outcome.Kind);
        }
    }

    private static PmsInsurancePlan Plan(string id = "10", decimal? maximum = 1500.00m, decimal? deductible = 50m) =>
        new(id, "Delta Dental", "1", "Acme Dental", "G-100", "Acme Corp", "PPO Percentage", maximum, deductible, IsHidden: false);

    /// <summary>A family on one plan: the parent subscribes (primary), the child is covered by it as Child and by a second plan.</summary>
    private static PmsCoverage[] Family() =>
    [
        new("301", "101", "10", "101", "DD123", 1, PmsRelationship.Self, new DateOnly(2020, 1, 1), null, 260.35m, 50m),
        new("302", "103", "10", "101", "DD123", 1, PmsRelationship.Child, new DateOnly(2020, 1, 1), null, 40m, 0m),
        new("303", "103", "11", "102", "MET9", 2, PmsRelationship.Child, new DateOnly(2021, 5, 1), null, 0m, 0m),
        new("304", "104", "10", "104", "DD777", 1, PmsRelationship.Self, new DateOnly(2019, 1, 1), new DateOnly(2023, 12, 31), null, null),
    ];

    private static PmsClaim PartlyPaid() =>
        new("401", "101", "10", PmsClaimStatus.Received, "Primary", ServiceDay, ServiceDay.AddDays(2), ServiceDay.AddDays(20), 300.00m, 240.00m, 180.5m, 45.255m);

    private static PmsClaim Unsent() =>
        new("402", "101", "10", PmsClaimStatus.Unsent, "Primary", ServiceDay.AddDays(30), null, null, 120m, 80.25m, 0m, 0m);

    [SkippableFact]
    public async Task FirstSync_PlanCoveragesAndClaims_StoredWithEveryValueToTheCent()
    {
        await StartAsync();
        Pms.InsurancePlans.Upsert(Plan(), new PmsInsurancePlan("11", "MetLife", "2", null, null, null, "Percentage", null, null, IsHidden: true));
        Pms.Coverages.Upsert(Family());
        Pms.Claims.Upsert(PartlyPaid(), Unsent());

        await SyncAllAsync();

        await using var db = Db();
        var plans = await db.InsurancePlans.OrderBy(p => p.PmsId).ToListAsync();
        Assert.Equal(("Delta Dental", "1", "Acme Dental", "G-100", "Acme Corp", "PPO Percentage", 1500.00m, 50.00m, false),
            (plans[0].CarrierName, plans[0].CarrierPmsId, plans[0].GroupName, plans[0].GroupNumber, plans[0].Employer, plans[0].PlanType, plans[0].AnnualMaximum, plans[0].Deductible, plans[0].IsHidden));
        Assert.Equal(("MetLife", (string?)null, (decimal?)null, (decimal?)null, true), (plans[1].CarrierName, plans[1].GroupName, plans[1].AnnualMaximum, plans[1].Deductible, plans[1].IsHidden));

        var coverages = await db.Coverages.OrderBy(c => c.PmsId).ToListAsync();
        Assert.Equal(["301", "302", "303", "304"], coverages.Select(c => c.PmsId));
        var parent = coverages[0];
        Assert.Equal(("101", "10", "101", "DD123", 1, CoverageRelationship.Self, new DateOnly(2020, 1, 1), (DateOnly?)null, 260.35m, 50.00m),
            (parent.PatientPmsId, parent.PlanPmsId, parent.SubscriberPmsId, parent.SubscriberId, parent.Priority, parent.Relationship, parent.EffectiveOn, parent.TerminatesOn, parent.BenefitsUsed, parent.DeductibleMet));
        Assert.Equal(("103", "101", 1, CoverageRelationship.Child), (coverages[1].PatientPmsId, coverages[1].SubscriberPmsId, coverages[1].Priority, coverages[1].Relationship));
        Assert.Equal(("103", "11", 2, CoverageRelationship.Child), (coverages[2].PatientPmsId, coverages[2].PlanPmsId, coverages[2].Priority, coverages[2].Relationship));
        Assert.Equal((new DateOnly(2023, 12, 31), (decimal?)null, (decimal?)null), (coverages[3].TerminatesOn, coverages[3].BenefitsUsed, coverages[3].DeductibleMet));
        Assert.Equal(1239.65m, Benefits.Remaining(plans[0], parent));

        var claims = await db.Claims.OrderBy(c => c.PmsId).ToListAsync();
        var paid = claims[0];
        Assert.Equal(("101", "10", ClaimStatus.Received, "Primary", ServiceDay, ServiceDay.AddDays(2), ServiceDay.AddDays(20)),
            (paid.PatientPmsId, paid.PlanPmsId, paid.Status, paid.ClaimType, paid.ServiceDate, paid.SentOn, paid.ReceivedOn));
        Assert.Equal((300.00m, 240.00m, 180.50m, 45.26m), (paid.Billed, paid.EstimatedPayment, paid.Paid, paid.WriteOff));
        var unsent = claims[1];
        Assert.Equal((ClaimStatus.Unsent, (DateOnly?)null, (DateOnly?)null, 120m, 80.25m, 0m, 0m),
            (unsent.Status, unsent.SentOn, unsent.ReceivedOn, unsent.Billed, unsent.EstimatedPayment, unsent.Paid, unsent.WriteOff));
        Assert.All(claims, c => Assert.Equal(Practice.PracticeId, c.PracticeId));
        var run = await LastRunAsync(SyncResources.Claims);
        Assert.Equal((2, 2, 0, 0), (run.Read, run.Created, run.Updated, run.Failed));
    }

    [SkippableFact]
    public async Task SecondSync_SameRecordsSentAgain_WritesNothing()
    {
        await StartAsync();
        Pms.InsurancePlans.Upsert(Plan());
        Pms.Coverages.Upsert(Family());
        Pms.Claims.Upsert(PartlyPaid(), Unsent());
        await SyncAllAsync();
        DateTimeOffset plansWritten, coveragesWritten, claimsWritten;
        await using (var db = Db())
        {
            (plansWritten, coveragesWritten, claimsWritten) =
                (await db.InsurancePlans.MaxAsync(p => p.UpdatedAt), await db.Coverages.MaxAsync(c => c.UpdatedAt), await db.Claims.MaxAsync(c => c.UpdatedAt));
        }

        // A connector that re-reads its newest records (or reads a list whole) sends the same values again.
        Pms.InsurancePlans.Upsert(Plan());
        Pms.Coverages.Upsert(Family());
        Pms.Claims.Upsert(PartlyPaid() with { Paid = 180.50m }, Unsent());
        await SyncAllAsync();

        Assert.Equal((1, 0, 0, 1), Counts(await LastRunAsync(SyncResources.InsurancePlans)));
        Assert.Equal((4, 0, 0, 4), Counts(await LastRunAsync(SyncResources.Coverages)));
        Assert.Equal((2, 0, 0, 2), Counts(await LastRunAsync(SyncResources.Claims)));
        await using var check = Db();
        Assert.Equal(plansWritten, await check.InsurancePlans.MaxAsync(p => p.UpdatedAt));
        Assert.Equal(coveragesWritten, await check.Coverages.MaxAsync(c => c.UpdatedAt));
        Assert.Equal(claimsWritten, await check.Claims.MaxAsync(c => c.UpdatedAt));
    }

    private static (int Read, int Created, int Updated, int Unchanged) Counts(SyncRun run) => (run.Read, run.Created, run.Updated, run.Unchanged);

    [SkippableFact]
    public async Task CoveragesAndClaims_BeforeTheirPatientsAndPlan_AreStoredAndFoundByPatient()
    {
        await StartAsync();
        Pms.Coverages.Upsert(Family());
        Pms.Claims.Upsert(PartlyPaid());

        await SyncAsync(SyncResources.Coverages);
        await SyncAsync(SyncResources.Claims);

        await using var db = Db();
        Assert.Empty(await db.Patients.ToListAsync());
        Assert.Empty(await db.InsurancePlans.ToListAsync());
        var child = await db.Coverages.Where(c => c.ConnectionId == ConnectionId && c.PatientPmsId == "103").OrderBy(c => c.Priority).ToListAsync();
        Assert.Equal(["302", "303"], child.Select(c => c.PmsId));
        Assert.Equal("401", (await db.Claims.SingleAsync(c => c.ConnectionId == ConnectionId && c.PatientPmsId == "101")).PmsId);

        // The patient and the plan arriving later link by their PMS ids; nothing about the coverage is rewritten.
        Pms.Upsert(ScriptedPms.Patient("103", "Zoë", "García", new DateOnly(2015, 6, 7)));
        Pms.InsurancePlans.Upsert(Plan());
        await SyncAsync(SyncResources.Patients);
        await SyncAsync(SyncResources.InsurancePlans);
        await using var later = Db();
        var link = await later.PatientLinks.SingleAsync(l => l.PmsId == "103");
        Assert.Equal(2, await later.Coverages.CountAsync(c => c.ConnectionId == link.ConnectionId && c.PatientPmsId == link.PmsId));
        Assert.Equal(1500m, (await later.InsurancePlans.SingleAsync(p => p.PmsId == "10")).AnnualMaximum);
    }

    [SkippableFact]
    public async Task ClaimPaid_NextSync_UpdatesOnlyThatClaim()
    {
        await StartAsync();
        Pms.Claims.Upsert(PartlyPaid(), Unsent());
        await SyncAsync(SyncResources.Claims);

        Pms.Claims.Upsert(Unsent() with { Status = PmsClaimStatus.Received, SentOn = ServiceDay.AddDays(31), ReceivedOn = ServiceDay.AddDays(45), Paid = 64.2m, WriteOff = 16.05m });
        await SyncAsync(SyncResources.Claims);

        Assert.Equal((1, 0, 1, 0), Counts(await LastRunAsync(SyncResources.Claims)));
        await using var db = Db();
        var claim = await db.Claims.SingleAsync(c => c.PmsId == "402");
        Assert.Equal((ClaimStatus.Received, ServiceDay.AddDays(45), 64.20m, 16.05m), (claim.Status, claim.ReceivedOn, claim.Paid, claim.WriteOff));
        Assert.Equal(180.50m, (await db.Claims.SingleAsync(c => c.PmsId == "401")).Paid);
    }

    [SkippableFact]
    public async Task CoverageDropped_NextSync_KeepsItMarkedDeleted()
    {
        await StartAsync();
        Pms.Coverages.Upsert(Family());
        await SyncAsync(SyncResources.Coverages);

        Pms.Coverages.Delete("303");
        await SyncAsync(SyncResources.Coverages);

        Assert.Equal(1, (await LastRunAsync(SyncResources.Coverages)).Deleted);
        await using var db = Db();
        Assert.NotNull((await db.Coverages.SingleAsync(c => c.PmsId == "303")).DeletedAt);
        Assert.Equal(3, await db.Coverages.CountAsync(c => c.DeletedAt == null));
    }

    [SkippableFact]
    public async Task RecordsWithoutPatientOrPlan_Sync_AreImportFailuresThatNameTheSystem()
    {
        await StartAsync();
        Pms.Coverages.Upsert(new PmsCoverage("305", null, "10", "101", "DD123", 1, PmsRelationship.Self, null, null, null, null),
            new PmsCoverage("306", "105", null, null, null, 1, PmsRelationship.Self, null, null, null, null));
        Pms.Claims.Upsert(PartlyPaid() with { PmsId = "403", PatientPmsId = null });
        Pms.InsurancePlans.Upsert(Plan(maximum: -5m));

        await SyncAllAsync();

        await using var db = Db();
        Assert.Empty(await db.Coverages.ToListAsync());
        Assert.Empty(await db.Claims.ToListAsync());
        Assert.Null((await db.InsurancePlans.SingleAsync()).AnnualMaximum);
        var failures = await db.ImportFailures.OrderBy(f => f.Resource).ThenBy(f => f.PmsId).ToListAsync();
        Assert.Equal(
            [(SyncResources.Claims, "403", ImportFailureSeverity.Error), (SyncResources.Coverages, "305", ImportFailureSeverity.Error),
             (SyncResources.Coverages, "306", ImportFailureSeverity.Error), (SyncResources.InsurancePlans, "10", ImportFailureSeverity.Warning)],
            failures.Select(f => (f.Resource, f.PmsId, f.Severity)));
        Assert.All(failures, f => Assert.Contains("the test PMS", f.Message));
        Assert.Contains("no insurance plan", failures.Single(f => f.PmsId == "306").Message);
        Assert.Equal(("claim 403", "insurance coverage 1 of patient 105"), (failures.Single(f => f.PmsId == "403").Label, failures.Single(f => f.PmsId == "306").Label));
    }
}

public sealed class InsuranceSyncOnSqlite() : InsuranceSyncSuite(DatabaseProvider.Sqlite);

public sealed class InsuranceSyncOnPostgres() : InsuranceSyncSuite(DatabaseProvider.Postgres);
