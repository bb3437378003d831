namespace DentalHub.Connectors.Contract;

/// <summary>A connector that can read the practice's appointments, deleted ones reported as deleted.</summary>
public interface IReadsAppointments
{
    IChangeFeed<PmsAppointment> Appointments { get; }
}

/// <summary>
/// An appointment as the PMS holds it. Times are the practice's wall clock, as the PMS stores them
/// (<see cref="DateTimeKind.Unspecified"/>); the hub converts them with the practice's time zone.
/// </summary>
/// <param name="StartLocal">When it starts; null when it has no time (an appointment on the unscheduled list, a planned one).</param>
/// <param name="LengthMinutes">How long it is booked for, in minutes.</param>
/// <param name="Procedures">
/// What is planned or done on it, with fees (the appointment's cost) and insurance estimates. Null when the
/// connector cannot read them, as opposed to empty: read, and none attached.
/// </param>
/// <param name="IsNewPatient">The PMS marks this as the patient's first visit.</param>
public sealed record PmsAppointment(
    string PmsId,
    string? PatientPmsId,
    string? ProviderPmsId,
    string? HygienistPmsId,
    string? OperatoryPmsId,
    string? ClinicPmsId,
    string? AppointmentTypePmsId,
    DateTime? StartLocal,
    int LengthMinutes,
    PmsAppointmentStatus Status,
    string? Confirmation,
    bool IsNewPatient,
    string? Note,
    IReadOnlyList<PmsAppointmentProcedure>? Procedures) : IPmsRecord;

/// <summary>
/// A procedure on an appointment. The three amounts after the fee are the PMS's insurance estimate for it, as its
/// treatment plan shows it; each is null when the connector cannot read estimates (not zero: a patient with no
/// insurance has an estimate of 0 and a patient portion of the whole fee).
/// </summary>
/// <param name="Fee">The procedure's fee in the PMS's currency (positive: what it costs).</param>
/// <param name="InsuranceEstimate">
/// What insurance is expected to pay for it, every coverage together (primary, secondary, ...); once a claim is
/// received, what it paid.
/// </param>
/// <param name="WriteOffEstimate">What the office is expected to write off (a PPO's contracted discount); once received, what was written off.</param>
/// <param name="PatientPortion">What is left for the patient: the fee less insurance and write-offs, never below zero.</param>
public sealed record PmsAppointmentProcedure(
    string PmsId,
    string? Code,
    string? Description,
    decimal Fee,
    decimal? InsuranceEstimate = null,
    decimal? WriteOffEstimate = null,
    decimal? PatientPortion = null);

public enum PmsAppointmentStatus
{
    Scheduled,
    Complete,

    /// <summary>Broken or missed (no-show).</summary>
    Broken,

    Cancelled,

    /// <summary>On the unscheduled (ASAP) list: not on the schedule.</summary>
    Unscheduled,

    /// <summary>Planned in treatment, not yet scheduled.</summary>
    Planned,
}
