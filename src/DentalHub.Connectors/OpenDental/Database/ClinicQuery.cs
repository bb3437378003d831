using DentalHub.Connectors.Contract;

namespace DentalHub.Connectors.OpenDental.Database;

/// <summary>
/// Open Dental's <c>clinic</c> table (locations; empty when the office does not use clinics). It has no
/// change stamp, so it is read whole every run (<see cref="ChangeQuery{T}.Stamp"/> null), paged by key: a
/// handful of rows, one short scan each run, and the hub writes only the rows whose values changed.
/// Clinics are hidden, never deleted.
/// </summary>
internal static class ClinicQuery
{
    public static ChangeQuery<PmsClinic> Query { get; } = new(
        From: "clinic",
        Key: "ClinicNum",
        Stamp: null,
        Columns: "Description, Abbr, Address, Address2, City, State, Zip, Phone, IsHidden",
        Read: reader => new PmsClinic(
            PmsId: PatientMapping.Id(reader.GetInt64(1)),
            Name: Rows.Text(reader, 2),
            Abbreviation: Rows.Text(reader, 3),
            Address: new PmsAddress(Rows.Text(reader, 4), Rows.Text(reader, 5), Rows.Text(reader, 6), Rows.Text(reader, 7), Rows.Text(reader, 8)),
            Phone: Rows.Text(reader, 9),
            IsHidden: reader.GetBoolean(10)));
}
