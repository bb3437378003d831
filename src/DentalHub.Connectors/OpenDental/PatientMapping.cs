using System.Globalization;
using DentalHub.Connectors.Contract;

namespace DentalHub.Connectors.OpenDental;

/// <summary>
/// A patient row as Open Dental holds it, whichever way it was read (database or API), before it
/// becomes a <see cref="PmsPatient"/>. Codes follow Open Dental's schema documentation (24.3).
/// </summary>
internal sealed record OpenDentalPatientRow(
    long PatNum,
    long Guarantor,
    string? FName,
    string? LName,
    string? MiddleI,
    string? Preferred,
    DateOnly? Birthdate,
    PmsGender Gender,
    PmsPatientStatus Status,
    string? Email,
    string? HmPhone,
    string? WirelessPhone,
    string? WkPhone,
    string? Address,
    string? Address2,
    string? City,
    string? State,
    string? Zip,
    long ClinicNum,
    long PriProv,
    DateTimeOffset? ChangedAt)
{
    public PmsPatient ToPmsPatient() => new(
        PmsId: PatientMapping.Id(PatNum),
        // A new patient is their own guarantor; OD briefly stores 0 before setting it (pitfall 7).
        GuarantorPmsId: PatientMapping.Id(Guarantor == 0 ? PatNum : Guarantor),
        FirstName: PatientMapping.Text(FName),
        LastName: PatientMapping.Text(LName),
        MiddleName: PatientMapping.Text(MiddleI),
        PreferredName: PatientMapping.Text(Preferred),
        BirthDate: Birthdate,
        Gender: Gender,
        Status: Status,
        Email: PatientMapping.Text(Email),
        Phones: new PmsPhones(PatientMapping.Text(HmPhone), PatientMapping.Text(WirelessPhone), PatientMapping.Text(WkPhone)),
        Address: new PmsAddress(
            PatientMapping.Text(Address), PatientMapping.Text(Address2), PatientMapping.Text(City),
            PatientMapping.Text(State), PatientMapping.Text(Zip)),
        ClinicId: PatientMapping.OptionalId(ClinicNum),
        PrimaryProviderId: PatientMapping.OptionalId(PriProv),
        ChangedAt: ChangedAt);
}

/// <summary>Open Dental's codes and conventions (0 = none, "" = empty, 0001-01-01 = no date).</summary>
internal static class PatientMapping
{
    /// <summary>Open Dental's "no date". Passed on, not dropped: the hub reports it as an import failure.</summary>
    public static readonly DateOnly NoDate = new(1, 1, 1);

    public static string Id(long num) => num.ToString(CultureInfo.InvariantCulture);

    public static string? OptionalId(long num) => num == 0 ? null : Id(num);

    public static string? Text(string? value) => string.IsNullOrWhiteSpace(value) ? null : value;

    // An unknown code (a newer Open Dental) becomes Inactive: the hub then neither messages nor
    // rewards the patient, which is the harmless mistake, and one odd row does not stop a sync.
    public static PmsPatientStatus Status(int code) => code switch
    {
        0 => PmsPatientStatus.Active,
        1 => PmsPatientStatus.NonPatient,
        2 => PmsPatientStatus.Inactive,
        3 => PmsPatientStatus.Archived,
        4 => PmsPatientStatus.Deleted,
        5 => PmsPatientStatus.Deceased,
        6 => PmsPatientStatus.Prospective,
        _ => PmsPatientStatus.Inactive,
    };

    /// <summary>The API spells statuses with Open Dental's enum names ("Patient", "Archived", ...).</summary>
    public static PmsPatientStatus Status(string name) => name.Trim().ToUpperInvariant() switch
    {
        "PATIENT" => PmsPatientStatus.Active,
        "NONPATIENT" => PmsPatientStatus.NonPatient,
        "INACTIVE" => PmsPatientStatus.Inactive,
        "ARCHIVED" => PmsPatientStatus.Archived,
        "DELETED" => PmsPatientStatus.Deleted,
        "DECEASED" => PmsPatientStatus.Deceased,
        "PROSPECTIVE" => PmsPatientStatus.Prospective,
        _ => PmsPatientStatus.Inactive,
    };

    public static PmsGender Gender(int code) => code switch
    {
        0 => PmsGender.Male,
        1 => PmsGender.Female,
        3 => PmsGender.Other,
        _ => PmsGender.Unknown,
    };

    public static PmsGender Gender(string name) => name.Trim().ToUpperInvariant() switch
    {
        "MALE" => PmsGender.Male,
        "FEMALE" => PmsGender.Female,
        "OTHER" => PmsGender.Other,
        _ => PmsGender.Unknown,
    };

    /// <summary>
    /// A birthdate as the API writes it ("yyyy-MM-dd", sometimes with a time). Anything unreadable,
    /// such as "0000-00-00", becomes <see cref="NoDate"/> so the hub reports it rather than losing it.
    /// </summary>
    public static DateOnly? BirthDate(string? value)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return null;
        }
        var datePart = value.Trim();
        datePart = datePart.Length > 10 ? datePart[..10] : datePart;
        return DateOnly.TryParseExact(datePart, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)
            ? date
            : NoDate;
    }
}
