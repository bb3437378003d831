using DentalHub.Connectors.Contract;
using MySqlConnector;

namespace DentalHub.Connectors.OpenDental.Database;

/// <summary>
/// Open Dental's <c>provider</c> table. The specialty is a definition (its name is read with it); a provider
/// whose status is Deleted (ProvStatus 1) or who is hidden is never removed, so both read as hidden.
/// </summary>
internal static class ProviderQuery
{
    public static ChangeQuery<PmsProvider> Query { get; } = new(
        From: "provider p LEFT JOIN definition d ON d.DefNum = p.Specialty",
        Key: "p.ProvNum",
        Stamp: "p.DateTStamp",
        Columns: "p.FName, p.LName, p.Abbr, p.NationalProvID, d.ItemName, p.IsSecondary, p.IsHidden, p.ProvStatus",
        Read: reader => new PmsProvider(
            PmsId: PatientMapping.Id(reader.GetInt64(1)),
            FirstName: Rows.Text(reader, 2),
            LastName: Rows.Text(reader, 3),
            Abbreviation: Rows.Text(reader, 4),
            Npi: Rows.Text(reader, 5),
            Specialty: Rows.Text(reader, 6),
            IsHygienist: reader.GetBoolean(7),
            IsHidden: reader.GetBoolean(8) || reader.GetInt32(9) == 1,
            ClinicPmsId: null));
}

/// <summary>Reading Open Dental's columns: empty text as null.</summary>
internal static class Rows
{
    public static string? Text(MySqlDataReader reader, int ordinal) =>
        reader.IsDBNull(ordinal) || reader.GetString(ordinal) is not { Length: > 0 } text || string.IsNullOrWhiteSpace(text) ? null : text;

    /// <summary>A key column where 0 means "none".</summary>
    public static string? Key(MySqlDataReader reader, int ordinal) =>
        reader.IsDBNull(ordinal) ? null : PatientMapping.OptionalId(reader.GetInt64(ordinal));
}
