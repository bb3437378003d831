using DentalHub.Connectors.Contract;
using DentalHub.Connectors.Tests.Support;
using Xunit.Abstractions;

namespace DentalHub.Connectors.Tests.OpenDental.Database;

/// <summary>
/// Reading the office's patients from Open Dental's real schema on MariaDB, as a user that may only
/// SELECT: how each kind of row maps, and how pages and cursors walk the table.
/// </summary>
public sealed class ReadingAnOfficeDatabase(OfficeDatabase database, ITestOutputHelper output) : IClassFixture<OfficeDatabase>
{
    private async Task<List<PmsPatient>> ReadEveryoneAsync(int pageSize = 1000) =>
        (await database.Connector(pageSize).Patients().ReadAllAsync(cursor: null)).Rows();

    [SkippableFact]
    public void SchemaLoad_OpenDental211Dump_TakesSeconds()
    {
        Skip.If(database.SkipReason is not null, database.SkipReason);

        output.WriteLine($"Open Dental 21.1 schema loaded in {database.SchemaLoadTime.TotalSeconds:0.00} s");
        Assert.InRange(database.SchemaLoadTime, TimeSpan.Zero, TimeSpan.FromSeconds(60));
    }

    [SkippableFact]
    public async Task ReadPatients_FullRow_MapsEveryColumn()
    {
        Skip.If(database.SkipReason is not null, database.SkipReason);

        var maria = (await ReadEveryoneAsync()).Single(101);

        Assert.Equal(new PmsPatient(
            "101", "101", "Maria", "Garcia", "L", "Mari", new DateOnly(1975, 4, 12), PmsGender.Female, PmsPatientStatus.Active,
            "maria.garcia@example.com", new PmsPhones("(555) 010-1000", "(555) 010-1001", "(555) 010-1002"),
            new PmsAddress("12 Elm Street", "Apt 4", "Springfield", "IL", "62701"), "2", "3",
            new DateTimeOffset(2024, 3, 1, 9, 0, 0, TimeSpan.Zero)), maria);
    }

    [SkippableFact]
    public async Task ReadPatients_Family_EveryMemberPointsToTheGuarantor()
    {
        Skip.If(database.SkipReason is not null, database.SkipReason);

        var patients = await ReadEveryoneAsync();

        var family = patients.Where(p => p.GuarantorPmsId == "101").Select(p => p.PmsId).Order();
        Assert.Equal(["101", "102", "103", "104"], family);
    }

    [SkippableFact]
    public async Task ReadPatients_GuarantorZero_IsTheirOwnGuarantor()
    {
        Skip.If(database.SkipReason is not null, database.SkipReason);

        Assert.Equal("109", (await ReadEveryoneAsync()).Single(109).GuarantorPmsId);
    }

    [SkippableTheory]
    [InlineData(101, PmsPatientStatus.Active)]
    [InlineData(118, PmsPatientStatus.NonPatient)]
    [InlineData(119, PmsPatientStatus.Inactive)]
    [InlineData(117, PmsPatientStatus.Archived)]
    [InlineData(116, PmsPatientStatus.Deleted)]
    [InlineData(120, PmsPatientStatus.Deceased)]
    [InlineData(121, PmsPatientStatus.Prospective)]
    [InlineData(122, PmsPatientStatus.Inactive)]
    public async Task ReadPatients_PatStatus_MapsToStatus(long patNum, PmsPatientStatus expected)
    {
        Skip.If(database.SkipReason is not null, database.SkipReason);

        Assert.Equal(expected, (await ReadEveryoneAsync()).Single(patNum).Status);
    }

    [SkippableTheory]
    [InlineData(102, PmsGender.Male)]
    [InlineData(101, PmsGender.Female)]
    [InlineData(112, PmsGender.Unknown)]
    [InlineData(107, PmsGender.Other)]
    public async Task ReadPatients_Gender_MapsToGender(long patNum, PmsGender expected)
    {
        Skip.If(database.SkipReason is not null, database.SkipReason);

        Assert.Equal(expected, (await ReadEveryoneAsync()).Single(patNum).Gender);
    }

    [SkippableFact]
    public async Task ReadPatients_Twins_ArriveAsTwoPatients()
    {
        Skip.If(database.SkipReason is not null, database.SkipReason);

        var twins = (await ReadEveryoneAsync()).Where(p => p.LastName == "Nguyen" && p.BirthDate == new DateOnly(2015, 9, 9)).ToList();

        Assert.Equal(["Ava", "Mia"], twins.Select(t => t.FirstName).Order());
        Assert.All(twins, t => Assert.Equal("107", t.GuarantorPmsId));
    }

    [SkippableFact]
    public async Task ReadPatients_SameNameAndBirthdate_BothArriveUnmerged()
    {
        Skip.If(database.SkipReason is not null, database.SkipReason);

        var namesakes = (await ReadEveryoneAsync()).Where(p => p is { FirstName: "Sam", LastName: "Taylor" }).ToList();

        Assert.Equal(["108", "109"], namesakes.Select(p => p.PmsId).Order());
        Assert.All(namesakes, p => Assert.Equal(new DateOnly(1990, 6, 15), p.BirthDate));
    }

    [SkippableFact]
    public async Task ReadPatients_AccentsAndApostrophes_SurviveTheUtf8RoundTrip()
    {
        Skip.If(database.SkipReason is not null, database.SkipReason);

        var patients = await ReadEveryoneAsync();

        Assert.Equal(("Zoë", "O'Brien"), (patients.Single(110).FirstName, patients.Single(110).LastName));
        Assert.Equal(("José", "Müller-Lüdenscheidt", "Köln"),
            (patients.Single(111).FirstName, patients.Single(111).LastName, patients.Single(111).Address.City));
    }

    [SkippableTheory]
    [InlineData(112)]
    [InlineData(113)]
    public async Task ReadPatients_OpenDentalNoDate_PassedOnAsYearOne(long patNum)
    {
        Skip.If(database.SkipReason is not null, database.SkipReason);

        Assert.Equal(new DateOnly(1, 1, 1), (await ReadEveryoneAsync()).Single(patNum).BirthDate);
    }

    [SkippableFact]
    public async Task ReadPatients_BadEmail_PassedOnAsWritten()
    {
        Skip.If(database.SkipReason is not null, database.SkipReason);

        Assert.Equal("maria@", (await ReadEveryoneAsync()).Single(114).Email);
    }

    [SkippableFact]
    public async Task ReadPatients_EmptyStringsAndZeroKeys_BecomeNull()
    {
        Skip.If(database.SkipReason is not null, database.SkipReason);

        var patient = (await ReadEveryoneAsync()).Single(115);

        Assert.Null(patient.FirstName);
        Assert.Null(patient.PreferredName);
        Assert.Null(patient.MiddleName);
        Assert.Null(patient.Email);
        Assert.Null(patient.ClinicId);
        Assert.Equal(PmsPhones.None, patient.Phones);
        Assert.Equal(PmsAddress.None, patient.Address);
    }

    [SkippableFact]
    public async Task ReadPatients_ZeroDateTStamp_ReadFirstWithoutAChangeTime()
    {
        Skip.If(database.SkipReason is not null, database.SkipReason);

        var patients = await ReadEveryoneAsync();

        Assert.Equal("123", patients[0].PmsId);
        Assert.Null(patients[0].ChangedAt);
    }

    [SkippableFact]
    public async Task FirstRead_PagesOfFour_ReturnsEveryPatientInStampOrder()
    {
        Skip.If(database.SkipReason is not null, database.SkipReason);

        var pages = await database.Connector(pageSize: 4).Patients().ReadAllAsync(cursor: null);

        Assert.Equal([4, 4, 4, 4, 4, 3], pages.Select(p => p.Rows.Count));
        var expected = OfficeDatabase.Patients
            .OrderBy(p => p.DateTStamp.StartsWith("0000", StringComparison.Ordinal) ? "" : p.DateTStamp, StringComparer.Ordinal)
            .ThenBy(p => p.PatNum)
            .Select(p => p.Id);
        Assert.Equal(expected, pages.Rows().Select(p => p.PmsId));
    }

    [SkippableTheory]
    [InlineData(0)] // a page exactly as large as the table: the extra row asked for is not there, so no second query
    [InlineData(-1)] // a page larger than the table
    [InlineData(1)] // one row more than a page: the extra row opens the next page and is handed out once
    public async Task FirstRead_PageSizeAroundTheRowCount_EveryPatientOnceInFullPages(int belowCount)
    {
        Skip.If(database.SkipReason is not null, database.SkipReason);
        var pageSize = OfficeDatabase.Patients.Count - belowCount;

        var pages = await database.Connector(pageSize).Patients().ReadAllAsync(cursor: null);

        var sizes = pages.Select(p => p.Rows.Count).ToList();
        Assert.All(sizes[..^1], size => Assert.Equal(pageSize, size));
        Assert.Equal(OfficeDatabase.Patients.Select(p => p.Id).Order(), pages.Rows().Select(p => p.PmsId).Order());
        Assert.Equal(belowCount > 0 ? 2 : 1, pages.Count);
    }

    [SkippableTheory]
    [InlineData(1, 1)] // stops on the zero DateTStamp
    [InlineData(4, 1)]
    [InlineData(4, 2)] // stops inside the run stamped Later
    [InlineData(4, 5)]
    public async Task ReadFromMidwayCursor_StoppedAfterPages_ResumesWithoutSkipsOrRepeats(int pageSize, int pagesBeforeStop)
    {
        Skip.If(database.SkipReason is not null, database.SkipReason);
        var reader = database.Connector(pageSize).Patients();
        var beforeStop = new List<PmsPatient>();
        SyncCursor? stoppedAt = null;
        await foreach (var page in reader.ReadPatientsChangedSince(null, CancellationToken.None))
        {
            beforeStop.AddRange(page.Rows);
            stoppedAt = page.NextCursor;
            if (--pagesBeforeStop == 0)
            {
                break;
            }
        }

        var afterResume = (await reader.ReadAllAsync(stoppedAt)).Rows();

        var all = beforeStop.Concat(afterResume).Select(p => p.PmsId).ToList();
        Assert.Equal(OfficeDatabase.Patients.Select(p => p.Id).Order(), all.Order());
    }

    [SkippableFact]
    public async Task CountPatients_ReadOnlyUser_CountsEveryRow()
    {
        Skip.If(database.SkipReason is not null, database.SkipReason);

        Assert.Equal(OfficeDatabase.Patients.Count, await database.Connector().Patients().CountPatientsAsync(CancellationToken.None));
    }
}
