using DentalHub.Connectors.Contract;
using DentalHub.Connectors.Tests.Support;

namespace DentalHub.Connectors.Tests.OpenDental.Database;

/// <summary>
/// An office edits an estimate or a fee after a read. Neither stamps the appointment row, only the claimproc
/// (SecDateTEdit) or the procedure (DateTStamp); the next read reads the appointment again, once.
/// </summary>
public sealed class FollowingEstimateChangesInAnOfficeDatabase(EstimateOfficeDatabase database) : IClassFixture<EstimateOfficeDatabase>
{
    private async Task<(IChangeFeed<PmsAppointment> Feed, SyncCursor Cursor)> FirstReadAsync()
    {
        Skip.If(database.SkipReason is not null, database.SkipReason);
        var feed = database.Connector(pageSize: 3).Appointments();
        var first = await feed.ReadAllAsync(cursor: null);
        Assert.Equal(4, first.Rows().Count);
        return (feed, first[^1].NextCursor);
    }

    [SkippableFact]
    public async Task EstimateOverriddenInOpenDental_NextRead_ReadsItsAppointmentAgainWithTheNewEstimate()
    {
        var (feed, cursor) = await FirstReadAsync();

        // As the procedure's insurance window saves an override: the claimproc row only.
        await database.ExecuteAsync("UPDATE claimproc SET InsEstTotalOverride = 50 WHERE ClaimProcNum = 501");

        var pages = await feed.ReadUntilAsync(cursor, pages => pages.Rows().Count > 0);
        var again = Assert.Single(pages.Rows());
        Assert.Equal("301", again.PmsId);
        // 50 + 25 from the two coverages, 30 written off: 200 - 75 - 30 = 95.
        Assert.Equal((75.00m, 95.00m), (again.Procedures![0].InsuranceEstimate, again.Procedures[0].PatientPortion));
        Assert.Empty((await feed.ReadAllAsync(pages[^1].NextCursor)).Rows());
    }

    [SkippableFact]
    public async Task FeeEditedInTheChart_NextRead_ReadsItsAppointmentAgainWithTheNewFee()
    {
        var (feed, cursor) = await FirstReadAsync();

        await database.ExecuteAsync("UPDATE procedurelog SET ProcFee = 70 WHERE ProcNum = 45");

        var pages = await feed.ReadUntilAsync(cursor, pages => pages.Rows().Count > 0);
        var again = Assert.Single(pages.Rows());
        Assert.Equal("304", again.PmsId);
        Assert.Equal((70.00m, 0m, 70.00m), (again.Procedures![0].Fee, again.Procedures[0].InsuranceEstimate, again.Procedures[0].PatientPortion));
    }

    [SkippableFact]
    public async Task EstimateDeletedOutright_MissedByAChangeRead_TheDailyFullReadReadsTheAppointmentWithoutIt()
    {
        var (feed, cursor) = await FirstReadAsync();
        Assert.False(feed.ReportsEveryDeletion);

        // As Open Dental does when a coverage is dropped: its estimates are deleted, and nothing records it.
        await database.ExecuteAsync("DELETE FROM claimproc WHERE ClaimProcNum = 508");

        Assert.Empty((await feed.ReadAllAsync(cursor)).Rows());
        var whole = await feed.ReadAllAsync(cursor: null);
        var appointment = Assert.Single(whole.Rows(), a => a.PmsId == EstimateOfficeDatabase.OverEstimated.ToString(System.Globalization.CultureInfo.InvariantCulture));
        var procedure = Assert.Single(appointment.Procedures!);
        Assert.Equal((0m, procedure.Fee), (procedure.InsuranceEstimate, procedure.PatientPortion));
    }
}
