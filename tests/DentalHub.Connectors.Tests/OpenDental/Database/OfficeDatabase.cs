using DentalHub.Connectors.Tests.Support;

namespace DentalHub.Connectors.Tests.OpenDental.Database;

/// <summary>
/// An office's patients with the shapes real Open Dental data has: a family, twins, namesakes,
/// accents, Open Dental's "no date" values, a bad e-mail, an empty first name, every status and a
/// zero DateTStamp. Stamps repeat so that pages split runs of equal DateTStamp.
/// </summary>
public sealed class OfficeDatabase : OpenDentalDatabase
{
    public const string Early = "2024-03-01 09:00:00";
    public const string Later = "2024-03-01 09:00:01";
    public const string Latest = "2024-03-02 17:45:30";

    public static readonly PatientSeed Guarantor = new(101, "Maria", "Garcia", "1975-04-12", Guarantor: 101, Gender: 1,
        MiddleI: "L", Preferred: "Mari", Email: "maria.garcia@example.com", HmPhone: "(555) 010-1000",
        WirelessPhone: "(555) 010-1001", WkPhone: "(555) 010-1002", Address: "12 Elm Street", Address2: "Apt 4",
        City: "Springfield", State: "IL", Zip: "62701", ClinicNum: 2, PriProv: 3, DateTStamp: Early);

    public static IReadOnlyList<PatientSeed> Patients { get; } =
    [
        Guarantor,
        new(102, "Carlos", "Garcia", "1973-11-02", Guarantor: 101, Gender: 0, DateTStamp: Early),
        new(103, "Lucia", "Garcia", "2012-06-01", Guarantor: 101, Gender: 1, DateTStamp: Early),
        new(104, "Mateo", "Garcia", "2014-01-20", Guarantor: 101, Gender: 0, DateTStamp: Early),
        new(105, "Ava", "Nguyen", "2015-09-09", Guarantor: 107, Gender: 1, DateTStamp: Early),
        new(106, "Mia", "Nguyen", "2015-09-09", Guarantor: 107, Gender: 1, DateTStamp: Later),
        new(107, "Linh", "Nguyen", "1984-02-29", Guarantor: 107, Gender: 3, DateTStamp: Later),
        new(108, "Sam", "Taylor", "1990-06-15", Guarantor: 108, Gender: 0, DateTStamp: Later),
        new(109, "Sam", "Taylor", "1990-06-15", Guarantor: 0, Gender: 0, DateTStamp: Later),
        new(110, "Zoë", "O'Brien", "1999-12-31", Guarantor: 110, Email: "zoe.obrien@example.com", DateTStamp: Later),
        new(111, "José", "Müller-Lüdenscheidt", "1968-07-04", Guarantor: 111, City: "Köln", DateTStamp: Later),
        new(112, "Olga", "Nodate", "0001-01-01", Guarantor: 112, DateTStamp: Later),
        new(113, "Peter", "Zerodate", "0000-00-00", Guarantor: 113, DateTStamp: Latest),
        new(114, "Rita", "Bademail", "1988-02-02", Guarantor: 114, Email: "maria@", DateTStamp: Latest),
        new(115, "", "Nofirstname", "1980-03-04", Guarantor: 115, Preferred: "   ", DateTStamp: Latest),
        new(116, "Dora", "Deleted", Guarantor: 116, PatStatus: 4, DateTStamp: Latest),
        new(117, "Arch", "Archived", Guarantor: 117, PatStatus: 3, DateTStamp: Latest),
        new(118, "Nina", "Nonpatient", Guarantor: 118, PatStatus: 1, DateTStamp: Latest),
        new(119, "Ines", "Inactive", Guarantor: 119, PatStatus: 2, DateTStamp: Latest),
        new(120, "Dean", "Deceased", Guarantor: 120, PatStatus: 5, DateTStamp: Latest),
        new(121, "Pia", "Prospective", Guarantor: 121, PatStatus: 6, DateTStamp: Latest),
        new(122, "Nova", "Newstatus", Guarantor: 122, PatStatus: 9, DateTStamp: Latest),
        new(123, "Olaf", "Oldstamp", Guarantor: 123, DateTStamp: "0000-00-00 00:00:00"),
    ];

    protected override Task SeedAsync() => InsertAsync([.. Patients]);
}
