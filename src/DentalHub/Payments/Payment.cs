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

    /// <summary>Where the payment came from; a later processor report may correct a guess (see <see cref="SourceKnown"/>).</summary>
    public PaymentSource Source { get; set; }

    /// <summary>False while the processor has not said whether a card was read by the practice's terminal or online.</summary>
    public bool SourceKnown { get; set; } = true;

    public decimal Gross { get; init; }
    public decimal Fee { get; set; }

    /// <summary>False while the processor has not reported its fee (it settles after the payment, reported by a later event).</summary>
    public bool FeeKnown { get; set; } = true;

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

    /// <summary>
    /// Set when the processor reported details after the payment was sent to the PMS and what the PMS has
    /// differs from them: what to correct there, in plain words. The PMS record is never changed silently.
    /// </summary>
    public string? Discrepancy { get; set; }

    /// <summary>Changes with every update, so two updates at once (two processor events, an assignment) never both write.</summary>
    public int Version { get; set; }
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
