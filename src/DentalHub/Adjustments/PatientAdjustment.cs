using DentalHub.Tenancy;

namespace DentalHub.Adjustments;

/// <summary>
/// A credit or debit staff (or an API key) posted to a patient's account in the PMS, as entered: posted exactly once by
/// the writeback command whose subject this is, committed with it.
/// </summary>
public sealed class PatientAdjustment : IPracticeOwned
{
    public Guid Id { get; init; } = Guid.CreateVersion7();
    public Guid PracticeId { get; init; }
    public Guid PatientId { get; init; }

    /// <summary>Signed by its effect on what the patient owes: a debit positive, a credit negative.</summary>
    public decimal Amount { get; init; }

    /// <summary>The practice's day the adjustment is dated.</summary>
    public DateOnly Date { get; init; }

    /// <summary>The PMS's adjustment type (Open Dental: DefNum) and its name when it was entered, if the PMS could be asked.</summary>
    public required string TypeId { get; init; }

    public string? TypeName { get; init; }

    public required string Note { get; init; }
    public required string EnteredBy { get; init; }
    public DateTimeOffset EnteredAt { get; init; }
}
