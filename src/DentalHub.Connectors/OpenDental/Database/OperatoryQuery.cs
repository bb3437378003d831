using DentalHub.Connectors.Contract;

namespace DentalHub.Connectors.OpenDental.Database;

/// <summary>
/// Open Dental's <c>operatory</c> table (the chairs, the columns of its appointment book), read by its
/// DateTStamp. An operatory no longer used is hidden, never deleted.
/// </summary>
internal static class OperatoryQuery
{
    public static ChangeQuery<PmsOperatory> Query { get; } = new(
        From: "operatory",
        Key: "OperatoryNum",
        Stamp: "DateTStamp",
        Columns: "OpName, Abbrev, ClinicNum, ProvDentist, ProvHygienist, IsHygiene, IsHidden, ItemOrder",
        Read: reader => new PmsOperatory(
            PmsId: PatientMapping.Id(reader.GetInt64(1)),
            Name: Rows.Text(reader, 2),
            Abbreviation: Rows.Text(reader, 3),
            ClinicPmsId: Rows.Key(reader, 4),
            DentistPmsId: Rows.Key(reader, 5),
            HygienistPmsId: Rows.Key(reader, 6),
            IsHygiene: reader.GetBoolean(7),
            IsHidden: reader.GetBoolean(8),
            SortOrder: reader.GetInt32(9)));
}
