namespace DentalHub.Connectors.Contract;

/// <summary>
/// A connector that can book and change appointments in the PMS. A booking carries our reference where it can be
/// read back (Open Dental: the appointment's Note) and is found again by it; a confirmation, cancellation or move is
/// found by reading the appointment and seeing it already as wanted. Nothing is sent blind twice.
/// </summary>
public interface IWritesAppointments
{
    /// <summary>Sends one booking or change. Outcomes are returned, not thrown.</summary>
    Task<WriteOutcome> WriteAppointmentAsync(PmsAppointmentWrite write, CancellationToken cancellationToken);

    /// <summary>Looks in the PMS for the booking (by its reference) or the change (the appointment already as wanted).</summary>
    Task<FindOutcome> FindWrittenAppointmentAsync(PmsAppointmentWrite write, CancellationToken cancellationToken);

    /// <summary>
    /// The open slots the PMS itself offers on a day (Open Dental: <c>GET /appointments/Slots</c>), or null when it
    /// has no such question or could not answer it; the hub then relies on its own check of the synced schedule.
    /// </summary>
    Task<IReadOnlyList<PmsSlot>?> ReadOpenSlotsAsync(PmsSlotQuery query, CancellationToken cancellationToken);
}

/// <summary>What a write does to an appointment.</summary>
public enum AppointmentWriteAction
{
    /// <summary>Puts a new appointment on the schedule.</summary>
    Book,

    /// <summary>Moves an appointment to another time, provider or chair (the values given are where it ends up).</summary>
    Move,

    Confirm,

    /// <summary>Takes it off the schedule as cancelled (Open Dental: broken, cancelled).</summary>
    Cancel,
}

/// <summary>
/// One booking or change. <see cref="Reference"/> is ours, unique per write; a booking stores it where it can be read
/// back. <see cref="AppointmentPmsId"/> is the PMS's appointment for a move, confirmation or cancellation (null for a
/// booking). <see cref="StartLocal"/> is the PMS's wall clock, unzoned like every PMS time.
/// A booking needs a provider, a chair, a start and a length or an appointment type.
/// </summary>
public sealed record PmsAppointmentWrite(
    string Reference,
    AppointmentWriteAction Action,
    string PmsPatientId,
    string? AppointmentPmsId,
    string? ProviderPmsId,
    string? OperatoryPmsId,
    DateTime? StartLocal,
    int? LengthMinutes,
    string? AppointmentTypePmsId,
    string Note);

/// <summary>A question for open slots on a day, for a length, optionally of one provider or chair.</summary>
public sealed record PmsSlotQuery(DateOnly Date, int LengthMinutes, string? ProviderPmsId, string? OperatoryPmsId);

/// <summary>A time the PMS says is open, in its wall clock.</summary>
public sealed record PmsSlot(DateTime StartLocal, DateTime EndLocal, string? ProviderPmsId, string? OperatoryPmsId);
