using DentalHub.Connectors.Contract;

namespace DentalHub.Connectors.OpenDental.Patients;

/// <summary>A database-mode connection without API keys: Open Dental adds patients for another program only through its API.</summary>
internal sealed class KeylessNewPatientWriter : IWritesNewPatients
{
    public static KeylessNewPatientWriter Instance { get; } = new();

    public Task<WriteOutcome> WriteNewPatientAsync(PmsNewPatientWrite patient, CancellationToken cancellationToken) =>
        Task.FromResult<WriteOutcome>(new WriteOutcome.Refused(NewPatientMessages.NeedsKeys));

    public Task<FindOutcome> FindWrittenNewPatientAsync(PmsNewPatientWrite patient, CancellationToken cancellationToken) =>
        Task.FromResult<FindOutcome>(new FindOutcome.CouldNotCheck(NewPatientMessages.NeedsKeys));
}
