namespace DentalHub.Connectors.Contract;

/// <summary>
/// A connector that can add a patient the PMS does not have yet (a profile made in DentalHub that is booked an
/// appointment). The new patient carries our reference where it can be read back (Open Dental: a patient field), and
/// is found again by it after an unknown outcome, never added twice.
/// </summary>
public interface IWritesNewPatients
{
    /// <summary>Adds one patient; <see cref="WriteOutcome.Written"/> carries the PMS's id for them. Outcomes are returned, not thrown.</summary>
    Task<WriteOutcome> WriteNewPatientAsync(PmsNewPatientWrite patient, CancellationToken cancellationToken);

    /// <summary>
    /// Looks in the PMS for the patient added earlier with this reference, or for the one patient added by this write whose
    /// answer was lost before our reference was stored (<see cref="FindOutcome.NeedsPerson"/> when several could be it).
    /// </summary>
    Task<FindOutcome> FindWrittenNewPatientAsync(PmsNewPatientWrite patient, CancellationToken cancellationToken);
}

/// <summary>
/// A patient to add. <see cref="Reference"/> is ours, unique per profile and connection. <see cref="RequestedOn"/> is the
/// practice's day the write was asked for: a patient added since then with the same name and birthdate may be this one.
/// <see cref="ProviderPmsId"/> and <see cref="ClinicPmsId"/> are what the PMS files a patient under (Open Dental: PriProv,
/// ClinicNum); null lets the PMS choose its default.
/// </summary>
public sealed record PmsNewPatientWrite(
    string Reference,
    string FirstName,
    string LastName,
    DateOnly BirthDate,
    PmsGender Gender,
    string? Email,
    string? Phone,
    string? ProviderPmsId,
    string? ClinicPmsId,
    DateOnly RequestedOn);
