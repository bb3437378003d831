using DentalHub.Connectors.Tests.Support;

namespace DentalHub.Connectors.Tests.OpenDental.Database;

/// <summary>
/// An office's appointments with the shapes that need care: wall times in the gap and the repeated hour of the
/// 2026 daylight-saving changes, every status, a patient note, Open Dental's "no time" values, procedures (one
/// with units, one deleted, one on a planned appointment) and a deleted provider schedule in deletedobject.
/// </summary>
public sealed class AppointmentOfficeDatabase : OpenDentalDatabase
{
    public const long SpringForward = 201;
    public const long FallBack = 202;
    public const long Broken = 203;
    public const long Complete = 204;
    public const long PatientNote = 205;
    public const long Planned = 206;
    public const long WithUnits = 207;
    public const long Unscheduled = 208;
    public const long ToDelete = 209;
    public const long NoPatient = 210;

    protected override async Task SeedAsync()
    {
        await ExecuteAsync(AppointmentSeed.InsertSql(
        [
            new(SpringForward, 12, "2026-03-08 02:30:00", Pattern: "/XXXXXXXXXX/", Confirmed: 21, ProvNum: 3, ProvHyg: 4, Op: 5, ClinicNum: 6,
                AppointmentTypeNum: 7, IsNewPatient: true, Note: "Prefers the window chair."),
            new(FallBack, 12, "2026-11-01 01:30:00", Pattern: "//XX//"),
            new(Broken, 13, "2026-04-14 15:00:00", AptStatus: 5),
            new(Complete, 14, "2026-04-15 08:00:00", AptStatus: 2, Pattern: "/XXXXX/"),
            new(PatientNote, 15, "2026-04-15 12:00:00", AptStatus: 7, Note: "Call back about the bill"),
            new(Planned, 16, "0001-01-01 00:00:00", AptStatus: 6),
            new(WithUnits, 17, "2026-04-16 10:00:00"),
            new(Unscheduled, 18, "0000-00-00 00:00:00", AptStatus: 3, Confirmed: 0),
            new(ToDelete, 19, "2026-04-17 10:00:00"),
            new(NoPatient, 0, "2026-04-17 11:00:00", Pattern: ""),
        ]));
        await ExecuteAsync(string.Join(";",
            AppointmentSeed.ProcedureSql(11, Complete, 35, "45"),
            AppointmentSeed.ProcedureSql(12, Complete, 88, "95.5", procStatus: 2),
            AppointmentSeed.ProcedureSql(13, Complete, 38, "999", procStatus: 6),
            AppointmentSeed.ProcedureSql(14, Planned, 88, "120", planned: true),
            AppointmentSeed.ProcedureSql(15, WithUnits, 35, "30.25", baseUnits: 1, unitQty: 2),
            AppointmentSeed.DeletedSql(1, 77, objectType: 1)));
    }
}
