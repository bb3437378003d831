using DentalHub.Tenancy;

namespace DentalHub.Patients;

/// <summary>
/// Staff notes a person sent to the PMS, as they were when sent: filed on the patient's chart as a communication log
/// by the writeback command whose subject this is.
/// </summary>
public sealed class PatientNoteSent : IPracticeOwned
{
    public Guid Id { get; init; } = Guid.CreateVersion7();
    public Guid PracticeId { get; init; }
    public Guid PatientId { get; init; }
    public required string Text { get; init; }
    public required string SentBy { get; init; }
    public DateTimeOffset At { get; init; }
}
