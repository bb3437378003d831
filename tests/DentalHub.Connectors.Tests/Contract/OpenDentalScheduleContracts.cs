using System.Globalization;
using DentalHub.Connectors.Contract;
using DentalHub.Connectors.Tests.OpenDental.Api;
using DentalHub.Connectors.Tests.Support;

namespace DentalHub.Connectors.Tests.Contract;

/// <summary>
/// Open Dental's schema with 12 each of operatories, appointment types and clinics, and 12 schedule blocks the
/// feed reads beside 4 it does not (employee hours, a practice note, a provider's note, a Web Sched slot), all
/// stamped in three seconds so that pages of 5 split runs of equal DateTStamp.
/// </summary>
public sealed class ScheduleContractDatabase : OpenDentalDatabase
{
    public const int Each = 12;

    protected override async Task SeedAsync()
    {
        // The schema's stock data has operatories, an appointment type and a thousand old schedules; the contract counts its own.
        await ExecuteAsync("DELETE FROM operatory; DELETE FROM appointmenttype; DELETE FROM clinic; DELETE FROM schedule; DELETE FROM scheduleop");
        await ExecuteAsync("INSERT INTO definition (DefNum, Category, ItemOrder, ItemName, ItemValue, ItemColor, IsHidden) VALUES (900, 25, 0, 'Emergency', '', 0, 0)");
        var numbers = Enumerable.Range(1, Each).ToList();
        await ExecuteAsync(string.Join(";", numbers.Select(i => 
            "INSERT INTO operatory (OperatoryNum, OpName, Abbrev, ItemOrder, IsHidden, ProvDentist, ProvHygienist, IsHygiene, ClinicNum, DateTStamp, SetProspective, IsWebSched, IsNewPatAppt) VALUES " + Sql($"({i}, 'Op {i}', 'OP{i}', {i}, 0, 1, 0, 0, 0, '2024-03-01 10:00:0{i % 3}', 0, 0, 0)"))));
        await ExecuteAsync(string.Join(";", numbers.Select(i => 
            "INSERT INTO appointmenttype (AppointmentTypeNum, AppointmentTypeName, AppointmentTypeColor, ItemOrder, IsHidden, Pattern, CodeStr) VALUES " + Sql($"({i}, 'Type {i}', -16744193, {i}, 0, '//XX//', '')"))));
        await ExecuteAsync(string.Join(";", numbers.Select(i => 
            "INSERT INTO clinic (ClinicNum, Description, Abbr, Address, City, State, Zip, Phone, IsHidden) VALUES " + Sql($"({i}, 'Clinic {i}', 'C{i}', '{i} Main St', 'Springfield', 'IL', '62701', '5550100000', 0)"))));
        // Read: 6 provider days, 4 blockouts, 2 holidays. Not read: employee hours, a practice note, a provider's note, a Web Sched slot.
        var read = numbers.Select(i => i switch
        {
            <= 6 => (Type: 1, Start: "08:00:00", Stop: "17:00:00", Prov: 1, Blockout: 0, Status: 0),
            <= 10 => (Type: 2, Start: "12:00:00", Stop: "13:00:00", Prov: 0, Blockout: 900, Status: 0),
            _ => (Type: 0, Start: "00:00:00", Stop: "00:00:00", Prov: 0, Blockout: 0, Status: 2),
        }).Select((s, index) => (Num: index + 1, s.Type, s.Start, s.Stop, s.Prov, s.Blockout, s.Status));
        (int Num, int Type, string Start, string Stop, int Prov, int Blockout, int Status)[] notRead =
        [
            (101, 3, "08:00:00", "17:00:00", 0, 0, 0),
            (102, 0, "00:00:00", "00:00:00", 0, 0, 0),
            (103, 1, "00:00:00", "00:00:00", 1, 0, 0),
            (104, 4, "09:00:00", "10:00:00", 0, 0, 0),
        ];
        await ExecuteAsync(string.Join(";", read.Concat(notRead).Select(s => 
            "INSERT INTO schedule (ScheduleNum, SchedDate, StartTime, StopTime, SchedType, ProvNum, BlockoutType, Note, Status, EmployeeNum, DateTStamp, ClinicNum) VALUES " + Sql($"({s.Num}, '2024-03-{s.Num % 28 + 1:00}', '{s.Start}', '{s.Stop}', {s.Type}, {s.Prov}, {s.Blockout}, '', {s.Status}, {(s.Type == 3 ? 5 : 0)}, '2024-03-01 10:00:0{s.Num % 3}', 0)"))));
        await ExecuteAsync("INSERT INTO scheduleop (ScheduleNum, OperatoryNum) VALUES (7, 1), (7, 2), (8, 3), (9, 1), (10, 2)");
    }

    private static string Sql(FormattableString sql) => sql.ToString(CultureInfo.InvariantCulture);
}

[CollectionDefinition(Name)]
public sealed class ScheduleContractDatabaseCollection : ICollectionFixture<ScheduleContractDatabase>
{
    public const string Name = "Open Dental schedule contract database";
}

[Collection(ScheduleContractDatabaseCollection.Name)]
public sealed class OpenDentalDatabaseOperatoryContract(ScheduleContractDatabase database) : ChangeFeedContract<PmsOperatory>
{
    protected override string? SkipReason => database.SkipReason;

    protected override int ExpectedRecords => ScheduleContractDatabase.Each;

    protected override IChangeFeed<PmsOperatory> CreateFeed() => Assert.IsAssignableFrom<IReadsOperatories>(database.Connector(pageSize: 5)).Operatories;
}

[Collection(ScheduleContractDatabaseCollection.Name)]
public sealed class OpenDentalDatabaseAppointmentTypeContract(ScheduleContractDatabase database) : ChangeFeedContract<PmsAppointmentType>
{
    protected override string? SkipReason => database.SkipReason;

    protected override int ExpectedRecords => ScheduleContractDatabase.Each;

    protected override bool ReadsOnlyChanges => false;

    protected override IChangeFeed<PmsAppointmentType> CreateFeed() => Assert.IsAssignableFrom<IReadsAppointmentTypes>(database.Connector(pageSize: 5)).AppointmentTypes;
}

[Collection(ScheduleContractDatabaseCollection.Name)]
public sealed class OpenDentalDatabaseClinicContract(ScheduleContractDatabase database) : ChangeFeedContract<PmsClinic>
{
    protected override string? SkipReason => database.SkipReason;

    protected override int ExpectedRecords => ScheduleContractDatabase.Each;

    protected override bool ReadsOnlyChanges => false;

    protected override IChangeFeed<PmsClinic> CreateFeed() => Assert.IsAssignableFrom<IReadsClinics>(database.Connector(pageSize: 5)).Clinics;
}

[Collection(ScheduleContractDatabaseCollection.Name)]
public sealed class OpenDentalDatabaseScheduleContract(ScheduleContractDatabase database) : ChangeFeedContract<PmsScheduleBlock>
{
    protected override string? SkipReason => database.SkipReason;

    protected override int ExpectedRecords => ScheduleContractDatabase.Each;

    protected override IChangeFeed<PmsScheduleBlock> CreateFeed() => Assert.IsAssignableFrom<IReadsSchedules>(database.Connector(pageSize: 5)).Schedules;
}

/// <summary>
/// The API test double with 130 each of operatories, appointment types and clinics (two pages of the API's 100),
/// and within the schedule window 130 provider days and 110 blockouts; outside it, or of kinds not read, 30 more.
/// </summary>
public sealed class ScheduleApi : IAsyncLifetime
{
    public const int Each = 130;
    public const int ScheduleBlocksInWindow = 240;

    public OpenDentalApiTestDouble Api { get; private set; } = null!;

    public TestHttpClientFactory Http { get; } = new();

    public async Task InitializeAsync()
    {
        Api = await OpenDentalApiTestDouble.StartAsync();
        for (var i = 1; i <= Each; i++)
        {
            Api.Put("operatories", i, new Dictionary<string, object?>
            {
                ["OperatoryNum"] = i, ["OpName"] = $"Op {i}", ["Abbrev"] = $"OP{i}", ["ItemOrder"] = i, ["IsHidden"] = "false",
                ["ProvDentist"] = 1, ["ProvHygienist"] = 0, ["IsHygiene"] = "false", ["ClinicNum"] = 0, ["SetProspective"] = "false",
                ["IsWebSched"] = "false", ["OperatoryType"] = 0, ["operatoryType"] = "",
            });
            Api.Put("appointmenttypes", i, new Dictionary<string, object?>
            {
                ["AppointmentTypeNum"] = i, ["AppointmentTypeName"] = $"Type {i}", ["appointmentTypeColor"] = "93,54,220", ["IsHidden"] = "false",
                ["Pattern"] = "//XX//", ["CodeStr"] = "", ["CodeStrRequired"] = "", ["RequiredProcCodesNeeded"] = 0, ["BlockoutTypes"] = "",
            });
            Api.Put("clinics", i, new Dictionary<string, object?>
            {
                ["ClinicNum"] = i, ["Description"] = $"Clinic {i}", ["Address"] = $"{i} Main St", ["Address2"] = "", ["City"] = "Salem",
                ["State"] = "OR", ["Zip"] = "97301", ["Phone"] = "5105552005", ["Abbr"] = $"C{i}", ["IsHidden"] = "false",
            });
        }
        var today = DateOnly.FromDateTime(Api.OfficeNow);
        for (var i = 1; i <= ScheduleBlocksInWindow; i++)
        {
            Api.Put(OpenDentalApiTestDouble.Schedules, i, ApiSchedules.Fields(i, today.AddDays(i % 150 - 20), i <= 130 ? "Provider" : "Blockout"));
        }
        // Not read: outside the window, employee hours, a holiday or note, a provider's note for the day.
        for (var i = 1001; i <= 1030; i++)
        {
            var fields = (i % 5) switch
            {
                0 => ApiSchedules.Fields(i, today.AddDays(-40), "Provider"),
                1 => ApiSchedules.Fields(i, today.AddDays(200), "Blockout"),
                2 => ApiSchedules.Fields(i, today, "Employee"),
                3 => ApiSchedules.Fields(i, today, "Practice", start: "00:00:00", stop: "00:00:00"),
                _ => ApiSchedules.Fields(i, today, "Provider", start: "00:00:00", stop: "00:00:00"),
            };
            Api.Put(OpenDentalApiTestDouble.Schedules, i, fields);
        }
    }

    public async Task DisposeAsync()
    {
        await Api.DisposeAsync();
        Http.Dispose();
    }
}

public sealed class OpenDentalApiOperatoryContract(ScheduleApi fixture) : ChangeFeedContract<PmsOperatory>, IClassFixture<ScheduleApi>
{
    protected override int ExpectedRecords => ScheduleApi.Each;

    protected override bool ReadsOnlyChanges => false;

    protected override IChangeFeed<PmsOperatory> CreateFeed() => Assert.IsAssignableFrom<IReadsOperatories>(ApiConnection.Connector(fixture.Api, fixture.Http)).Operatories;
}

public sealed class OpenDentalApiAppointmentTypeContract(ScheduleApi fixture) : ChangeFeedContract<PmsAppointmentType>, IClassFixture<ScheduleApi>
{
    protected override int ExpectedRecords => ScheduleApi.Each;

    protected override bool ReadsOnlyChanges => false;

    protected override IChangeFeed<PmsAppointmentType> CreateFeed() =>
        Assert.IsAssignableFrom<IReadsAppointmentTypes>(ApiConnection.Connector(fixture.Api, fixture.Http)).AppointmentTypes;
}

public sealed class OpenDentalApiClinicContract(ScheduleApi fixture) : ChangeFeedContract<PmsClinic>, IClassFixture<ScheduleApi>
{
    protected override int ExpectedRecords => ScheduleApi.Each;

    protected override bool ReadsOnlyChanges => false;

    protected override IChangeFeed<PmsClinic> CreateFeed() => Assert.IsAssignableFrom<IReadsClinics>(ApiConnection.Connector(fixture.Api, fixture.Http)).Clinics;
}

public sealed class OpenDentalApiScheduleContract(ScheduleApi fixture) : ChangeFeedContract<PmsScheduleBlock>, IClassFixture<ScheduleApi>
{
    protected override int ExpectedRecords => ScheduleApi.ScheduleBlocksInWindow;

    protected override bool ReadsOnlyChanges => false;

    protected override IChangeFeed<PmsScheduleBlock> CreateFeed() => Assert.IsAssignableFrom<IReadsSchedules>(ApiConnection.Connector(fixture.Api, fixture.Http)).Schedules;
}
