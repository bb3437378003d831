using DentalHub.Connectors.Contract;
using DentalHub.Connectors.Tests.Support;
using Microsoft.Extensions.Time.Testing;

namespace DentalHub.Connectors.Tests.OpenDental.Api;

/// <summary>
/// Syncing patients through Open Dental's API: Limit/Offset pages of 100 over unsorted results, and
/// the office's serverDateTime as the point the next sync asks from.
/// </summary>
public sealed class PagingThroughTheApi : IDisposable
{
    private static readonly DateTime Stamped = new(2024, 3, 1, 10, 0, 0);
    private readonly TestHttpClientFactory http = new();

    public void Dispose() => http.Dispose();

    [Fact]
    public async Task FullRead_250Patients_EachOnceInRequestsOf100()
    {
        await using var api = await OpenDentalApiTestDouble.StartAsync();
        api.Add(DoublePatient.Practice(250, Stamped));

        var pages = await ApiConnection.Connector(api, http).Patients().ReadAllAsync(cursor: null);

        var ids = pages.Rows().Select(p => p.PmsId).ToList();
        Assert.Equal(250, ids.Count);
        Assert.Equal(Enumerable.Range(1, 250).Select(i => i.ToString(System.Globalization.CultureInfo.InvariantCulture)).Order(), ids.Order());
        Assert.Equal([100, 100, 50], pages.Select(p => p.Rows.Count));
        Assert.Equal(["0", "100", "200"], api.Requests.Select(r => r.Query["Offset"]));
        Assert.All(api.Requests, r =>
        {
            Assert.Equal("/api/v1/patients/Simple", r.Path);
            Assert.Equal("100", r.Query["Limit"]);
            Assert.False(r.Query.ContainsKey("DateTStamp"));
        });
    }

    [Fact]
    public async Task NextRead_AfterAFullRead_AsksForChangesSinceTheOfficesServerDateTime()
    {
        var officeClock = new FakeTimeProvider(new DateTimeOffset(2026, 3, 2, 9, 30, 0, TimeSpan.Zero));
        await using var api = await OpenDentalApiTestDouble.StartAsync(officeClock);
        api.Add(DoublePatient.Practice(250, Stamped));
        var reader = ApiConnection.Connector(api, http).Patients();
        var first = await reader.ReadAllAsync(cursor: null);
        officeClock.Advance(TimeSpan.FromHours(1));
        api.Change(17, p => p with { Email = "new17@example.com" });
        api.Change(230, p => p with { LName = "Renamed" });

        var second = await reader.ReadAllAsync(first[^1].NextCursor);

        Assert.Equal(new SyncCursor("opendental-api:v1:2026-03-02 09:30:00"), first[^1].NextCursor);
        Assert.Equal(["17", "230"], second.Rows().Select(p => p.PmsId).Order());
        // One second of overlap: the API filters on "altered after" at one-second resolution.
        Assert.Equal("2026-03-02 09:29:59", api.Requests[^1].Query["DateTStamp"]);
        Assert.Equal(new SyncCursor("opendental-api:v1:2026-03-02 10:30:00"), second[^1].NextCursor);
    }

    [Fact]
    public async Task FullRead_ExactlyTwoFullPages_LastPageWithRowsCarriesTheNewCursor()
    {
        var officeClock = new FakeTimeProvider(new DateTimeOffset(2026, 3, 2, 9, 30, 0, TimeSpan.Zero));
        await using var api = await OpenDentalApiTestDouble.StartAsync(officeClock);
        api.Add(DoublePatient.Practice(200, Stamped));

        var pages = await ApiConnection.Connector(api, http).Patients().ReadAllAsync(cursor: null);

        Assert.Equal([100, 100], pages.Select(p => p.Rows.Count));
        Assert.Equal(3, api.Requests.Count);
        Assert.Equal(new SyncCursor("opendental-api:v1:"), pages[0].NextCursor);
        Assert.Equal(new SyncCursor("opendental-api:v1:2026-03-02 09:30:00"), pages[1].NextCursor);
    }

    [Fact]
    public async Task ReadFromAnEarlierPagesCursor_StoppedHalfWay_StartsOverRatherThanSkipping()
    {
        await using var api = await OpenDentalApiTestDouble.StartAsync();
        api.Add(DoublePatient.Practice(250, Stamped));
        var reader = ApiConnection.Connector(api, http).Patients();
        SyncCursor? stoppedAt = null;
        await foreach (var page in reader.ReadPatientsChangedSince(null, CancellationToken.None))
        {
            stoppedAt = page.NextCursor;
            break;
        }

        var resumed = await reader.ReadAllAsync(stoppedAt);

        Assert.Equal(250, resumed.Rows().Select(p => p.PmsId).Distinct().Count());
    }

    [Fact]
    public async Task ReadPatients_ApiSpellings_MapLikeTheDatabase()
    {
        await using var api = await OpenDentalApiTestDouble.StartAsync();
        api.Add(
        [
            new DoublePatient(48, "Jane", "Smith", Stamped, Birthdate: "1976-05-24", Guarantor: 48, PatStatus: "Patient",
                Gender: "Female", MiddleI: "Q", Preferred: "Janey", Email: "smithfam@example.com", HmPhone: "(536)624-5871",
                WkPhone: "(536)987-4822", WirelessPhone: "(536)987-4823", Address: "125 Satin Heights", City: "San Jose",
                State: "CA", Zip: "97301", ClinicNum: 3, PriProv: 1),
            new DoublePatient(49, "Zoë", "O'Brien", Stamped, Birthdate: "0001-01-01", PatStatus: "Archived", Gender: "Other"),
            new DoublePatient(50, "", "Nofirstname", Stamped, PatStatus: "Deleted", Email: "maria@"),
        ]);

        var patients = (await ApiConnection.Connector(api, http).Patients().ReadAllAsync(cursor: null)).Rows();

        Assert.Equal(new PmsPatient(
            "48", "48", "Jane", "Smith", "Q", "Janey", new DateOnly(1976, 5, 24), PmsGender.Female, PmsPatientStatus.Active,
            "smithfam@example.com", new PmsPhones("(536)624-5871", "(536)987-4823", "(536)987-4822"),
            new PmsAddress("125 Satin Heights", null, "San Jose", "CA", "97301"), "3", "1", ChangedAt: null), patients.Single(48));
        var zoe = patients.Single(49);
        Assert.Equal(("Zoë", "O'Brien", "49", PmsPatientStatus.Archived, PmsGender.Other, new DateOnly(1, 1, 1)),
            (zoe.FirstName, zoe.LastName, zoe.GuarantorPmsId, zoe.Status, zoe.Gender, zoe.BirthDate));
        var nameless = patients.Single(50);
        Assert.Equal((null, PmsPatientStatus.Deleted, "maria@", null), (nameless.FirstName, nameless.Status, nameless.Email, nameless.ClinicId));
    }
}
