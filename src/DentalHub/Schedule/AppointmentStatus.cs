namespace DentalHub.Schedule;

/// <summary>Where an appointment stands, as the PMS says (<see cref="Connectors.Contract.PmsAppointmentStatus"/>).</summary>
public enum AppointmentStatus
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
