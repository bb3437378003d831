using System.Globalization;
using DentalHub.Connectors.Contract;
using DentalHub.Data;
using DentalHub.ImportFailures;
using DentalHub.Ledger;
using DentalHub.Sync;
using DentalHub.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace DentalHub.Tests.Ledger;

/// <summary>
/// The ledger and the family balances synced through the generic engine: what lands in the tables (to the
/// cent, with the sign convention), what an unchanged record costs, lines that arrive before their patient,
/// lines the PMS reports deleted, and lines that cannot come over.
/// </summary>
public abstract class LedgerSyncSuite(DatabaseProvider provider) : ScriptedSyncSuite(provider, "Ledger Dental", SyncResources.LedgerEntries)
{
    private static readonly DateOnly Day = new(2024, 3, 1);

    private static PmsLedgerEntry Line(string id, string? patient, PmsLedgerKind kind, decimal amount, DateOnly? date = null, string? source = null) =>
        new(id, patient, kind, date ?? Day, amount, kind == PmsLedgerKind.Charge ? "D2391" : null, "Resin-based composite", "1", "2", source);

    /// <summary>A family's day: a filling and a crown, a payment split across two members, a reversed charge, a claim paid in part with a write-off.</summary>
    private static PmsLedgerEntry[] FamilyDay() =>
    [
        Line("proc:1", "10", PmsLedgerKind.Charge, 130.00m, source: "1"),
        Line("proc:2", "11", PmsLedgerKind.Charge, 1045.50m, source: "2"),
        Line("split:7", "10", PmsLedgerKind.PatientPayment, -50.25m, source: "900"),
        Line("split:8", "11", PmsLedgerKind.PatientPayment, -49.75m, source: "900"),
        Line("adj:3", "10", PmsLedgerKind.Adjustment, -130.00m, source: "3"),
        Line("cpins:5", "11", PmsLedgerKind.InsurancePayment, -600.40m, source: "44"),
        Line("cpwo:5", "11", PmsLedgerKind.WriteOff, -95.10m, source: "44"),
    ];

    [SkippableFact]
    public async Task FirstSync_FamilyDay_StoresEveryLineToTheCentWithItsSign()
    {
        await StartAsync();
        Pms.LedgerEntries.Upsert(FamilyDay());

        var outcome = await SyncAsync();

        Assert.Equal(SyncOutcomeKind.Completed, outcome.Kind);
        await using var db = Db();
        var stored = (await db.LedgerEntries.ToListAsync()).ToDictionary(e => e.PmsId);
        Assert.Equal(
            [("adj:3", LedgerEntryKind.Adjustment, -130.00m), ("cpins:5", LedgerEntryKind.InsurancePayment, -600.40m), ("cpwo:5", LedgerEntryKind.WriteOff, -95.10m),
             ("proc:1", LedgerEntryKind.Charge, 130.00m), ("proc:2", LedgerEntryKind.Charge, 1045.50m),
             ("split:7", LedgerEntryKind.PatientPayment, -50.25m), ("split:8", LedgerEntryKind.PatientPayment, -49.75m)],
            stored.Values.OrderBy(e => e.PmsId, StringComparer.Ordinal).Select(e => (e.PmsId, e.Kind, e.Amount)));
        var filling = stored["proc:1"];
        Assert.Equal(("10", Day, "D2391", "Resin-based composite", "1", "2", "1"),
            (filling.PatientPmsId, filling.Date, filling.Code, filling.Description, filling.ProviderPmsId, filling.ClinicPmsId, filling.SourcePmsId));
        Assert.Equal(("900", "900"), (stored["split:7"].SourcePmsId, stored["split:8"].SourcePmsId));
        // Charges 1,175.50 less 100.00 paid, 130.00 reversed, 600.40 from insurance and 95.10 written off.
        Assert.Equal(250.00m, stored.Values.Sum(e => e.Amount));
        var run = await LastRunAsync();
        Assert.Equal((7, 7, 7, 0), (run.Expected, run.Read, run.Created, run.Updated));
    }

    [SkippableFact]
    public async Task SecondSync_SameLinesSentAgain_WritesNothing()
    {
        await StartAsync();
        Pms.LedgerEntries.Upsert(FamilyDay());
        await SyncAsync();
        DateTimeOffset firstWrite;
        await using (var db = Db())
        {
            firstWrite = await db.LedgerEntries.MaxAsync(e => e.UpdatedAt);
        }

        // The same amounts written another way (130 rather than 130.00), as another read mode might.
        Pms.LedgerEntries.Upsert([.. FamilyDay().Select(e => e with { Amount = Shortest(e.Amount) })]);
        await SyncAsync();

        var run = await LastRunAsync();
        Assert.Equal((7, 0, 0, 7), (run.Read, run.Created, run.Updated, run.Unchanged));
        await using var check = Db();
        Assert.Equal(firstWrite, await check.LedgerEntries.MaxAsync(e => e.UpdatedAt));
    }

    private static decimal Shortest(decimal amount) =>
        decimal.Parse(amount.ToString("0.##", CultureInfo.InvariantCulture), CultureInfo.InvariantCulture);

    [SkippableFact]
    public async Task AmountEdited_NextSync_UpdatesOnlyThatLine()
    {
        await StartAsync();
        Pms.LedgerEntries.Upsert(FamilyDay());
        await SyncAsync();

        Pms.LedgerEntries.Upsert(Line("cpins:5", "11", PmsLedgerKind.InsurancePayment, -610.40m, source: "44"));
        await SyncAsync();

        var run = await LastRunAsync();
        Assert.Equal((1, 1), (run.Read, run.Updated));
        await using var db = Db();
        Assert.Equal(-610.40m, (await db.LedgerEntries.SingleAsync(e => e.PmsId == "cpins:5")).Amount);
        Assert.Equal(-95.10m, (await db.LedgerEntries.SingleAsync(e => e.PmsId == "cpwo:5")).Amount);
    }

    [SkippableFact]
    public async Task LinesBeforeTheirPatient_Synced_AreStoredAndFoundOnceThePatientIs()
    {
        await StartAsync();
        Pms.LedgerEntries.Upsert(FamilyDay());

        await SyncAsync();
        await using (var before = Db())
        {
            Assert.Equal(0, await before.Patients.CountAsync());
            Assert.Equal(3, await before.LedgerEntries.CountAsync(e => e.PatientPmsId == "10"));
        }
        Pms.Upsert(ScriptedPms.Patient("10", "Ann", "Lee", new DateOnly(1980, 1, 2)));
        await SyncAsync(SyncResources.Patients);

        await using var db = Db();
        var lines = await (
            from link in db.PatientLinks
            join line in db.LedgerEntries on new { link.ConnectionId, PmsId = (string?)link.PmsId } equals new { line.ConnectionId, PmsId = line.PatientPmsId }
            select line.PmsId).ToListAsync();
        Assert.Equal(["adj:3", "proc:1", "split:7"], lines.Order(StringComparer.Ordinal));
    }

    [SkippableFact]
    public async Task ProcedureReportedDeleted_NextSync_IsMarkedDeletedAndLeavesTheAging()
    {
        await StartAsync();
        Pms.LedgerEntries.Upsert(FamilyDay());
        await SyncAsync();

        // Set back from complete in the PMS: the connector reports the charge deleted.
        Pms.LedgerEntries.Delete("proc:2");
        await SyncAsync();

        Assert.Equal(1, (await LastRunAsync()).Deleted);
        await using var db = Db();
        Assert.NotNull((await db.LedgerEntries.SingleAsync(e => e.PmsId == "proc:2")).DeletedAt);
        Assert.Null((await db.LedgerEntries.SingleAsync(e => e.PmsId == "proc:1")).DeletedAt);
        var aging = FamilyAging.Compute(await db.LedgerEntries.ToListAsync(), Day);
        Assert.Equal(250.00m - 1045.50m, aging.Total);
    }

    [SkippableFact]
    public async Task LineWithoutPatientOrDate_Sync_KeptOutWithAMessageNamingTheSystem()
    {
        await StartAsync();
        Pms.LedgerEntries.Upsert(
            Line("adj:9", null, PmsLedgerKind.Adjustment, 20m),
            Line("split:9", "10", PmsLedgerKind.PatientPayment, -20m, date: DateOnly.MinValue),
            Line("proc:1", "10", PmsLedgerKind.Charge, 130m));

        await SyncAsync();

        await using var db = Db();
        Assert.Equal(["proc:1"], await db.LedgerEntries.Select(e => e.PmsId).ToListAsync());
        var failures = await db.ImportFailures.Where(f => f.Resource == SyncResources.LedgerEntries).OrderBy(f => f.PmsId).ToListAsync();
        Assert.Equal(["adj:9", "split:9"], failures.Select(f => f.PmsId));
        Assert.All(failures, f => Assert.Equal(ImportFailureSeverity.Error, f.Severity));
        Assert.Equal("This adjustment belongs to no patient. Attach it to a patient in the test PMS.", failures[0].Message);
        Assert.Equal("This payment has no date. Set its date in the test PMS.", failures[1].Message);
        Assert.Equal("payment of -20.00 on 0001-01-01 for patient 10", failures[1].Label);
        Assert.Equal(1, (await LastRunAsync()).Created);
    }

    [SkippableFact]
    public async Task Balances_FirstSyncThenSame_StoredToTheCentThenNothingWritten()
    {
        await StartAsync();
        Pms.Balances.Upsert(
            new PmsFamilyBalance("10", "10", 120.10m, 30m, 0m, 99.90m, 250m, 80m, 170m),
            new PmsFamilyBalance("20", "20", 0m, 0m, 0m, 0m, -35.50m, 0m, -35.50m));

        await SyncAsync(SyncResources.Balances);
        Pms.Balances.Upsert(
            new PmsFamilyBalance("10", "10", 120.1m, 30.00m, 0m, 99.9m, 250.00m, 80m, 170m),
            new PmsFamilyBalance("20", "20", 0m, 0m, 0m, 0m, -35.5m, 0m, -35.5m));
        await SyncAsync(SyncResources.Balances);

        await using var db = Db();
        var stored = await db.FamilyBalances.OrderBy(b => b.PmsId).ToListAsync();
        Assert.Equal(("10", 120.10m, 30.00m, 0m, 99.90m, 250.00m, 80.00m, 170.00m),
            (stored[0].GuarantorPmsId, stored[0].Aged0To30, stored[0].Aged31To60, stored[0].Aged61To90, stored[0].AgedOver90, stored[0].Total, stored[0].InsuranceEstimate, stored[0].PatientPortion));
        Assert.Equal(("20", 0m, -35.50m, -35.50m), (stored[1].GuarantorPmsId, stored[1].Aged0To30, stored[1].Total, stored[1].PatientPortion));
        var run = await LastRunAsync(SyncResources.Balances);
        Assert.Equal((2, 0, 0, 2), (run.Read, run.Created, run.Updated, run.Unchanged));
    }

    [SkippableFact]
    public async Task FormerGuarantorReportedDeleted_NextSync_BalanceMarkedDeleted()
    {
        await StartAsync();
        Pms.Balances.Upsert(new PmsFamilyBalance("10", "10", 10m, 0m, 0m, 0m, 10m, 0m, 10m), new PmsFamilyBalance("11", "11", 5m, 0m, 0m, 0m, 5m, 0m, 5m));
        await SyncAsync(SyncResources.Balances);

        Pms.Balances.Delete("11");
        await SyncAsync(SyncResources.Balances);

        await using var db = Db();
        Assert.NotNull((await db.FamilyBalances.SingleAsync(b => b.PmsId == "11")).DeletedAt);
        Assert.Null((await db.FamilyBalances.SingleAsync(b => b.PmsId == "10")).DeletedAt);
    }
}

public sealed class LedgerSyncOnSqlite() : LedgerSyncSuite(DatabaseProvider.Sqlite);

public sealed class LedgerSyncOnPostgres() : LedgerSyncSuite(DatabaseProvider.Postgres);
