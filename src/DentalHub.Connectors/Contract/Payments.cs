namespace DentalHub.Connectors.Contract;

/// <summary>
/// One event a payment processor reported: the envelope every event has, plus what it means for the
/// practice (<see cref="Payload"/>). Hosts switch on the payload's type.
/// </summary>
/// <param name="EventId">The processor's event id; deliveries repeat, so store it and skip repeats.</param>
/// <param name="Account">The connected account the event came from (platform setups), else null.</param>
public sealed record PaymentEvent(
    string EventId,
    string Type,
    DateTimeOffset CreatedAt,
    bool LiveMode,
    string? Account,
    PaymentEventPayload Payload);

/// <summary>What a processor event means for DentalHub; one of the records below.</summary>
public abstract record PaymentEventPayload;

/// <summary>An event DentalHub does not act on; the reason says why, for the delivery log.</summary>
public sealed record IgnoredEvent(string Reason) : PaymentEventPayload;

/// <summary>
/// A payment that went through, keyed by <see cref="ChargeId"/>. Several events report the same payment
/// (and each can be delivered more than once, in any order), so the host upserts by charge id: the first
/// report creates the payment, later ones only fill in what it still lacks (a known
/// <see cref="Channel"/>, <see cref="Settlement"/>, patient hints), and none creates a second payment.
/// </summary>
/// <param name="Amount">What the patient paid (captured), in <see cref="Currency"/>.</param>
/// <param name="Channel">Where the card was: at the practice's terminal, or online.</param>
/// <param name="BalanceTransactionId">Where the fee will be found; null until the processor settled.</param>
/// <param name="Settlement">Fee and net; null until known (a later <see cref="ProcessorFeeUpdate"/> fills it).</param>
public sealed record ProcessorPayment(
    string ChargeId,
    string? PaymentIntentId,
    decimal Amount,
    string Currency,
    PaymentChannel Channel,
    DateTimeOffset ProcessedAt,
    PaymentPatientHints Patient,
    PatientData? Description,
    string? BalanceTransactionId,
    ProcessorSettlement? Settlement) : PaymentEventPayload;

public enum PaymentChannel
{
    /// <summary>The report did not say (a payment-intent event without its charge); a later one will.</summary>
    Unknown,
    /// <summary>A card read by the practice's terminal.</summary>
    CardPresent,
    /// <summary>Card not present: online, patient portal, saved card, subscription.</summary>
    Online,
}

/// <summary>
/// What the processor knows about who paid. The ids come from metadata DentalHub (or the practice)
/// attached; name and e-mail are what the payer typed and are only hints for matching.
/// </summary>
public sealed record PaymentPatientHints(
    string? DentalHubPatientId,
    string? PmsPatientId,
    PatientData? BillingName,
    PatientData? BillingEmail)
{
    public static PaymentPatientHints None { get; } = new(null, null, null, null);
}

/// <summary>
/// A value that may identify a patient. It prints as a placeholder so it cannot leak into a log line
/// or exception message by accident; read <see cref="Value"/> deliberately.
/// </summary>
public sealed record PatientData(string Value)
{
    public override string ToString() => "[patient data]";
}

/// <summary>
/// How a processor movement settled into the practice's balance. Amounts are in <see cref="Currency"/>,
/// the settlement currency, which can differ from the payment's currency.
/// </summary>
/// <param name="Amount">Gross; negative when money left the balance.</param>
/// <param name="Fee">What the processor kept; negative when a fee was given back.</param>
/// <param name="Net">Amount minus fee: what reaches the bank through a payout.</param>
/// <param name="ReportingCategory">The processor's accounting group (charge, refund, dispute, payout, ...).</param>
/// <param name="SourceId">What moved the money: a charge, refund, dispute or payout id.</param>
public sealed record ProcessorSettlement(
    string BalanceTransactionId,
    decimal Amount,
    decimal Fee,
    decimal Net,
    string Currency,
    string? ReportingCategory,
    string? SourceId);

/// <summary>
/// The fee of a payment became known, or can now be fetched. When <see cref="Settlement"/> is null the
/// event only named the balance transaction: fetch <see cref="BalanceTransactionId"/> to learn the fee.
/// </summary>
public sealed record ProcessorFeeUpdate(
    string ChargeId,
    string BalanceTransactionId,
    ProcessorSettlement? Settlement) : PaymentEventPayload
{
    public bool MustFetchBalanceTransaction => Settlement is null;
}

/// <summary>One refund of a payment, keyed by <see cref="RefundId"/>.</summary>
public sealed record ProcessorRefund(
    string RefundId,
    string? ChargeId,
    decimal Amount,
    string Currency,
    RefundStatus Status,
    DateTimeOffset CreatedAt,
    string? BalanceTransactionId) : PaymentEventPayload;

public enum RefundStatus
{
    Unknown,
    Pending,
    RequiresAction,
    Succeeded,
    Failed,
    Canceled,
}

/// <summary>
/// A payment's refunded total changed. <see cref="AmountRefunded"/> is cumulative over all its refunds;
/// the refunds themselves arrive as <see cref="ProcessorRefund"/>.
/// </summary>
public sealed record ProcessorChargeRefunded(
    string ChargeId,
    decimal AmountRefunded,
    string Currency,
    bool FullyRefunded) : PaymentEventPayload;

/// <summary>
/// A card dispute (chargeback or inquiry) on a payment. <see cref="BalanceTransactions"/> holds the
/// money it moved: the withdrawal with its dispute fee, and the reinstatement if the practice won.
/// </summary>
public sealed record ProcessorDispute(
    string DisputeId,
    string? ChargeId,
    decimal Amount,
    string Currency,
    DisputeStatus Status,
    string? Reason,
    IReadOnlyList<ProcessorSettlement> BalanceTransactions) : PaymentEventPayload
{
    /// <summary>Dispute fees net of any refunded fee; zero while nothing moved.</summary>
    public decimal Fee => BalanceTransactions.Sum(t => t.Fee);

    /// <summary>What the dispute has cost the balance so far, fees included.</summary>
    public decimal Net => BalanceTransactions.Sum(t => t.Net);
}

public enum DisputeStatus
{
    Unknown,
    WarningNeedsResponse,
    WarningUnderReview,
    WarningClosed,
    NeedsResponse,
    UnderReview,
    Won,
    Lost,
    Prevented,
}

/// <summary>
/// A transfer from the processor to the practice's bank. A paid payout can still fail later, so the
/// deposit drafted from it must be reversible.
/// </summary>
/// <param name="Automatic">Only automatic payouts can be broken down into their transactions.</param>
/// <param name="Reconciliation">Null when the processor did not say; itemise only once Completed.</param>
public sealed record ProcessorPayout(
    string PayoutId,
    decimal Amount,
    string Currency,
    DateOnly ArrivalDate,
    PayoutStatus Status,
    bool Automatic,
    PayoutReconciliation? Reconciliation,
    string? FailureCode,
    string? FailureMessage,
    string? BalanceTransactionId,
    string? FailureBalanceTransactionId) : PaymentEventPayload;

public enum PayoutStatus
{
    Unknown,
    Pending,
    InTransit,
    Paid,
    Failed,
    Canceled,
}

public enum PayoutReconciliation
{
    NotApplicable,
    InProgress,
    Completed,
}
