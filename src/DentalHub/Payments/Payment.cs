using DentalHub.Tenancy;

namespace DentalHub.Payments;

/// <summary>
/// Money a patient paid, as the processor reported it. Refunds and disputes are recorded against it
/// and never written back; the payment itself is written to the PMS at most once.
/// </summary>
public sealed class Payment : IPracticeOwned
{
    public Guid Id { get; init; } = Guid.CreateVersion7();
    public Guid PracticeId { get; init; }

    /// <summary>Null while nobody has said whose payment it is: it is kept and shown for a person to assign.</summary>
    public Guid? PatientId { get; set; }

    public PaymentSource Source { get; init; }
    public decimal Gross { get; init; }
    public decimal Fee { get; set; }
    public decimal Net { get; set; }
    public required string Currency { get; init; }

    /// <summary>The processor's id (a Stripe charge id, or the caller's id for API payments). Unique per practice.</summary>
    public required string ProcessorReference { get; init; }

    public required string Processor { get; init; }
    public DateTimeOffset ProcessedAt { get; init; }
    public DateTimeOffset ReceivedAt { get; init; }
    public string? Description { get; init; }

    /// <summary>Why no writeback was queued (writeback off for this type, left for staff, no PMS link), in plain words.</summary>
    public string? WritebackNote { get; set; }
}

public enum PaymentSource
{
    CardTerminal,
    Portal,
    BalanceCollection,
    PaymentPlan,
    Membership,
    Insurance,
}
