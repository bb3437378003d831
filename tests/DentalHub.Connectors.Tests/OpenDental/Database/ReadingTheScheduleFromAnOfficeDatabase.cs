using DentalHub.Connectors.Contract;

namespace DentalHub.Connectors.Tests.OpenDental.Database;

/// <summary>
/// Reading an office's chairs, appointment types, clinics and schedule from Open Dental's real schema on
/// MariaDB, as a user that may only SELECT: how each kind of row maps, and which rows are not read.
/// </summary>
public sealed class ReadingTheScheduleFromAnOfficeDatabase(ScheduleOfficeDatabase database) : IClassFixture<ScheduleOfficeDatabase>
{
    private async Task<List<ChangePage<T>>> ReadAllAsync<T>(Func<IConnector, IChangeFeed<T>> feed) where T : IPmsRecord
    {
        Skip.If(database.SkipReason is not null, database.SkipReason);
        var pages = new List<ChangePage<T>>();
        await foreach (var page in feed(database.Connector(pageSize: 3)).ReadChangedSince(null, CancellationToken.None))
        {
            pages.Add(page);
        }
        return pages;
    }

    private async Task<List<PmsScheduleBlock>> ScheduleAsync() =>
        (await ReadAllAsync(c => ((IReadsSchedules)c).Schedules)).SelectMany(p => p.Rows).ToList();

    [SkippableFact]
    public async Task ReadSchedule_BlockoutInTwoChairs_CarriesBothChairsAndItsTypeName()
    {
        var blockout = Assert.Single(await ScheduleAsync(), b => b.PmsId == "10");

        Assert.Equal((PmsScheduleKind.Blockout, new DateOnly(2024, 3, 5), new TimeOnly(12, 0), new TimeOnly(13, 0), "Emergency", "Keep free for emergencies"),
            (blockout.Kind, blockout.Date, blockout.Start, blockout.End, blockout.Label, blockout.Note));
        Assert.Equal(["1", "2"], blockout.OperatoryPmsIds);
        Assert.Equal(((string?)null, (string?)null), (blockout.ProviderPmsId, blockout.ClinicPmsId));
    }

    [SkippableFact]
    public async Task ReadSchedule_BlockoutTypeFromAnotherCategory_HasNoLabel()
    {
        var blockout = Assert.Single(await ScheduleAsync(), b => b.PmsId == "16");

        Assert.Equal((PmsScheduleKind.Blockout, (string?)null), (blockout.Kind, blockout.Label));
    }

    [SkippableFact]
    public async Task ReadSchedule_Holiday_IsTheClinicsWholeDayClosedNamedByItsNote()
    {
        var holiday = Assert.Single(await ScheduleAsync(), b => b.PmsId == "11");

        Assert.Equal(new PmsScheduleBlock("11", PmsScheduleKind.PracticeClosed, new DateOnly(2024, 11, 28), TimeOnly.MinValue, TimeOnly.MinValue,
            null, "2", holiday.OperatoryPmsIds, "Thanksgiving", null), holiday);
        Assert.Empty(holiday.OperatoryPmsIds);
    }

    [SkippableFact]
    public async Task ReadSchedule_ProviderHours_MapEveryColumn()
    {
        var blocks = await ScheduleAsync();

        var morning = Assert.Single(blocks, b => b.PmsId == "14");
        Assert.Equal((PmsScheduleKind.ProviderHours, new DateOnly(2024, 3, 5), new TimeOnly(8, 0), new TimeOnly(12, 30), "3", (string?)null, (string?)null, "Late lunch"),
            (morning.Kind, morning.Date, morning.Start, morning.End, morning.ProviderPmsId, morning.ClinicPmsId, morning.Label, morning.Note));
        Assert.Empty(morning.OperatoryPmsIds);
        Assert.Equal(["1"], Assert.Single(blocks, b => b.PmsId == "17").OperatoryPmsIds);
    }

    [SkippableFact]
    public async Task ReadSchedule_EmployeeHoursAndNotesForTheDay_AreNotRead()
    {
        var ids = (await ScheduleAsync()).Select(b => b.PmsId).Order().ToList();

        // 12: a note for the whole practice; 13: an employee's hours; 15: a provider's note (00:00 to 00:00).
        Assert.Equal(["10", "11", "14", "16", "17"], ids);
    }

    [SkippableFact]
    public async Task ReadSchedule_FirstRead_ReportsNoDeletionLoggedBeforeIt()
    {
        var pages = await ReadAllAsync(c => ((IReadsSchedules)c).Schedules);

        Assert.Empty(pages.SelectMany(p => p.Deleted));
    }

    [SkippableFact]
    public async Task ReadOperatories_HygieneChairAndHiddenChair_MapEveryColumn()
    {
        var chairs = (await ReadAllAsync(c => ((IReadsOperatories)c).Operatories)).SelectMany(p => p.Rows).OrderBy(o => o.PmsId).ToList();

        Assert.Equal(
        [
            new PmsOperatory("1", "Dr. Lee", "OP-1", "2", "3", null, false, false, 0),
            new PmsOperatory("2", "Hygiene 1", "HYG1", null, "3", "4", true, false, 1),
            new PmsOperatory("3", "Old chair", null, null, null, null, false, true, 2),
        ], chairs);
    }

    [SkippableFact]
    public async Task ReadAppointmentTypes_ArgbColourAndPattern_AreHexAndMinutes()
    {
        var types = (await ReadAllAsync(c => ((IReadsAppointmentTypes)c).AppointmentTypes)).SelectMany(p => p.Rows).OrderBy(t => t.PmsId).ToList();

        Assert.Equal(
        [
            new PmsAppointmentType("1", "New patient exam", 40, "#0080FF", false),
            new PmsAppointmentType("2", "Retired type", null, null, true),
        ], types);
    }

    [SkippableFact]
    public async Task ReadClinics_AddressPhoneAndHidden_MapEveryColumn()
    {
        var clinics = (await ReadAllAsync(c => ((IReadsClinics)c).Clinics)).SelectMany(p => p.Rows).OrderBy(c => c.PmsId).ToList();

        Assert.Equal(
        [
            new PmsClinic("2", "Downtown Dental", "DT", new PmsAddress("12 Elm Street", "Suite 4", "Springfield", "IL", "62701"), "5550101234", false),
            new PmsClinic("3", "Old office", "OLD", new PmsAddress(null, null, null, null, null), null, true),
        ], clinics);
    }
}
