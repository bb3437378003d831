using DentalHub.Tenancy;

namespace DentalHub.Insurance.ClaimUpdates;

/// <summary>
/// A change to where a patient's insurance claim stands, asked for in DentalHub (marked sent, received, back in the
/// send queue, on hold): written to the PMS exactly once by the writeback command whose subject this is, committed with it.
/// </summary>
public sealed class ClaimUpdate : IPracticeOwned
{
    public Guid Id { get; init; } = Guid.CreateVersion7();
    public Guid PracticeId { get; init; }
    public Guid PatientId { get; init; }

    /// <summary>The claim: its connection and PMS id (Open Dental: ClaimNum).</summary>
    public Guid ConnectionId { get; init; }

    public required string ClaimPmsId { get; init; }

    /// <summary>Where the claim stood when the change was asked for; the PMS is changed only from there.</summary>
    public ClaimStatus From { get; init; }

    public ClaimStatus To { get; init; }

    /// <summary>The practice's day the claim was sent or received; null for the other statuses.</summary>
    public DateOnly? Date { get; init; }

    public required string EnteredBy { get; init; }
    public DateTimeOffset EnteredAt { get; init; }
}
