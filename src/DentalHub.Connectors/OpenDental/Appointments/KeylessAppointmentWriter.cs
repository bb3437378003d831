using DentalHub.Connectors.Contract;

namespace DentalHub.Connectors.OpenDental.Appointments;

/// <summary>A database-mode connection without API keys: Open Dental takes appointment writes only through its API.</summary>
internal sealed class KeylessAppointmentWriter : IWritesAppointments
{
    public static KeylessAppointmentWriter Instance { get; } = new();

    public Task<WriteOutcome> WriteAppointmentAsync(PmsAppointmentWrite write, CancellationToken cancellationToken) =>
        Task.FromResult<WriteOutcome>(new WriteOutcome.Refused(AppointmentMessages.NeedsKeys));

    public Task<FindOutcome> FindWrittenAppointmentAsync(PmsAppointmentWrite write, CancellationToken cancellationToken) =>
        Task.FromResult<FindOutcome>(new FindOutcome.CouldNotCheck(AppointmentMessages.NeedsKeys));

    public Task<IReadOnlyList<PmsSlot>?> ReadOpenSlotsAsync(PmsSlotQuery query, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<PmsSlot>?>(null);
}
