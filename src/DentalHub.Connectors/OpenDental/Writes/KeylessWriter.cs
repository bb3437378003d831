using DentalHub.Connectors.Contract;
using DentalHub.Connectors.OpenDental.Adjustments;
using DentalHub.Connectors.OpenDental.Api;
using DentalHub.Connectors.OpenDental.Appointments;
using DentalHub.Connectors.OpenDental.Claims;
using DentalHub.Connectors.OpenDental.Commlogs;
using DentalHub.Connectors.OpenDental.Documents;
using DentalHub.Connectors.OpenDental.Patients;
using DentalHub.Connectors.OpenDental.Payments;

namespace DentalHub.Connectors.OpenDental.Writes;

/// <summary>
/// Every write of a database-mode connection without API keys: Open Dental takes writes from another program only
/// through its API, so each is refused with what to add, never attempted, and none can be looked for.
/// </summary>
internal sealed class KeylessWriter
    : IWritesPayments, IWritesCommlogs, IWritesAdjustments, IWritesAppointments, IWritesClaimUpdates, IWritesDocuments, IWritesNewPatients
{
    public static KeylessWriter Instance { get; } = new();

    public Task<WriteOutcome> WritePaymentAsync(PmsPaymentWrite payment, CancellationToken cancellationToken) => Refuse(PaymentMessages.NeedsKeys);

    public Task<FindOutcome> FindWrittenPaymentAsync(PmsPaymentWrite payment, CancellationToken cancellationToken) => CannotCheck(PaymentMessages.NeedsKeys);

    public Task<IReadOnlyList<PmsPaymentType>> ReadPaymentTypesAsync(CancellationToken cancellationToken) => CannotRead<PmsPaymentType>(PaymentMessages.NeedsKeys);

    public Task<WriteOutcome> WriteCommlogAsync(PmsCommlogWrite commlog, CancellationToken cancellationToken) => Refuse(CommlogMessages.NeedsKeys);

    public Task<FindOutcome> FindWrittenCommlogAsync(PmsCommlogWrite commlog, CancellationToken cancellationToken) => CannotCheck(CommlogMessages.NeedsKeys);

    public Task<WriteOutcome> WriteAdjustmentAsync(PmsAdjustmentWrite adjustment, CancellationToken cancellationToken) => Refuse(AdjustmentMessages.NeedsKeys);

    public Task<FindOutcome> FindWrittenAdjustmentAsync(PmsAdjustmentWrite adjustment, CancellationToken cancellationToken) => CannotCheck(AdjustmentMessages.NeedsKeys);

    public Task<IReadOnlyList<PmsAdjustmentType>> ReadAdjustmentTypesAsync(CancellationToken cancellationToken) =>
        CannotRead<PmsAdjustmentType>(AdjustmentMessages.NeedsKeys);

    public Task<WriteOutcome> WriteAppointmentAsync(PmsAppointmentWrite write, CancellationToken cancellationToken) => Refuse(AppointmentMessages.NeedsKeys);

    public Task<FindOutcome> FindWrittenAppointmentAsync(PmsAppointmentWrite write, CancellationToken cancellationToken) => CannotCheck(AppointmentMessages.NeedsKeys);

    /// <summary>No open slots to offer: the booking form checks the slot against what the hub holds instead.</summary>
    public Task<IReadOnlyList<PmsSlot>?> ReadOpenSlotsAsync(PmsSlotQuery query, CancellationToken cancellationToken) => Task.FromResult<IReadOnlyList<PmsSlot>?>(null);

    public Task<WriteOutcome> WriteClaimUpdateAsync(PmsClaimUpdate update, CancellationToken cancellationToken) => Refuse(ClaimUpdateMessages.NeedsKeys);

    public Task<FindOutcome> FindWrittenClaimUpdateAsync(PmsClaimUpdate update, CancellationToken cancellationToken) => CannotCheck(ClaimUpdateMessages.NeedsKeys);

    public Task<WriteOutcome> WriteDocumentAsync(PmsDocumentWrite document, CancellationToken cancellationToken) => Refuse(DocumentMessages.NeedsKeys);

    public Task<FindOutcome> FindWrittenDocumentAsync(PmsDocumentWrite document, CancellationToken cancellationToken) => CannotCheck(DocumentMessages.NeedsKeys);

    public Task<IReadOnlyList<PmsDocumentCategory>> ReadDocumentCategoriesAsync(CancellationToken cancellationToken) =>
        CannotRead<PmsDocumentCategory>(DocumentMessages.NeedsKeys);

    public Task<WriteOutcome> WriteNewPatientAsync(PmsNewPatientWrite patient, CancellationToken cancellationToken) => Refuse(NewPatientMessages.NeedsKeys);

    public Task<FindOutcome> FindWrittenNewPatientAsync(PmsNewPatientWrite patient, CancellationToken cancellationToken) => CannotCheck(NewPatientMessages.NeedsKeys);

    private static Task<WriteOutcome> Refuse(string needsKeys) => Task.FromResult<WriteOutcome>(new WriteOutcome.Refused(needsKeys));

    private static Task<FindOutcome> CannotCheck(string needsKeys) => Task.FromResult<FindOutcome>(new FindOutcome.CouldNotCheck(needsKeys));

    private static Task<IReadOnlyList<T>> CannotRead<T>(string needsKeys) => Task.FromException<IReadOnlyList<T>>(new OpenDentalApiException(needsKeys));
}
