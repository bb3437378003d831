using DentalHub.Connectors.Contract;
using DentalHub.Connectors.Tests.Support;

namespace DentalHub.Connectors.Tests.OpenDental.Database;

/// <summary>
/// An office edits insurance after a sync. A coverage and a plan are several rows in Open Dental; an edit to any
/// of them must bring the record back, and a dropped coverage must be reported. Each test arranges its own
/// rows (keys 900 and up) and reads from a cursor of its own, so they share the schema, not what they assert.
/// </summary>
[Collection(InsuranceOfficeCollection.Name)]
public sealed class SyncingInsuranceEditsFromAnOfficeDatabase(InsuranceOfficeDatabase database)
{
    private IReadsInsurance Insurance() => Assert.IsAssignableFrom<IReadsInsurance>(database.Connector(pageSize: 4));

    /// <summary>The cursor after a full read that holds the test's own new rows (they settle a moment after they are written).</summary>
    private static async Task<SyncCursor> CursorAfterReadingAsync<T>(IChangeFeed<T> feed, params string[] ids) where T : IPmsRecord =>
        (await feed.ReadUntilAsync(null, pages => ids.All(id => pages.Rows().Any(r => r.PmsId == id))))[^1].NextCursor;

    [SkippableFact]
    public async Task SubscriptionEdited_IncrementalRead_ReturnsEveryCoverageOnIt()
    {
        Skip.If(database.SkipReason is not null, database.SkipReason);
        await database.ExecuteAsync("""
            INSERT INTO inssub (InsSubNum, PlanNum, Subscriber, SubscriberID, BenefitNotes, SubscNote) VALUES (901, 10, 911, 'A1', '', ''), (902, 10, 913, 'B1', '', '');
            INSERT INTO patplan (PatPlanNum, PatNum, InsSubNum, Ordinal, Relationship) VALUES (911, 911, 901, 1, 0), (912, 912, 901, 1, 1), (913, 913, 902, 1, 0)
            """);
        var feed = Insurance().Coverages;
        var cursor = await CursorAfterReadingAsync(feed, "911", "912", "913");

        // The inssub's stamp moves; its patplans' do not.
        await database.ExecuteAsync("UPDATE inssub SET DateTerm = '2026-06-30' WHERE InsSubNum = 901");

        var changed = (await feed.ReadUntilAsync(cursor, pages => pages.Rows().Any(c => c.PmsId == "912"))).Rows();
        Assert.Equal([("911", new DateOnly(2026, 6, 30)), ("912", new DateOnly(2026, 6, 30))],
            changed.Where(c => c.PmsId is "911" or "912").OrderBy(c => c.PmsId).Select(c => (c.PmsId, c.TerminatesOn!.Value)));
        Assert.DoesNotContain(changed, c => c.PmsId == "913");
    }

    [SkippableFact]
    public async Task ClaimReceived_IncrementalRead_ReturnsTheCoverageWithWhatItPaid()
    {
        Skip.If(database.SkipReason is not null, database.SkipReason);
        await database.ExecuteAsync("""
            INSERT INTO inssub (InsSubNum, PlanNum, Subscriber, SubscriberID, BenefitNotes, SubscNote) VALUES (921, 10, 931, 'C1', '', '');
            INSERT INTO patplan (PatPlanNum, PatNum, InsSubNum, Ordinal, Relationship) VALUES (941, 931, 921, 1, 0);
            INSERT INTO claim (ClaimNum, PatNum, PlanNum, InsSubNum, ClaimStatus, ClaimType, ClaimFee, InsPayEst) VALUES (951, 931, 10, 921, 'S', 'P', 125, 100);
            INSERT INTO claimproc (ClaimProcNum, PatNum, PlanNum, InsSubNum, ClaimNum, Status, InsPayEst, ProcDate) VALUES (961, 931, 10, 921, 951, 0, 100, CURDATE())
            """);
        var feed = Insurance().Coverages;
        var first = await feed.ReadUntilAsync(null, pages => pages.Rows().Any(c => c.PmsId == "941"));
        Assert.Equal(100m, Assert.Single(first.Rows(), c => c.PmsId == "941").BenefitsUsed);

        // Open Dental receives a claim by updating its procedures and the claim's totals; only the claim is stamped for it.
        await database.ExecuteAsync("""
            UPDATE claimproc SET Status = 1, InsPayAmt = 90.5 WHERE ClaimProcNum = 961;
            UPDATE claim SET ClaimStatus = 'R', InsPayAmt = 90.5 WHERE ClaimNum = 951
            """);

        var changed = await feed.ReadUntilAsync(first[^1].NextCursor, pages => pages.Rows().Any(c => c.PmsId == "941"));
        Assert.Equal(90.50m, Assert.Single(changed.Rows(), c => c.PmsId == "941").BenefitsUsed);
    }

    [SkippableFact]
    public async Task CarrierRenamed_IncrementalRead_ReturnsEveryPlanOfThatCarrier()
    {
        Skip.If(database.SkipReason is not null, database.SkipReason);
        await database.ExecuteAsync("""
            INSERT INTO carrier (CarrierNum, CarrierName) VALUES (960, 'Old Name');
            INSERT INTO insplan (PlanNum, CarrierNum, PlanNote) VALUES (961, 960, ''), (962, 960, ''), (963, 1, '')
            """);
        var feed = Insurance().InsurancePlans;
        var cursor = await CursorAfterReadingAsync(feed, "961", "962", "963");

        await database.ExecuteAsync("UPDATE carrier SET CarrierName = 'New Name' WHERE CarrierNum = 960");

        var changed = (await feed.ReadUntilAsync(cursor, pages => pages.Rows().Count(p => p.PmsId is "961" or "962") == 2)).Rows();
        Assert.All(changed.Where(p => p.PmsId is "961" or "962"), p => Assert.Equal("New Name", p.CarrierName));
        Assert.DoesNotContain(changed, p => p.PmsId == "963");
    }

    [SkippableFact]
    public async Task AnnualMaximumRaised_IncrementalRead_ReturnsThePlanWithIt()
    {
        Skip.If(database.SkipReason is not null, database.SkipReason);
        await database.ExecuteAsync("""
            INSERT INTO insplan (PlanNum, CarrierNum, PlanNote) VALUES (971, 1, '');
            INSERT INTO benefit (BenefitNum, PlanNum, PatPlanNum, CovCatNum, BenefitType, Percent, MonetaryAmt, TimePeriod, CoverageLevel) VALUES (972, 971, 0, 0, 5, -1, 1000, 2, 1)
            """);
        var feed = Insurance().InsurancePlans;
        var cursor = await CursorAfterReadingAsync(feed, "971");

        await database.ExecuteAsync("UPDATE benefit SET MonetaryAmt = 1250 WHERE BenefitNum = 972");

        var changed = await feed.ReadUntilAsync(cursor, pages => pages.Rows().Any(p => p.PmsId == "971"));
        Assert.Equal(1250m, Assert.Single(changed.Rows(), p => p.PmsId == "971").AnnualMaximum);
    }

    [SkippableFact]
    public async Task CoverageDroppedInTheInsuranceWindow_IncrementalRead_ReportsItDeleted()
    {
        Skip.If(database.SkipReason is not null, database.SkipReason);
        await database.ExecuteAsync("""
            INSERT INTO inssub (InsSubNum, PlanNum, Subscriber, SubscriberID, BenefitNotes, SubscNote) VALUES (981, 10, 982, 'D1', '', '');
            INSERT INTO patplan (PatPlanNum, PatNum, InsSubNum, Ordinal, Relationship) VALUES (982, 982, 981, 1, 0), (983, 983, 981, 1, 1)
            """);
        var feed = Insurance().Coverages;
        var cursor = await CursorAfterReadingAsync(feed, "982", "983");

        // Dropping a plan deletes the patplan and logs its columns as DELETED; a drop by other means logs nothing.
        await database.ExecuteAsync("""
            DELETE FROM patplan WHERE PatPlanNum IN (982, 983);
            INSERT INTO inseditpatlog (FKey, LogType, FieldName, OldValue, NewValue, UserNum, ParentKey, Description) VALUES
              (982, 0, 'Ordinal', '1', 'DELETED', 1, 0, ''), (982, 0, 'Relationship', 'Self', 'DELETED', 1, 0, '')
            """);

        var pages = await feed.ReadAllAsync(cursor);
        var deleted = pages.SelectMany(p => p.Deleted).ToList();
        Assert.Equal(["982"], deleted.Where(id => id is "982" or "983"));
        Assert.Contains("982", (await feed.ReadAllAsync()).SelectMany(p => p.Deleted));
        Assert.Equal(cursor, pages[^1].NextCursor);
    }

    [SkippableFact]
    public async Task BenefitYearStartsOver_ReadFromBeforeTheRenewal_ReturnsTheCoverageAgain()
    {
        Skip.If(database.SkipReason is not null, database.SkipReason);
        // Plan 991 renews on the first of this month, plan 995 on the first of next month (so a year ago).
        // Neither coverage has been edited since 2024.
        await database.ExecuteAsync("""
            INSERT INTO insplan (PlanNum, CarrierNum, MonthRenew, PlanNote, SecDateTEdit) VALUES
              (991, 1, MONTH(CURDATE()), '', '2024-03-01 09:00:00'), (995, 1, MONTH(CURDATE()) % 12 + 1, '', '2024-03-01 09:00:00');
            INSERT INTO inssub (InsSubNum, PlanNum, Subscriber, SubscriberID, BenefitNotes, SubscNote, SecDateTEdit) VALUES
              (992, 991, 993, 'E1', '', '', '2024-03-01 09:00:00'), (996, 995, 997, 'F1', '', '', '2024-03-01 09:00:00');
            INSERT INTO patplan (PatPlanNum, PatNum, InsSubNum, Ordinal, Relationship, SecDateTEdit) VALUES
              (993, 993, 992, 1, 0, '2024-03-01 09:00:00'), (997, 997, 996, 1, 0, '2024-03-01 09:00:00')
            """);
        string renewal;
        await using (var connection = await database.OpenAsRootAsync())
        await using (var command = new MySqlConnector.MySqlCommand("SELECT DATE_FORMAT(CURDATE() - INTERVAL (DAYOFMONTH(CURDATE()) - 1) DAY - INTERVAL 1 SECOND, '%Y%m%dT%H%i%sZ')", connection))
        {
            renewal = (string)(await command.ExecuteScalarAsync())!;
        }

        // The last read was a second before this month's renewal.
        var changed = (await Insurance().Coverages.ReadAllAsync(new SyncCursor($"opendental-db:v1:{renewal}:0"))).Rows();

        Assert.Contains(changed, c => c.PmsId == "993");
        Assert.DoesNotContain(changed, c => c.PmsId == "997");
    }

    [SkippableFact]
    public async Task ClaimDeleted_IncrementalRead_ReportsItDeleted()
    {
        Skip.If(database.SkipReason is not null, database.SkipReason);
        await database.ExecuteAsync("INSERT INTO claim (ClaimNum, PatNum, PlanNum, InsSubNum, ClaimStatus, ClaimType, ClaimFee) VALUES (985, 101, 10, 201, 'U', 'P', 80), (986, 101, 10, 201, 'U', 'P', 90)");
        var feed = Assert.IsAssignableFrom<IReadsClaims>(database.Connector(pageSize: 4)).Claims;
        var cursor = await CursorAfterReadingAsync(feed, "985", "986");

        // Deleting a claim removes the row and writes a ClaimDelete (118) audit entry naming it, in the server's local time.
        await database.ExecuteAsync("""
            DELETE FROM claim WHERE ClaimNum = 985;
            INSERT INTO securitylog (PermType, UserNum, LogDateTime, LogText, PatNum, FKey) VALUES (118, 1, NOW(), 'Claim deleted', 101, 985)
            """);

        var pages = await feed.ReadAllAsync(cursor);
        Assert.Equal(["985"], pages.SelectMany(p => p.Deleted));
        Assert.Empty(pages.Rows());
    }
}
