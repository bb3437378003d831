using DentalHub.Connectors.Contract;
using DentalHub.Connectors.Tests.Support;
using Microsoft.Extensions.Time.Testing;

namespace DentalHub.Connectors.Tests.OpenDental.Api;

/// <summary>
/// API mode reads appointments as apiappointments.html writes them (statuses by name, the confirmation's name,
/// the time pattern) with their procedures from /procedurelogs, leaves patient notes out, and finds deletions in
/// /histappointments.
/// </summary>
public sealed class ReadingAppointmentsThroughTheApi : IAsyncLifetime
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

    [Fact]
    public async Task Appointment_AsTheApiWritesIt_ReadWithEveryValueAndItsProcedures()
    {
        api.PutAppointments(new DoubleAppointment(18, 17, "Scheduled", new DateTime(2026, 3, 8, 2, 30, 0), Pattern: "//XXXX//",
            Confirmed: 21, ConfirmedName: "Appointment Confirmed", Op: 3, Note: "Bring X-rays", ProvNum: 2, ProvHyg: 4, IsNewPatient: true,
            ProcDescript: "Seal, Seal", ClinicNum: 5, AppointmentTypeNum: 6));
        PutProcedure(AccountItems.Procedure(31, 17, "TP", "45.50", unitQty: 2, aptNum: 18, code: "D1351"));
        PutProcedure(AccountItems.Procedure(30, 17, "TP", "130.00", aptNum: 18));
        PutProcedure(AccountItems.Procedure(32, 17, "D", "99.00", aptNum: 18));
        PutProcedure(AccountItems.Procedure(33, 17, "TP", "75.00", aptNum: 19));

        var appointment = Assert.Single((await Feed().ReadAllAsync(cursor: null)).SelectMany(p => p.Rows));

        Assert.Equal(new PmsAppointment("18", "17", "2", "4", "3", "5", "6", new DateTime(2026, 3, 8, 2, 30, 0), 40, PmsAppointmentStatus.Scheduled,
            "Appointment Confirmed", true, "Bring X-rays", null), appointment with { Procedures = null });
        Assert.Equal(DateTimeKind.Unspecified, appointment.StartLocal!.Value.Kind);
        Assert.Equal(
            // No claimprocs: no insurance, the patient pays the fee.
            [new PmsAppointmentProcedure("30", "D2391", "resin-based composite - one surface, posterior", 130.00m, 0m, 0m, 130.00m),
             new PmsAppointmentProcedure("31", "D1351", "resin-based composite - one surface, posterior", 91.00m, 0m, 0m, 91.00m)],
            appointment.Procedures!);
    }

    [Fact]
    public async Task AppointmentWithoutProcedures_Read_HasAnEmptyListNotAnUnreadOne()
    {
        api.PutAppointments(new DoubleAppointment(1, 2, "Scheduled", new DateTime(2026, 4, 1, 9, 0, 0)));

        var appointment = Assert.Single((await Feed().ReadAllAsync(cursor: null)).SelectMany(p => p.Rows));

        Assert.Empty(Assert.IsAssignableFrom<IReadOnlyList<PmsAppointmentProcedure>>(appointment.Procedures));
    }

    [Fact]
    public async Task PlannedAppointment_FirstAndNextRead_ProceduresAttachedByPlannedAptNum()
    {
        api.PutAppointments(new DoubleAppointment(40, 7, "Planned", null), new DoubleAppointment(41, 7, "Scheduled", new DateTime(2026, 4, 1, 9, 0, 0)));
        PutProcedure(AccountItems.Procedure(50, 7, "TP", "200.00", plannedAptNum: 40, aptNum: 41));
        PutProcedure(AccountItems.Procedure(51, 7, "TP", "60.00", plannedAptNum: 40));
        officeClock.Advance(TimeSpan.FromMinutes(5));
        var feed = Feed();
        var first = await feed.ReadAllAsync(cursor: null);
        var firstRead = first.SelectMany(p => p.Rows).ToDictionary(a => a.PmsId);
        officeClock.Advance(TimeSpan.FromMinutes(5));
        api.PutAppointments(new DoubleAppointment(40, 7, "Planned", null, Note: "Edited"));

        var next = Assert.Single((await feed.ReadAllAsync(first[^1].NextCursor)).SelectMany(p => p.Rows));

        Assert.Equal(["50", "51"], firstRead["40"].Procedures!.Select(p => p.PmsId));
        Assert.Equal(["50"], firstRead["41"].Procedures!.Select(p => p.PmsId));
        Assert.Equal(["50", "51"], next.Procedures!.Select(p => p.PmsId));
        Assert.Equal("7", Assert.Single(api.Requests, r => r.Path == "/api/v1/procedurelogs" && r.Query.ContainsKey("PatNum")).Query["PatNum"]);
    }

    [Fact]
    public async Task ChangedAppointments_NextRead_EachOnesProceduresAskedForByItsNumber()
    {
        api.PutAppointments(new DoubleAppointment(1, 2, "Scheduled", new DateTime(2026, 4, 1, 9, 0, 0)), new DoubleAppointment(2, 3, "Scheduled", new DateTime(2026, 4, 1, 10, 0, 0)));
        PutProcedure(AccountItems.Procedure(10, 2, "TP", "80.00", aptNum: 1));
        officeClock.Advance(TimeSpan.FromMinutes(5));
        var feed = Feed();
        var first = await feed.ReadAllAsync(cursor: null);
        officeClock.Advance(TimeSpan.FromMinutes(5));
        api.PutAppointments(new DoubleAppointment(1, 2, "Complete", new DateTime(2026, 4, 1, 9, 0, 0)));
        PutProcedure(AccountItems.Procedure(10, 2, "C", "85.00", aptNum: 1));
        PutProcedure(AccountItems.Procedure(11, 2, "C", "20.00", aptNum: 1));
        var requestsBefore = api.Requests.Count;

        var changed = Assert.Single((await feed.ReadAllAsync(first[^1].NextCursor)).SelectMany(p => p.Rows));

        Assert.Equal([("10", 85.00m), ("11", 20.00m)], changed.Procedures!.Select(p => (p.PmsId, p.Fee)));
        var procedureRequests = api.Requests.Skip(requestsBefore).Where(r => r.Path == "/api/v1/procedurelogs").ToList();
        Assert.Equal("1", Assert.Single(procedureRequests).Query["AptNum"]);
    }

    private void PutProcedure(Dictionary<string, object?> procedure) =>
        api.Put("procedurelogs", (long)procedure["ProcNum"]!, procedure, api.OfficeNow.AddMinutes(-1));

    [Theory]
    [InlineData("Scheduled", PmsAppointmentStatus.Scheduled)]
    [InlineData("Complete", PmsAppointmentStatus.Complete)]
    [InlineData("UnschedList", PmsAppointmentStatus.Unscheduled)]
    [InlineData("ASAP", PmsAppointmentStatus.Unscheduled)]
    [InlineData("Broken", PmsAppointmentStatus.Broken)]
    [InlineData("Planned", PmsAppointmentStatus.Planned)]
    public async Task Status_ByItsName_ReadAsTheContractsStatus(string name, PmsAppointmentStatus expected)
    {
        api.PutAppointments(new DoubleAppointment(1, 2, name, new DateTime(2026, 4, 1, 9, 0, 0)));

        var appointment = Assert.Single((await Feed().ReadAllAsync(cursor: null)).SelectMany(p => p.Rows));

        Assert.Equal(expected, appointment.Status);
    }

    [Fact]
    public async Task PatientNotes_OnTheSchedule_AreNotRead()
    {
        api.PutAppointments(
            new DoubleAppointment(1, 2, "Scheduled", new DateTime(2026, 4, 1, 9, 0, 0)),
            new DoubleAppointment(2, 2, "PtNote", new DateTime(2026, 4, 1, 12, 0, 0)),
            new DoubleAppointment(3, 2, "PtNoteCompleted", new DateTime(2026, 4, 1, 13, 0, 0)));

        var rows = (await Feed().ReadAllAsync(cursor: null)).SelectMany(p => p.Rows);

        Assert.Equal(["1"], rows.Select(a => a.PmsId));
    }

    [Fact]
    public async Task UnscheduledAppointment_NoTimeAndNoPattern_ReadWithNoTimeAndNoLength()
    {
        api.PutAppointments(new DoubleAppointment(1, 2, "UnschedList", null, Pattern: "", ConfirmedName: "", ProvNum: 0, Op: 0));

        var appointment = Assert.Single((await Feed().ReadAllAsync(cursor: null)).SelectMany(p => p.Rows));

        Assert.Equal(((DateTime?)null, 0, (string?)null, (string?)null, (string?)null), (appointment.StartLocal, appointment.LengthMinutes, appointment.Confirmation, appointment.ProviderPmsId, appointment.OperatoryPmsId));
    }

    [Fact]
    public async Task FirstRead_NoCursor_ReadsProceduresOnceAndAsksForNoDeletions()
    {
        api.PutAppointments(new DoubleAppointment(1, 2, "Scheduled", new DateTime(2026, 4, 1, 9, 0, 0)), new DoubleAppointment(2, 2, "Scheduled", new DateTime(2026, 4, 2, 9, 0, 0)));

        await Feed().ReadAllAsync(cursor: null);

        Assert.Equal(["/api/v1/appointments", "/api/v1/procedurelogs"], api.Requests.Select(r => r.Path));
    }

    [Fact]
    public async Task DeletedAppointment_NextRead_ReportedFromTheDeletedHistory()
    {
        api.PutAppointments(
            new DoubleAppointment(1, 2, "Scheduled", new DateTime(2026, 4, 1, 9, 0, 0)),
            new DoubleAppointment(2, 2, "Scheduled", new DateTime(2026, 4, 2, 9, 0, 0)));
        api.DeleteAppointment(1);
        officeClock.Advance(TimeSpan.FromMinutes(5));
        var feed = Feed();
        var first = await feed.ReadAllAsync(cursor: null);
        officeClock.Advance(TimeSpan.FromMinutes(5));
        api.DeleteAppointment(2);
        api.PutAppointments(new DoubleAppointment(3, 2, "Scheduled", new DateTime(2026, 4, 3, 9, 0, 0)));

        var second = await feed.ReadAllAsync(first[^1].NextCursor);

        Assert.Equal(["2"], first.SelectMany(p => p.Rows).Select(a => a.PmsId));
        // Appointment 1 was deleted before the first read: nothing to report. 2 was deleted since.
        var page = Assert.Single(second);
        Assert.Equal(["3"], page.Rows.Select(a => a.PmsId));
        Assert.Equal(["2"], page.Deleted);
        Assert.Equal(new SyncCursor("opendental-api:v1:2026-03-02 09:10:00"), page.NextCursor);
        var history = Assert.Single(api.Requests, r => r.Path == "/api/v1/histappointments");
        Assert.Equal("Deleted", history.Query["HistApptAction"]);
    }

    [Fact]
    public async Task DeletedAppointment_NothingElseChanged_ReportedOnAPageThatKeepsTheCursor()
    {
        api.PutAppointments(new DoubleAppointment(1, 2, "Scheduled", new DateTime(2026, 4, 1, 9, 0, 0)));
        officeClock.Advance(TimeSpan.FromMinutes(5));
        var feed = Feed();
        var first = await feed.ReadAllAsync(cursor: null);
        officeClock.Advance(TimeSpan.FromMinutes(5));
        api.DeleteAppointment(1);

        var page = Assert.Single(await feed.ReadAllAsync(first[^1].NextCursor));

        Assert.Empty(page.Rows);
        Assert.Equal(["1"], page.Deleted);
        Assert.Equal(first[^1].NextCursor, page.NextCursor);
    }

    [Fact]
    public async Task OpenDentalBefore23_1_30_NoHistory_IncrementalReadStillWorksWithoutDeletions()
    {
        api.HasAppointmentHistory = false;
        api.PutAppointments(new DoubleAppointment(1, 2, "Scheduled", new DateTime(2026, 4, 1, 9, 0, 0)));
        officeClock.Advance(TimeSpan.FromMinutes(5));
        var feed = Feed();
        var first = await feed.ReadAllAsync(cursor: null);
        officeClock.Advance(TimeSpan.FromMinutes(5));
        api.DeleteAppointment(1);
        api.PutAppointments(new DoubleAppointment(2, 2, "Scheduled", new DateTime(2026, 4, 2, 9, 0, 0)));

        var page = Assert.Single(await feed.ReadAllAsync(first[^1].NextCursor));

        Assert.Equal(["2"], page.Rows.Select(a => a.PmsId));
        Assert.Empty(page.Deleted);
        Assert.Contains(api.Requests, r => r.Path == "/api/v1/histappointments" && r.Status == 404);
    }
}
