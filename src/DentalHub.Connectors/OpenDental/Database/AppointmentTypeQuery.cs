using DentalHub.Connectors.Contract;

namespace DentalHub.Connectors.OpenDental.Database;

/// <summary>
/// Open Dental's <c>appointmenttype</c> table. It has no change stamp, so it is read whole every run
/// (<see cref="ChangeQuery{T}.Stamp"/> null), paged by key: a practice has a few dozen types at most, one
/// short scan each run, and the hub writes only the rows whose values changed. Deleting a type in Open
/// Dental leaves no trace to read; hidden types are kept and read as hidden.
/// </summary>
internal static class AppointmentTypeQuery
{
    public static ChangeQuery<PmsAppointmentType> Query { get; } = new(
        From: "appointmenttype",
        Key: "AppointmentTypeNum",
        Stamp: null,
        Columns: "AppointmentTypeName, AppointmentTypeColor, Pattern, IsHidden",
        Read: reader => new PmsAppointmentType(
            PmsId: PatientMapping.Id(reader.GetInt64(1)),
            Name: Rows.Text(reader, 2),
            LengthMinutes: ScheduleCodes.LengthOf(Rows.Text(reader, 4)),
            Color: ScheduleCodes.ColorOfArgb(reader.GetInt32(3)),
            IsHidden: reader.GetBoolean(5)));
}
