using DentalHub.Payments;
using DentalHub.Tenancy;

namespace DentalHub.Payouts;

/// <summary>
/// Money the processor sent to the practice's bank, itemized, and the one deposit it becomes in the books.
/// Unique per practice by <see cref="ProcessorPayoutId"/>.
/// </summary>
public sealed class Payout : IPracticeOwned
{
    public Guid Id { get; init; } = Guid.CreateVersion7();
    public Guid PracticeId { get; init; }

    /// <summary>The processor connection that reported it; null for payouts posted through the API.</summary>
    public Guid? ProcessorConnectionId { get; init; }

    /// <summary>"stripe", or "api".</summary>
    public required string Processor { get; init; }

    public required string ProcessorPayoutId { get; init; }
    public DateOnly ArrivalDate { get; set; }
    public required string Currency { get; init; }

    /// <summary>What the bank receives: the amount every deposit line must add up to.</summary>
    public decimal NetAmount { get; set; }

    /// <summary>Sums of the items, for display: gross sales and all fees.</summary>
    public decimal Gross { get; set; }
    public decimal Fees { get; set; }

    public PayoutState Status { get; set; }

    /// <summary>Why it is held, waiting or reversed, in words a bookkeeper can act on.</summary>
    public string? HeldReason { get; set; }

    /// <summary>Net minus the sum of the planned lines, when they do not match.</summary>
    public decimal? Difference { get; set; }

    /// <summary>The accounting connection the deposit goes to.</summary>
    public Guid? AccountingConnectionId { get; set; }

    /// <summary>The books' id of the deposit (QuickBooks Online Deposit.Id) once written.</summary>
    public string? DepositId { get; set; }

    /// <summary>The deposit's total as the books computed it, read back after writing.</summary>
    public decimal? ReadBackTotal { get; set; }

    /// <summary>Every error the books listed when they refused the deposit (JSON array of strings).</summary>
    public string ErrorDetailsJson { get; set; } = "[]";

    /// <summary>Increases whenever the deposit is planned again (after a fix); part of the idempotency key.</summary>
    public int PlanVersion { get; set; }

    /// <summary>The processor's own state of the payout; a payout can fail after it was reported paid.</summary>
    public bool ProcessorFailed { get; set; }

    public DateTimeOffset CreatedAt { get; init; }
    public DateTimeOffset UpdatedAt { get; set; }

    public List<PayoutItem> Items { get; init; } = [];
}

public enum PayoutState
{
    /// <summary>Waiting for the processor's breakdown, or queued to be written.</summary>
    Pending,

    /// <summary>Not sent: the lines do not add up, the accounts are not mapped or no longer valid, or a person must decide.</summary>
    Held,

    Posted,

    /// <summary>The books refused the deposit; every error is kept.</summary>
    Failed,

    /// <summary>The processor reported the payout failed: the money never reached the bank.</summary>
    Reversed,
}

/// <summary>One movement inside a payout (a processor balance transaction, or a line sent through the API).</summary>
public sealed class PayoutItem : IPracticeOwned
{
    public Guid Id { get; init; } = Guid.CreateVersion7();
    public Guid PracticeId { get; init; }
    public Guid PayoutId { get; init; }
    public PayoutItemCategory Category { get; init; }

    /// <summary>The charge, refund, dispute or fee id that moved the money.</summary>
    public string? SourceId { get; init; }

    public decimal Gross { get; init; }
    public decimal Fee { get; init; }
    public decimal Net { get; init; }

    /// <summary>For charges: where the payment came from, from our payment with this charge id, else by channel.</summary>
    public PaymentSource? SourceType { get; init; }
}

public enum PayoutItemCategory
{
    Charge,
    Refund,
    Dispute,

    /// <summary>Fees billed on their own (not on a charge).</summary>
    Fee,

    /// <summary>Anything else: reserves, failed refunds, money returned from an earlier failed payout.</summary>
    Adjustment,
}
