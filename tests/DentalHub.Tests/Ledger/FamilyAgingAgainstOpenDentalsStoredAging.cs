using DentalHub.Connectors.Contract;
using DentalHub.Connectors.Tests.Support;
using DentalHub.Data;
using DentalHub.Ledger;
using DentalHub.Sync;

namespace DentalHub.Tests.Ledger;

/// <summary>
/// Two families inserted into Open Dental's schema with the aging Open Dental stores on the guarantor for
/// 2024-06-30, worked out by its rules. Both read through the database-mode connector and mapped as sync maps
/// them; FamilyAging over the family's lines must give the stored buckets and total.
/// </summary>
public sealed class FamilyAgingDatabase : OpenDentalDatabase
{
    protected override async Task SeedAsync()
    {
        await InsertAsync(
            new PatientSeed(50, "Ann", "Lee", Guarantor: 50), new PatientSeed(51, "Ben", "Lee", Guarantor: 50),
            new PatientSeed(60, "Cy", "Park", Guarantor: 60));
        // Family 50 as of 2024-06-30 (buckets from 2024-05-31, 2024-05-01, 2024-04-01):
        //   charges  2024-02-10 200.00 (over 90), 2024-04-15 150.00 (61-90), 2024-05-20 40.00 x 2 units = 80.00 (31-60),
        //            2024-06-10 300.00 and 2024-06-30 50.00 (0-30)
        //   credits  2024-03-01 split 120.00, 2024-05-25 adjustment 10.00, 2024-06-15 insurance 180.00 and write-off 20.00: 330.00
        //   330.00 pays over 90 (200.00) and 130.00 of 61-90: 0-30 350.00, 31-60 80.00, 61-90 20.00, over 90 0.00; total 450.00.
        //   Pending claim on the 150.00 procedure: InsPayEst 60.00 + write-off estimate 15.00 = InsEst 75.00.
        // Family 60: 75.00 charged, 100.00 paid: in credit, every bucket 0, total -25.00.
        await ExecuteAsync("""
            UPDATE patient SET Bal_0_30 = 350, Bal_31_60 = 80, Bal_61_90 = 20, BalOver90 = 0, BalTotal = 450, InsEst = 75, DateTStamp = '2024-06-30 22:00:00' WHERE PatNum = 50;
            UPDATE patient SET BalTotal = -25, DateTStamp = '2024-06-30 22:00:00' WHERE PatNum = 60;
            INSERT INTO procedurelog (ProcNum, PatNum, ProcStatus, ProcDate, ProcFee, UnitQty, BaseUnits, CodeNum, DateTStamp) VALUES
              (1, 50, 2, '2024-02-10', 200, 1, 0, 112, '2024-02-10 10:00:00'),
              (2, 51, 2, '2024-04-15', 150, 1, 0, 112, '2024-04-15 10:00:00'),
              (3, 50, 2, '2024-05-20', 40, 2, 0, 35, '2024-05-20 10:00:00'),
              (4, 51, 2, '2024-06-10', 300, 1, 0, 142, '2024-06-10 10:00:00'),
              (5, 50, 2, '2024-06-30', 50, 1, 0, 35, '2024-06-30 10:00:00'),
              (6, 60, 2, '2024-06-01', 75, 1, 0, 35, '2024-06-01 10:00:00');
            INSERT INTO payment (PayNum, PayType, PayDate, PayAmt, PatNum, PayNote) VALUES (800, 69, '2024-03-01', 120, 50, ''), (801, 70, '2024-06-02', 100, 60, '');
            INSERT INTO paysplit (SplitNum, PayNum, PatNum, SplitAmt, DatePay, SecDateTEdit) VALUES
              (1, 800, 50, 120, '2024-03-01', '2024-03-01 10:00:00'), (2, 801, 60, 100, '2024-06-02', '2024-06-02 10:00:00');
            INSERT INTO adjustment (AdjNum, PatNum, AdjDate, AdjAmt, AdjType, SecDateTEdit) VALUES (1, 51, '2024-05-25', -10, 9, '2024-05-25 10:00:00');
            INSERT INTO claimproc (ClaimProcNum, PatNum, ProcNum, ClaimNum, Status, InsPayEst, InsPayAmt, WriteOff, DateCP, SecDateTEdit) VALUES
              (1, 51, 4, 70, 1, 200, 180, 20, '2024-06-15', '2024-06-15 10:00:00'),
              (2, 51, 2, 71, 0, 60, 0, 15, '0001-01-01', '2024-06-15 10:00:00');
            """);
    }
}

public sealed class FamilyAgingAgainstOpenDentalsStoredAging(FamilyAgingDatabase database) : IClassFixture<FamilyAgingDatabase>
{
    private static readonly DateOnly AsOf = new(2024, 6, 30);
    private static readonly SyncRunContext Context = new(
        Guid.NewGuid(), Guid.NewGuid(), "Open Dental", TimeZoneInfo.Utc, AsOf, DatabaseProvider.Sqlite, TimeProvider.System);

    [SkippableTheory]
    [InlineData("50", new[] { "50", "51" })]
    [InlineData("60", new[] { "60" })]
    public async Task Compute_FamilyReadFromOpenDental_AgreesWithTheAgingOpenDentalStored(string guarantor, string[] members)
    {
        Skip.If(database.SkipReason is not null, database.SkipReason);
        var connector = database.Connector();

        var lines = (await ReadAsync(Assert.IsAssignableFrom<IReadsLedger>(connector).LedgerEntries))
            .Where(e => members.Contains(e.PatientPmsId))
            .Select(e => new LedgerEntryMapping().ToRow(e, Context, []) ?? throw new InvalidOperationException($"{e.PmsId} did not map"))
            .ToList();
        var stored = new FamilyBalanceMapping().ToRow(
            Assert.Single(await ReadAsync(Assert.IsAssignableFrom<IReadsBalances>(connector).Balances), b => b.PmsId == guarantor), Context, [])!;

        var aged = FamilyAging.Compute(lines, AsOf);

        Assert.Equal(new AgedBalance(stored.Aged0To30, stored.Aged31To60, stored.Aged61To90, stored.AgedOver90, stored.Total), aged);
    }

    [SkippableFact]
    public async Task StoredAging_FamilyWithAPendingClaim_PatientPortionIsTheTotalLessTheEstimate()
    {
        Skip.If(database.SkipReason is not null, database.SkipReason);

        var balances = await ReadAsync(Assert.IsAssignableFrom<IReadsBalances>(database.Connector()).Balances);

        var family = Assert.Single(balances, b => b.PmsId == "50");
        Assert.Equal((450.00m, 75.00m, 375.00m), (family.Total, family.InsuranceEstimate, family.PatientPortion));
    }

    private static async Task<List<T>> ReadAsync<T>(IChangeFeed<T> feed) where T : IPmsRecord
    {
        var rows = new List<T>();
        await foreach (var page in feed.ReadChangedSince(null, CancellationToken.None))
        {
            rows.AddRange(page.Rows);
        }
        return rows;
    }
}
