using DentalHub.Connectors.Contract;
using DentalHub.Connectors.Tests.OpenDental.Api;
using DentalHub.Connectors.Tests.Support;
using Microsoft.Extensions.Time.Testing;

namespace DentalHub.Connectors.Tests.Contract;

/// <summary>
/// Open Dental's schema with 12 appointments stamped in three seconds (pages of 5 split runs of equal DateTStamp),
/// two patient notes the feed must not count, procedures on some, and deletions already recorded.
/// </summary>
public sealed class AppointmentDatabase : OpenDentalDatabase
{
    public const int Appointments = 12;

    protected override async Task SeedAsync()
    {
        var seeds = Enumerable.Range(1, Appointments)
            .Select(i => new AppointmentSeed(i, PatNum: 100 + i, AptDateTime: $"2024-04-{i:00} 09:00:00", DateTStamp: $"2024-03-01 10:00:0{i % 3}"))
            .Append(new AppointmentSeed(50, 101, "2024-04-01 12:00:00", AptStatus: 7, Note: "Call about insurance"))
            .Append(new AppointmentSeed(51, 102, "2024-04-02 12:00:00", AptStatus: 8, Note: "Done"));
        await ExecuteAsync(AppointmentSeed.InsertSql(seeds));
        await ExecuteAsync(string.Join(";",
            AppointmentSeed.ProcedureSql(1, 1, 35, "45.00"),
            AppointmentSeed.ProcedureSql(2, 1, 88, "95.00"),
            AppointmentSeed.ProcedureSql(3, 7, 35, "45.00"),
            AppointmentSeed.DeletedSql(1, 900),
            AppointmentSeed.DeletedSql(2, 901)));
    }
}

public sealed class OpenDentalDatabaseAppointmentContract(AppointmentDatabase database) : ChangeFeedContract<PmsAppointment>, IClassFixture<AppointmentDatabase>
{
    protected override string? SkipReason => database.SkipReason;

    protected override int ExpectedRecords => AppointmentDatabase.Appointments;

    protected override IChangeFeed<PmsAppointment> CreateFeed() => database.Connector(pageSize: 5).Appointments();
}

/// <summary>The API test double with 130 appointments (two pages of the API's 100) and two patient notes, stamped a minute before the office's now.</summary>
public sealed class AppointmentApi : IAsyncLifetime
{
    public const int Appointments = 130;

    public FakeTimeProvider OfficeClock { get; } = new(new DateTimeOffset(2026, 3, 2, 9, 0, 0, TimeSpan.Zero));

    public OpenDentalApiTestDouble Api { get; private set; } = null!;

    public TestHttpClientFactory Http { get; } = new();

    public async Task InitializeAsync()
    {
        Api = await OpenDentalApiTestDouble.StartAsync(OfficeClock);
        Api.PutAppointments([.. Enumerable.Range(1, Appointments).Select(i => new DoubleAppointment(i, 1000 + i, "Scheduled", new DateTime(2026, 3, 10, 8, 0, 0).AddMinutes(10 * i)))]);
        Api.PutAppointments(new DoubleAppointment(500, 1001, "PtNote", new DateTime(2026, 3, 10, 12, 0, 0)), new DoubleAppointment(501, 1002, "PtNoteCompleted", null));
        OfficeClock.Advance(TimeSpan.FromMinutes(1));
    }

    public async Task DisposeAsync()
    {
        await Api.DisposeAsync();
        Http.Dispose();
    }
}

public sealed class OpenDentalApiAppointmentContract(AppointmentApi fixture) : ChangeFeedContract<PmsAppointment>, IClassFixture<AppointmentApi>
{
    protected override int ExpectedRecords => AppointmentApi.Appointments;

    protected override IChangeFeed<PmsAppointment> CreateFeed() => ApiConnection.Connector(fixture.Api, fixture.Http).Appointments();
}
