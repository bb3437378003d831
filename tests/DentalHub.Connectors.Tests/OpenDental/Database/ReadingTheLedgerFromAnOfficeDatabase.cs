using DentalHub.Connectors.Contract;
using DentalHub.Connectors.Tests.Support;

namespace DentalHub.Connectors.Tests.OpenDental.Database;

/// <summary>
/// The ledger and the families' balances read from Open Dental's real schema on MariaDB by a user that may
/// only SELECT: which rows become which lines, with which signs, and what is reported deleted.
/// </summary>
public sealed class ReadingTheLedgerFromAnOfficeDatabase(AccountDatabase database) : IClassFixture<AccountDatabase>
{
    private static readonly DateOnly March1 = new(2024, 3, 1);

    private IChangeFeed<PmsLedgerEntry> Ledger(int pageSize = 1000) => Assert.IsAssignableFrom<IReadsLedger>(database.Connector(pageSize)).LedgerEntries;

    private async Task<List<ChangePage<PmsLedgerEntry>>> ReadAsync(SyncCursor? cursor = null, int pageSize = 1000)
    {
        var pages = new List<ChangePage<PmsLedgerEntry>>();
        await foreach (var page in Ledger(pageSize).ReadChangedSince(cursor, CancellationToken.None))
        {
            pages.Add(page);
        }
        return pages;
    }

    private async Task<Dictionary<string, PmsLedgerEntry>> LinesAsync() =>
        (await ReadAsync()).SelectMany(p => p.Rows).ToDictionary(e => e.PmsId);

    [SkippableFact]
    public async Task ReadLedger_PaymentSplitAcrossTwoMembers_OneNegativeLinePerPatient()
    {
        Skip.If(database.SkipReason is not null, database.SkipReason);

        var lines = await LinesAsync();

        Assert.Equal(new PmsLedgerEntry("split:7", "10", PmsLedgerKind.PatientPayment, new DateOnly(2024, 3, 5), -50.25m, null, "Check", "1", "2", "900"), lines["split:7"]);
        Assert.Equal(new PmsLedgerEntry("split:8", "11", PmsLedgerKind.PatientPayment, new DateOnly(2024, 3, 5), -49.75m, null, "Check", "1", "2", "900"), lines["split:8"]);
    }

    [SkippableFact]
    public async Task ReadLedger_AdjustmentReversingACharge_CancelsTheCharge()
    {
        Skip.If(database.SkipReason is not null, database.SkipReason);

        var lines = await LinesAsync();

        Assert.Equal(new PmsLedgerEntry("proc:1", "10", PmsLedgerKind.Charge, March1, 130.00m, "D2391", "resin-based composite - one surface, posterior", "1", "2", "1"), lines["proc:1"]);
        Assert.Equal(new PmsLedgerEntry("adj:3", "10", PmsLedgerKind.Adjustment, new DateOnly(2024, 3, 2), -130.00m, null, "Misc Neg Adjustment", "1", "2", "3"), lines["adj:3"]);
        Assert.Equal(0m, lines["proc:1"].Amount + lines["adj:3"].Amount);
    }

    [SkippableFact]
    public async Task ReadLedger_ClaimPaidInPartWithAWriteOff_InsurancePaymentAndWriteOffLines()
    {
        Skip.If(database.SkipReason is not null, database.SkipReason);

        var lines = await LinesAsync();

        var paidOn = new DateOnly(2024, 3, 20);
        Assert.Equal(new PmsLedgerEntry("cpins:5", "11", PmsLedgerKind.InsurancePayment, paidOn, -600.40m, "D2740", "Delta Dental", "1", "2", "44"), lines["cpins:5"]);
        Assert.Equal(new PmsLedgerEntry("cpwo:5", "11", PmsLedgerKind.WriteOff, paidOn, -95.10m, "D2740", "Delta Dental", "1", "2", "44"), lines["cpwo:5"]);
        // The crown's 1,045.50 less insurance's 600.40, its 95.10 write-off and a 20.00 supplemental payment.
        Assert.Equal(330.00m, lines["proc:2"].Amount + lines["cpins:5"].Amount + lines["cpwo:5"].Amount + lines["cpins:8"].Amount);
    }

    [SkippableFact]
    public async Task ReadLedger_SupplementalPaymentWithoutWriteOff_OnlyTheInsuranceLineTheWriteOffReportedDeleted()
    {
        Skip.If(database.SkipReason is not null, database.SkipReason);

        var pages = await ReadAsync();

        var lines = pages.SelectMany(p => p.Rows).ToDictionary(e => e.PmsId);
        Assert.Equal((PmsLedgerKind.InsurancePayment, -20.00m, new DateOnly(2024, 3, 25)), (lines["cpins:8"].Kind, lines["cpins:8"].Amount, lines["cpins:8"].Date));
        Assert.DoesNotContain("cpwo:8", lines.Keys);
        Assert.Contains("cpwo:8", pages.SelectMany(p => p.Deleted));
    }

    [SkippableFact]
    public async Task ReadLedger_ProcedureBilledInUnits_ChargesTheFeeTimesTheUnits()
    {
        Skip.If(database.SkipReason is not null, database.SkipReason);

        // ProcFee 40.10 * (UnitQty 2 + BaseUnits 1).
        Assert.Equal(120.30m, (await LinesAsync())["proc:4"].Amount);
    }

    [SkippableFact]
    public async Task ReadLedger_TreatmentPlanAndClaimEstimates_AreNoLinesAndReportedDeleted()
    {
        Skip.If(database.SkipReason is not null, database.SkipReason);

        var pages = await ReadAsync();

        var ids = pages.SelectMany(p => p.Rows).Select(e => e.PmsId).ToList();
        Assert.DoesNotContain("proc:3", ids);
        Assert.DoesNotContain(ids, id => id is "cpins:6" or "cpwo:6" or "cpins:7" or "cpwo:7");
        // A NotReceived claimproc is read (it may be a payment taken back); an estimate is not read at all.
        Assert.Equal(["cpins:6", "cpwo:6", "cpwo:8", "proc:3"], pages.SelectMany(p => p.Deleted).Order(StringComparer.Ordinal));
    }

    [SkippableFact]
    public async Task ReadLedger_IncomeTransferAndRefund_SignsFollowTheBalance()
    {
        Skip.If(database.SkipReason is not null, database.SkipReason);

        var lines = await LinesAsync();

        Assert.Equal((15.00m, "Income transfer", "901"), (lines["split:9"].Amount, lines["split:9"].Description, lines["split:9"].SourcePmsId));
        Assert.Equal(-15.00m, lines["split:10"].Amount);
        Assert.Equal((25.50m, "Cash"), (lines["split:11"].Amount, lines["split:11"].Description));
    }

    [SkippableFact]
    public async Task ReadLedger_WholeFamily_LinesAddUpToWhatOpenDentalSaysTheyOwe()
    {
        Skip.If(database.SkipReason is not null, database.SkipReason);

        var lines = await LinesAsync();

        // Family 10: 130 + 1,045.50 + 120.30 + 88 charged, 130 reversed, 100 paid, 600.40 + 20 from insurance,
        // 95.10 written off; the income transfer nets to zero. 438.30, as BalTotal says.
        Assert.Equal(438.30m, lines.Values.Where(e => e.PatientPmsId is "10" or "11").Sum(e => e.Amount));
    }

    [SkippableFact]
    public async Task ReadLedger_PagesOfTwo_EachTableResumesFromItsOwnPositionInTheCursor()
    {
        Skip.If(database.SkipReason is not null, database.SkipReason);
        var whole = (await ReadAsync()).SelectMany(p => p.Rows).Select(e => e.PmsId).Order(StringComparer.Ordinal).ToList();

        // A run that stopped after three pages (procedures done, adjustments and splits begun), then resumed.
        var first = (await ReadAsync(pageSize: 2)).Take(3).ToList();
        var rest = await ReadAsync(first[^1].NextCursor, pageSize: 2);

        Assert.Equal(whole, first.Concat(rest).SelectMany(p => p.Rows).Select(e => e.PmsId).Order(StringComparer.Ordinal));
        Assert.Empty((await ReadAsync(rest[^1].NextCursor, pageSize: 2)).SelectMany(p => p.Rows));
    }

    [SkippableFact]
    public async Task ReadLedger_ProcedureSetToDeletedAfterARead_NextReadReportsItDeleted()
    {
        Skip.If(database.SkipReason is not null, database.SkipReason);
        await WithOwnDatabaseAsync(async local =>
        {
            var feed = Assert.IsAssignableFrom<IReadsLedger>(local.Connector()).LedgerEntries;
            var first = await ReadAllAsync(feed, null);
            Assert.Contains("proc:5", first.SelectMany(p => p.Rows).Select(e => e.PmsId));

            // Open Dental never deletes a procedure: it sets ProcStatus 6 (Deleted), which stamps the row.
            await local.ExecuteAsync("UPDATE procedurelog SET ProcStatus = 6, DateTStamp = '2024-04-01 08:00:00' WHERE ProcNum = 5");
            var next = await ReadAllAsync(feed, first[^1].NextCursor);

            Assert.Empty(next.SelectMany(p => p.Rows));
            Assert.Equal(["proc:5"], next.SelectMany(p => p.Deleted));
        });
    }

    [SkippableFact]
    public async Task ReadLedger_PaySplitDeletedOutright_OnlyAFullReadMissesItAndTheFeedSaysSo()
    {
        Skip.If(database.SkipReason is not null, database.SkipReason);
        await WithOwnDatabaseAsync(async local =>
        {
            var feed = Assert.IsAssignableFrom<IReadsLedger>(local.Connector()).LedgerEntries;
            var first = await ReadAllAsync(feed, null);
            Assert.Contains("split:8", first.SelectMany(p => p.Rows).Select(e => e.PmsId));

            // Open Dental deletes a split outright when a payment is split again; nothing records it.
            await local.ExecuteAsync("DELETE FROM paysplit WHERE SplitNum = 8");
            var changes = await ReadAllAsync(feed, first[^1].NextCursor);
            var whole = await ReadAllAsync(feed, null);

            Assert.DoesNotContain("split:8", changes.SelectMany(p => p.Deleted));
            Assert.DoesNotContain("split:8", whole.SelectMany(p => p.Rows).Select(e => e.PmsId));
            Assert.Contains("split:7", whole.SelectMany(p => p.Rows).Select(e => e.PmsId));
            // So the hub reads it whole once a day and marks what it no longer finds (decision 0012).
            Assert.False(feed.ReportsEveryDeletion);
        });
    }

    [SkippableFact]
    public async Task ReadBalances_Families_GuarantorsRowsAndTheOthersReportedDeleted()
    {
        Skip.If(database.SkipReason is not null, database.SkipReason);
        var feed = Assert.IsAssignableFrom<IReadsBalances>(database.Connector()).Balances;

        var pages = await ReadAllAsync(feed, null);

        var balances = pages.SelectMany(p => p.Rows).ToDictionary(b => b.PmsId);
        Assert.Equal(new PmsFamilyBalance("10", "10", 438.30m, 0m, 0m, 0m, 438.30m, 300.00m, 138.30m), balances["10"]);
        Assert.Equal(new PmsFamilyBalance("20", "20", 0m, 0m, 0m, 0m, -25.50m, 0m, -25.50m), balances["20"]);
        // Guarantor 0: a new patient Open Dental has not yet made their own guarantor.
        Assert.Equal("30", balances["30"].GuarantorPmsId);
        Assert.Equal(["10", "20", "30"], balances.Keys.Order(StringComparer.Ordinal));
        Assert.Equal(["11"], pages.SelectMany(p => p.Deleted));
        Assert.Equal(3, await feed.CountAsync(CancellationToken.None));
    }

    /// <summary>A test that edits the office's data gets a database of its own, so the shared one stays as loaded.</summary>
    private static async Task WithOwnDatabaseAsync(Func<AccountDatabase, Task> test)
    {
        await using var local = new AccountDatabase();
        await local.InitializeAsync();
        await test(local);
    }

    private static async Task<List<ChangePage<T>>> ReadAllAsync<T>(IChangeFeed<T> feed, SyncCursor? cursor) where T : IPmsRecord
    {
        var pages = new List<ChangePage<T>>();
        await foreach (var page in feed.ReadChangedSince(cursor, CancellationToken.None))
        {
            pages.Add(page);
        }
        return pages;
    }
}
