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
/// What is planned or done on it, with fees: the appointment's cost. Null when the connector cannot read
/// them, as opposed to empty: read, and none attached.
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

/// <param name="Fee">The procedure's fee in the PMS's currency (positive: what it costs).</param>
public sealed record PmsAppointmentProcedure(string PmsId, string? Code, string? Description, decimal Fee);

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
