using DentalHub.Connectors.Contract;
using DentalHub.Connectors.Tests.Support;
using Microsoft.Extensions.Time.Testing;

namespace DentalHub.Connectors.Tests.OpenDental.Api;

/// <summary>
/// API mode reads each procedure's insurance estimate from <c>GET /claimprocs</c> (apiclaimprocs.html): the whole
/// list once on a first read, then a patient's claimprocs for that patient's changed appointments.
/// </summary>
public sealed class ReadingEstimatesThroughTheApi : IAsyncLifetime
{
    private readonly FakeTimeProvider officeClock = new(new DateTimeOffset(2026, 3, 2, 9, 0, 0, TimeSpan.Zero));
    private readonly TestHttpClientFactory http = new();
    private OpenDentalApiTestDouble api = null!;

    public async Task InitializeAsync() => api = await OpenDentalApiTestDouble.StartAsync(officeClock);

    public async Task DisposeAsync()
    {
        await api.DisposeAsync();
        http.Dispose();
    }

    private IChangeFeed<PmsAppointment> Feed() => ApiConnection.Connector(api, http).Appointments();

    private void Put(string list, Dictionary<string, object?> item, string key) =>
        api.Put(list, (long)item[key]!, item, api.OfficeNow.AddMinutes(-1));

    private static (string, decimal, decimal?, decimal?, decimal?) Amounts(PmsAppointmentProcedure p) =>
        (p.PmsId, p.Fee, p.InsuranceEstimate, p.WriteOffEstimate, p.PatientPortion);

    [Fact]
    public async Task FirstRead_PrimaryAndSecondaryWithOverrides_AddUpFromOneReadOfTheWholeList()
    {
        api.PutAppointments(new DoubleAppointment(18, 17, "Scheduled", new DateTime(2026, 4, 1, 9, 0, 0)));
        Put("procedurelogs", AccountItems.Procedure(30, 17, "TP", "200.00", aptNum: 18), "ProcNum");
        Put("procedurelogs", AccountItems.Procedure(31, 17, "TP", "100.00", aptNum: 18), "ProcNum");
        Put("claimprocs", AccountItems.Estimate(501, 30, 17, "Estimate", insEstTotal: 120, writeOffEst: 30), "ClaimProcNum");
        Put("claimprocs", AccountItems.Estimate(502, 30, 17, "Estimate", insEstTotal: 40, insEstTotalOverride: 25, planNum: 2), "ClaimProcNum");
        Put("claimprocs", AccountItems.Estimate(503, 31, 17, "Estimate", insEstTotal: 80, writeOffEst: 10, writeOffEstOverride: 5), "ClaimProcNum");
        Put("claimprocs", AccountItems.Estimate(504, 31, 17, "Preauth", insPayEst: 100), "ClaimProcNum");
        // Another patient's claim, received: paid 90 and a supplemental 10, 20 written off, the secondary claim sent.
        api.PutAppointments(new DoubleAppointment(19, 20, "Complete", new DateTime(2026, 3, 1, 9, 0, 0)));
        Put("procedurelogs", AccountItems.Procedure(32, 20, "C", "150.00", aptNum: 19), "ProcNum");
        Put("claimprocs", AccountItems.Estimate(505, 32, 20, "Received", insEstTotal: 100, insPayEst: 100, insPayAmt: 90, writeOff: 20, writeOffEst: 20), "ClaimProcNum");
        Put("claimprocs", AccountItems.Estimate(506, 32, 20, "Supplemental", insPayAmt: 10), "ClaimProcNum");
        Put("claimprocs", AccountItems.Estimate(507, 32, 20, "NotReceived", insEstTotal: 40, insPayEst: 15, planNum: 2), "ClaimProcNum");

        var appointments = (await Feed().ReadAllAsync(cursor: null)).Rows().ToDictionary(a => a.PmsId);

        Assert.Equal([("30", 200.00m, 145.00m, 30.00m, 25.00m), ("31", 100.00m, 80.00m, 5.00m, 15.00m)], appointments["18"].Procedures!.Select(Amounts));
        Assert.Equal([("32", 150.00m, 115.00m, 20.00m, 15.00m)], appointments["19"].Procedures!.Select(Amounts));
        var request = Assert.Single(api.Requests, r => r.Path == "/api/v1/claimprocs");
        Assert.DoesNotContain("PatNum", request.Query.Keys);
    }

    [Fact]
    public async Task ChangedAppointments_NextRead_EachPatientsClaimProcsAskedForOnce()
    {
        api.PutAppointments(
            new DoubleAppointment(1, 7, "Scheduled", new DateTime(2026, 4, 1, 9, 0, 0)),
            new DoubleAppointment(2, 7, "Scheduled", new DateTime(2026, 4, 8, 9, 0, 0)),
            new DoubleAppointment(3, 8, "Scheduled", new DateTime(2026, 4, 1, 10, 0, 0)),
            new DoubleAppointment(4, 9, "Scheduled", new DateTime(2026, 4, 1, 11, 0, 0)));
        Put("procedurelogs", AccountItems.Procedure(10, 7, "TP", "80.00", aptNum: 1), "ProcNum");
        Put("procedurelogs", AccountItems.Procedure(11, 7, "TP", "60.00", aptNum: 2), "ProcNum");
        Put("procedurelogs", AccountItems.Procedure(12, 8, "TP", "50.00", aptNum: 3), "ProcNum");
        Put("claimprocs", AccountItems.Estimate(100, 10, 7, "Estimate", insEstTotal: 64), "ClaimProcNum");
        officeClock.Advance(TimeSpan.FromMinutes(5));
        var feed = Feed();
        var first = await feed.ReadAllAsync(cursor: null);
        officeClock.Advance(TimeSpan.FromMinutes(5));
        // The estimate is overridden, then the appointments are edited (appointment 4 has no procedures).
        Put("claimprocs", AccountItems.Estimate(100, 10, 7, "Estimate", insEstTotal: 64, insEstTotalOverride: 70), "ClaimProcNum");
        api.PutAppointments(
            new DoubleAppointment(1, 7, "Scheduled", new DateTime(2026, 4, 1, 9, 30, 0)),
            new DoubleAppointment(2, 7, "Scheduled", new DateTime(2026, 4, 8, 9, 30, 0)),
            new DoubleAppointment(3, 8, "Scheduled", new DateTime(2026, 4, 1, 10, 30, 0)),
            new DoubleAppointment(4, 9, "Scheduled", new DateTime(2026, 4, 1, 11, 30, 0)));
        var requestsBefore = api.Requests.Count;

        var changed = (await feed.ReadAllAsync(first[^1].NextCursor)).Rows().ToDictionary(a => a.PmsId);

        Assert.Equal(("10", 80.00m, 70.00m, 0m, 10.00m), Amounts(Assert.Single(changed["1"].Procedures!)));
        Assert.Equal(("11", 60.00m, 0m, 0m, 60.00m), Amounts(Assert.Single(changed["2"].Procedures!)));
        var asked = api.Requests.Skip(requestsBefore).Where(r => r.Path == "/api/v1/claimprocs").Select(r => r.Query["PatNum"]).Order(StringComparer.Ordinal);
        Assert.Equal(["7", "8"], asked);
    }

    [Fact]
    public async Task EstimateChangedAlone_MissedByAChangeRead_TheDailyFullReadReadsTheNewEstimate()
    {
        api.PutAppointments(new DoubleAppointment(1, 7, "Scheduled", new DateTime(2026, 4, 1, 9, 0, 0)));
        Put("procedurelogs", AccountItems.Procedure(10, 7, "TP", "80.00", aptNum: 1), "ProcNum");
        Put("claimprocs", AccountItems.Estimate(100, 10, 7, "Estimate", insEstTotal: 64), "ClaimProcNum");
        officeClock.Advance(TimeSpan.FromMinutes(5));
        var feed = Feed();
        Assert.False(feed.ReportsEveryDeletion);
        var first = await feed.ReadAllAsync(cursor: null);
        officeClock.Advance(TimeSpan.FromMinutes(5));
        // Only the claimproc changes: GET /claimprocs has no change filter, so nothing brings the appointment back.
        Put("claimprocs", AccountItems.Estimate(100, 10, 7, "Estimate", insEstTotal: 64, insEstTotalOverride: 70), "ClaimProcNum");

        Assert.Empty((await feed.ReadAllAsync(first[^1].NextCursor)).Rows());
        var whole = (await feed.ReadAllAsync(cursor: null)).Rows();
        Assert.Equal(("10", 80.00m, 70.00m, 0m, 10.00m), Amounts(Assert.Single(Assert.Single(whole).Procedures!)));
    }

    [Fact]
    public async Task PatientWithManyClaimProcs_NextRead_PagesThroughThemAll()
    {
        api.PutAppointments(new DoubleAppointment(1, 7, "Scheduled", new DateTime(2026, 4, 1, 9, 0, 0)));
        Put("procedurelogs", AccountItems.Procedure(10, 7, "TP", "500.00", aptNum: 1), "ProcNum");
        officeClock.Advance(TimeSpan.FromMinutes(5));
        var feed = Feed();
        var first = await feed.ReadAllAsync(cursor: null);
        officeClock.Advance(TimeSpan.FromMinutes(5));
        // Years of history: 150 received claimprocs of other procedures, and this one's estimate among them.
        foreach (var i in Enumerable.Range(1, 150))
        {
            Put("claimprocs", AccountItems.Estimate(1000 + i, 2000 + i, 7, "Received", insPayAmt: 10), "ClaimProcNum");
        }
        Put("claimprocs", AccountItems.Estimate(999, 10, 7, "Estimate", insEstTotal: 400), "ClaimProcNum");
        api.PutAppointments(new DoubleAppointment(1, 7, "Scheduled", new DateTime(2026, 4, 1, 10, 0, 0)));

        var changed = Assert.Single((await feed.ReadAllAsync(first[^1].NextCursor)).Rows());

        Assert.Equal(("10", 500.00m, 400.00m, 0m, 100.00m), Amounts(Assert.Single(changed.Procedures!)));
    }
}
