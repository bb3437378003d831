using System.Diagnostics;
using DentalHub.Connectors.Contract;
using DentalHub.Connectors.Tests.Support;

namespace DentalHub.Connectors.Tests.OpenDental.Database;

public sealed class TenPatientDatabase : OpenDentalDatabase
{
    protected override Task SeedAsync() => InsertAsync(Enumerable.Range(1, 10)
        .Select(i => new PatientSeed(i, $"First{i}", "Family", Guarantor: 1, Email: $"old{i}@example.com", DateTStamp: "2024-03-01 10:00:00"))
        .ToArray());
}

/// <summary>
/// An office edits patients after a sync; the next sync returns exactly the edited ones, once the
/// second they were stamped in can no longer gain rows.
/// </summary>
public sealed class SyncingEditsFromAnOfficeDatabase(TenPatientDatabase database) : IClassFixture<TenPatientDatabase>
{
    [SkippableFact]
    public async Task IncrementalRead_ThreePatientsEdited_ReturnsExactlyThoseThree()
    {
        Skip.If(database.SkipReason is not null, database.SkipReason);
        var reader = database.Connector(pageSize: 4).Patients();
        var first = await reader.ReadAllAsync(cursor: null);
        Assert.Equal(10, first.Rows().Count);
        var cursor = first[^1].NextCursor;
        Assert.Empty((await reader.ReadAllAsync(cursor)).Rows());

        // Open Dental's DateTStamp bumps itself (ON UPDATE CURRENT_TIMESTAMP) to the server's now.
        await database.ExecuteAsync("UPDATE patient SET Email = CONCAT('new', PatNum, '@example.com') WHERE PatNum IN (3, 5, 8)");

        Assert.Empty((await reader.ReadAllAsync(cursor)).Rows());
        var changed = await ReadUntilSomethingAsync(reader, cursor);
        Assert.Equal(["3", "5", "8"], changed.Rows().Select(p => p.PmsId).Order());
        Assert.All(changed.Rows(), p => Assert.Equal($"new{p.PmsId}@example.com", p.Email));
        Assert.Empty((await reader.ReadAllAsync(changed[^1].NextCursor)).Rows());
    }

    private static async Task<List<ChangePage<PmsPatient>>> ReadUntilSomethingAsync(IReadsPatients reader, SyncCursor cursor)
    {
        var watch = Stopwatch.StartNew();
        while (watch.Elapsed < TimeSpan.FromSeconds(15))
        {
            var pages = await reader.ReadAllAsync(cursor);
            if (pages.Count > 0)
            {
                return pages;
            }
            await Task.Delay(200);
        }
        throw new TimeoutException("The edited patients never appeared.");
    }
}
