using DentalHub.Connectors.Contract;
using DentalHub.Tenancy;

namespace DentalHub.Payments.RefundsAndDisputes;

/// <summary>
/// Money given back on a payment, as the processor (or a caller of the API) reported it. Recorded
/// against its payment and never written to the PMS. Found by <see cref="PaymentReference"/>, so a
/// refund that arrives before its payment is kept and belongs to it the moment the payment is stored.
/// </summary>
public sealed class PaymentRefund : IPracticeOwned
{
    public Guid Id { get; init; } = Guid.CreateVersion7();
    public Guid PracticeId { get; init; }

    /// <summary>The processor's refund id (Stripe re_…), or the caller's reference for the API. Unique per practice.</summary>
    public required string RefundId { get; init; }

    public required string Processor { get; init; }

    /// <summary>The payment's processor reference (<see cref="Payment.ProcessorReference"/>); null when the processor did not say.</summary>
    public string? PaymentReference { get; set; }

    public decimal Amount { get; set; }
    public required string Currency { get; set; }
    public RefundStatus Status { get; set; }
    public DateTimeOffset RefundedAt { get; set; }

    /// <summary>When the newest report applied was made: an older report arriving later changes only the history.</summary>
    public DateTimeOffset AsOf { get; set; }

    public DateTimeOffset ReceivedAt { get; init; }
}

/// <summary>A card dispute (chargeback or inquiry) on a payment; never written to the PMS.</summary>
public sealed class PaymentDispute : IPracticeOwned
{
    public Guid Id { get; init; } = Guid.CreateVersion7();
    public Guid PracticeId { get; init; }

    /// <summary>The processor's dispute id (Stripe dp_…). Unique per practice.</summary>
    public required string DisputeId { get; init; }

    public string? PaymentReference { get; set; }
    public decimal Amount { get; set; }
    public required string Currency { get; set; }
    public DisputeStatus Status { get; set; }
    public string? Reason { get; set; }

    /// <summary>Dispute fees so far (net of any given back), and what the dispute has cost the balance, fees included.</summary>
    public decimal Fee { get; set; }
    public decimal Net { get; set; }

    public DateTimeOffset AsOf { get; set; }
    public DateTimeOffset ReceivedAt { get; init; }
}

public enum ChangeSubject
{
    Refund,
    Dispute,

    /// <summary>The processor's running total refunded on a payment (Stripe charge.refunded); ExternalId is the payment's reference.</summary>
    RefundedTotal,
}

/// <summary>Every status a refund or dispute passed through (and each refunded total reported), with the time the processor reported it.</summary>
public sealed class RefundOrDisputeChange : IPracticeOwned
{
    public Guid Id { get; init; } = Guid.CreateVersion7();
    public Guid PracticeId { get; init; }
    public ChangeSubject Subject { get; init; }
    public required string ExternalId { get; init; }
    public string? PaymentReference { get; init; }
    public required string Status { get; init; }
    public decimal Amount { get; init; }
    public DateTimeOffset At { get; init; }
    public DateTimeOffset ReceivedAt { get; init; }
}
