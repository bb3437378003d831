using DentalHub.Connectors.Contract;
using DentalHub.Connectors.Tests.Support;
using Microsoft.Extensions.Time.Testing;

namespace DentalHub.Connectors.Tests.OpenDental.Api;

/// <summary>
/// Reading chairs, appointment types and the schedule through Open Dental's API: the schedule as a window of
/// dates around the office's today, read whole every run, and the items as the documentation shows them.
/// </summary>
public sealed class ReadingTheScheduleThroughTheApi : IDisposable
{
    private readonly TestHttpClientFactory http = new();

    public void Dispose() => http.Dispose();

    /// <summary>The office is in Chicago: 03:00 UTC on 2 March 2026 is still 1 March there.</summary>
    private static FakeTimeProvider OfficeClock()
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 3, 2, 3, 0, 0, TimeSpan.Zero));
        clock.SetLocalTimeZone(TimeZoneInfo.FindSystemTimeZoneById("America/Chicago"));
        return clock;
    }

    private static async Task<List<T>> ReadAllAsync<T>(IChangeFeed<T> feed) where T : IPmsRecord
    {
        var rows = new List<T>();
        await foreach (var page in feed.ReadChangedSince(null, CancellationToken.None))
        {
            rows.AddRange(page.Rows);
        }
        return rows;
    }

    [Fact]
    public async Task ReadSchedule_EveryRun_AsksForProviderHoursThenBlockoutsFrom30DaysBackTo180Ahead()
    {
        var clock = OfficeClock();
        await using var api = await OpenDentalApiTestDouble.StartAsync(clock);
        var feed = ((IReadsSchedules)ApiConnection.Connector(api, http, clock)).Schedules;

        await ReadAllAsync(feed);
        await ReadAllAsync(feed);

        Assert.Equal(4, api.Requests.Count);
        Assert.All(api.Requests, r =>
        {
            Assert.Equal("/api/v1/schedules", r.Path);
            Assert.Equal(("2026-01-30", "2026-08-28", "0"), (r.Query["dateStart"], r.Query["dateEnd"], r.Query["Offset"]));
        });
        Assert.Equal(["Provider", "Blockout", "Provider", "Blockout"], api.Requests.Select(r => r.Query["SchedType"]));
    }

    [Fact]
    public async Task ReadSchedule_BlockoutInTwoChairs_CarriesBothChairsAndItsTypeName()
    {
        var clock = OfficeClock();
        await using var api = await OpenDentalApiTestDouble.StartAsync(clock);
        api.Put(OpenDentalApiTestDouble.Schedules, 10, ApiSchedules.Fields(10, new DateOnly(2026, 3, 5), "Blockout", "12:00:00", "13:00:00",
            blockoutDefNum: 900, blockoutName: "Emergency", note: "Keep free", operatories: "1,2"));

        var blockout = Assert.Single(await ReadAllAsync(((IReadsSchedules)ApiConnection.Connector(api, http, clock)).Schedules));

        Assert.Equal((PmsScheduleKind.Blockout, new DateOnly(2026, 3, 5), new TimeOnly(12, 0), new TimeOnly(13, 0), "Emergency", "Keep free", (string?)null),
            (blockout.Kind, blockout.Date, blockout.Start, blockout.End, blockout.Label, blockout.Note, blockout.ProviderPmsId));
        Assert.Equal(["1", "2"], blockout.OperatoryPmsIds);
    }

    [Fact]
    public async Task ReadSchedule_ProviderHours_MapWithTheirProviderAndNoChairs()
    {
        var clock = OfficeClock();
        await using var api = await OpenDentalApiTestDouble.StartAsync(clock);
        api.Put(OpenDentalApiTestDouble.Schedules, 14, ApiSchedules.Fields(14, new DateOnly(2026, 3, 1), "Provider", "08:00:00", "12:30:00", provNum: 3, note: "Late lunch"));

        var hours = Assert.Single(await ReadAllAsync(((IReadsSchedules)ApiConnection.Connector(api, http, clock)).Schedules));

        Assert.Equal(new PmsScheduleBlock("14", PmsScheduleKind.ProviderHours, new DateOnly(2026, 3, 1), new TimeOnly(8, 0), new TimeOnly(12, 30), "3", null,
            hours.OperatoryPmsIds, null, "Late lunch"), hours);
        Assert.Empty(hours.OperatoryPmsIds);
    }

    [Fact]
    public async Task ReadSchedule_OutsideTheWindowHolidaysEmployeesAndNotes_AreNotRead()
    {
        var clock = OfficeClock();
        await using var api = await OpenDentalApiTestDouble.StartAsync(clock);
        var today = new DateOnly(2026, 3, 1);
        api.Put(OpenDentalApiTestDouble.Schedules, 1, ApiSchedules.Fields(1, today.AddDays(-30), "Provider"));
        api.Put(OpenDentalApiTestDouble.Schedules, 2, ApiSchedules.Fields(2, today.AddDays(180), "Blockout"));
        api.Put(OpenDentalApiTestDouble.Schedules, 3, ApiSchedules.Fields(3, today.AddDays(-31), "Provider"));
        api.Put(OpenDentalApiTestDouble.Schedules, 4, ApiSchedules.Fields(4, today.AddDays(181), "Blockout"));
        api.Put(OpenDentalApiTestDouble.Schedules, 5, ApiSchedules.Fields(5, today, "Practice", "00:00:00", "00:00:00", note: "Thanksgiving"));
        api.Put(OpenDentalApiTestDouble.Schedules, 6, ApiSchedules.Fields(6, today, "Employee"));
        api.Put(OpenDentalApiTestDouble.Schedules, 7, ApiSchedules.Fields(7, today, "Provider", "00:00:00", "00:00:00", note: "Out after 3"));

        var ids = (await ReadAllAsync(((IReadsSchedules)ApiConnection.Connector(api, http, clock)).Schedules)).Select(b => b.PmsId).Order();

        Assert.Equal(["1", "2"], ids);
    }

    [Fact]
    public async Task BlocksGoneFromTheWindow_NextRead_ReportedDeletedButNotThoseNowBeforeIt()
    {
        var clock = OfficeClock();
        await using var api = await OpenDentalApiTestDouble.StartAsync(clock);
        var today = new DateOnly(2026, 3, 1);
        api.Put(OpenDentalApiTestDouble.Schedules, 1, ApiSchedules.Fields(1, today.AddDays(-25), "Provider"));
        api.Put(OpenDentalApiTestDouble.Schedules, 2, ApiSchedules.Fields(2, today.AddDays(5), "Provider"));
        api.Put(OpenDentalApiTestDouble.Schedules, 3, ApiSchedules.Fields(3, today.AddDays(6), "Blockout"));
        api.Put(OpenDentalApiTestDouble.Schedules, 4, ApiSchedules.Fields(4, today.AddDays(7), "Blockout"));
        var feed = ((IReadsSchedules)ApiConnection.Connector(api, http, clock)).Schedules;
        var first = await ReadPagesAsync(feed, null);
        Assert.Empty(first.SelectMany(p => p.Deleted));

        // Ten days on, block 1 is before the window; Open Dental deleted block 2 and turned block 4 into a provider's note.
        clock.Advance(TimeSpan.FromDays(10));
        api.Remove(OpenDentalApiTestDouble.Schedules, 2);
        api.Put(OpenDentalApiTestDouble.Schedules, 4, ApiSchedules.Fields(4, today.AddDays(7), "Provider", "00:00:00", "00:00:00"));
        var second = await ReadPagesAsync(feed, first[^1].NextCursor);

        Assert.Equal(["2", "4"], second.SelectMany(p => p.Deleted));
        Assert.Equal(["3"], second.SelectMany(p => p.Rows).Select(b => b.PmsId));
        Assert.Empty((await ReadPagesAsync(feed, second[^1].NextCursor)).SelectMany(p => p.Deleted));
    }

    [Fact]
    public async Task ReadStoppedHalfWay_PagesBeforeTheLast_CarryThePreviousCursor()
    {
        var clock = OfficeClock();
        await using var api = await OpenDentalApiTestDouble.StartAsync(clock);
        for (var i = 1; i <= 150; i++)
        {
            api.Put(OpenDentalApiTestDouble.Schedules, i, ApiSchedules.Fields(i, new DateOnly(2026, 3, 1).AddDays(i % 20), "Provider"));
        }
        var feed = ((IReadsSchedules)ApiConnection.Connector(api, http, clock)).Schedules;
        var previous = (await ReadPagesAsync(feed, null))[^1].NextCursor;
        api.Remove(OpenDentalApiTestDouble.Schedules, 7);

        var pages = await ReadPagesAsync(feed, previous);

        Assert.All(pages[..^1], p => Assert.Equal(previous, p.NextCursor));
        Assert.All(pages[..^1], p => Assert.Empty(p.Deleted));
        Assert.Equal(["7"], pages[^1].Deleted);
    }

    private static async Task<List<ChangePage<PmsScheduleBlock>>> ReadPagesAsync(IChangeFeed<PmsScheduleBlock> feed, SyncCursor? cursor)
    {
        var pages = new List<ChangePage<PmsScheduleBlock>>();
        await foreach (var page in feed.ReadChangedSince(cursor, CancellationToken.None))
        {
            pages.Add(page);
        }
        return pages;
    }

    [Fact]
    public async Task ReadAppointmentTypes_RgbColourAndPattern_AreHexAndMinutes()
    {
        await using var api = await OpenDentalApiTestDouble.StartAsync();
        api.Put("appointmenttypes", 1, new Dictionary<string, object?>
        {
            ["AppointmentTypeNum"] = 1, ["AppointmentTypeName"] = "New patient exam", ["appointmentTypeColor"] = "93,54,220", ["IsHidden"] = "false",
            ["Pattern"] = "//XXXX//", ["CodeStr"] = "D0150",
        });
        api.Put("appointmenttypes", 2, new Dictionary<string, object?>
        {
            ["AppointmentTypeNum"] = 2, ["AppointmentTypeName"] = "Retired type", ["appointmentTypeColor"] = "0,0,0", ["IsHidden"] = "true",
            ["Pattern"] = "", ["CodeStr"] = "",
        });

        var types = (await ReadAllAsync(((IReadsAppointmentTypes)ApiConnection.Connector(api, http)).AppointmentTypes)).OrderBy(t => t.PmsId);

        Assert.Equal(
        [
            new PmsAppointmentType("1", "New patient exam", 40, "#5D36DC", false),
            new PmsAppointmentType("2", "Retired type", null, null, true),
        ], types);
    }

    [Fact]
    public async Task ReadOperatories_HygieneChair_MapsEveryField()
    {
        await using var api = await OpenDentalApiTestDouble.StartAsync();
        api.Put("operatories", 2, new Dictionary<string, object?>
        {
            ["OperatoryNum"] = 2, ["OpName"] = "Hygiene 1", ["Abbrev"] = "HYG1", ["ItemOrder"] = 1, ["IsHidden"] = "false", ["ProvDentist"] = 3,
            ["ProvHygienist"] = 4, ["IsHygiene"] = "true", ["ClinicNum"] = 0, ["SetProspective"] = "false", ["IsWebSched"] = "false",
            ["OperatoryType"] = 0, ["operatoryType"] = "",
        });

        var chair = Assert.Single(await ReadAllAsync(((IReadsOperatories)ApiConnection.Connector(api, http)).Operatories));

        Assert.Equal(new PmsOperatory("2", "Hygiene 1", "HYG1", null, "3", "4", true, false, 1), chair);
    }

    [Fact]
    public async Task ReadClinics_HiddenClinic_IsNotListedByTheApi()
    {
        await using var api = await OpenDentalApiTestDouble.StartAsync();
        foreach (var (num, hidden) in new[] { (1L, "false"), (2L, "true") })
        {
            api.Put("clinics", num, new Dictionary<string, object?>
            {
                ["ClinicNum"] = num, ["Description"] = $"Clinic {num}", ["Address"] = "333 Blackwood St", ["Address2"] = "", ["City"] = "Salem",
                ["State"] = "OR", ["Zip"] = "97301", ["Phone"] = "5105552005", ["Abbr"] = $"C{num}", ["IsHidden"] = hidden,
            });
        }

        var clinic = Assert.Single(await ReadAllAsync(((IReadsClinics)ApiConnection.Connector(api, http)).Clinics));

        Assert.Equal(new PmsClinic("1", "Clinic 1", "C1", new PmsAddress("333 Blackwood St", null, "Salem", "OR", "97301"), "5105552005", false), clinic);
    }
}
