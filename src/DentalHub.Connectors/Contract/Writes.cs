namespace DentalHub.Connectors.Contract;

/// <summary>
/// A connector that can record payments in the PMS ledger. Writes carry our reference and must be
/// safe to repeat only through <see cref="FindWrittenPaymentAsync"/>: after an unknown outcome the
/// engine asks whether the payment is there before it ever sends again.
/// </summary>
public interface IWritesPayments
{
    /// <summary>Sends one payment. Outcomes are returned, not thrown.</summary>
    Task<WriteOutcome> WritePaymentAsync(PmsPaymentWrite payment, CancellationToken cancellationToken);

    /// <summary>Looks in the PMS for a payment written earlier with this payment's reference.</summary>
    Task<FindOutcome> FindWrittenPaymentAsync(PmsPaymentWrite payment, CancellationToken cancellationToken);

    /// <summary>The PMS's payment types, for the writeback settings (Open Dental: definitions of category 10).</summary>
    Task<IReadOnlyList<PmsPaymentType>> ReadPaymentTypesAsync(CancellationToken cancellationToken);
}

/// <summary>
/// A payment to record. <see cref="Reference"/> is ours, unique per payment, and the connector stores
/// it where it can read it back (Open Dental: in PayNote).
/// </summary>
public sealed record PmsPaymentWrite(
    string Reference,
    string PmsPatientId,
    decimal Amount,
    DateOnly PayDate,
    string? PaymentTypeId,
    PaymentAllocation Allocation,
    string Note);

public enum PaymentAllocation
{
    /// <summary>The PMS spreads the payment across the family's balances as it normally would.</summary>
    PmsDecides,

    /// <summary>The payment is applied to this patient only.</summary>
    PatientOnly,
}

public sealed record PmsPaymentType(string Id, string Name, bool Hidden);

/// <summary>What happened to a write.</summary>
public abstract record WriteOutcome
{
    private WriteOutcome()
    {
    }

    /// <summary>The PMS confirmed it; <paramref name="TargetId"/> is its own id (Open Dental PayNum).</summary>
    public sealed record Written(string TargetId) : WriteOutcome;

    /// <summary>
    /// The target said no, in a way that sending the same again will not change (bad patient, closed period).
    /// <paramref name="Details"/> holds every error the target listed, not only the first.
    /// </summary>
    public sealed record Refused(string Reason, IReadOnlyList<string>? Details = null) : WriteOutcome
    {
        public string FullText => Details is { Count: > 0 } ? $"{Reason} {string.Join(" ", Details)}" : Reason;
    }

    /// <summary>Certainly not written (throttled, unavailable before the request was taken): send again later.</summary>
    public sealed record TryLater(string Reason, TimeSpan? After) : WriteOutcome;

    /// <summary>May or may not have been written (timeout, connection dropped after sending): reconcile, never resend blind.</summary>
    public sealed record Unknown(string Reason) : WriteOutcome;

    /// <summary>
    /// Taken by a target that writes later (a 202 from a service in front of the PMS), or perhaps taken: not written yet.
    /// It is confirmed by the target's report or by finding it, and never sent again by the engine.
    /// <paramref name="Waiting"/> is what staff read meanwhile, naming the systems ("Sent to NexHealth, waiting for Dentrix.").
    /// </summary>
    public sealed record Accepted(string Waiting) : WriteOutcome;

    /// <summary>
    /// Certainly not written, and nothing will be until a person acts on the connection (authorization revoked,
    /// subscription lapsed, app throttled for the month). Shown once on the connection, not as a failure per write.
    /// </summary>
    public sealed record Unavailable(string Reason, TimeSpan? After = null) : WriteOutcome;
}

/// <summary>
/// A connector whose writes reach the PMS after the call returns and whose reads lag behind (NexHealth's read cycle): not
/// finding a write is no proof it is absent, so the engine never sends again on <see cref="FindOutcome.NotFound"/>; it waits
/// for the target's report (<see cref="IReceivesPmsEvents"/>) or for the write to appear, and then a person decides.
/// </summary>
public interface IConfirmsWritesLater
{
    /// <summary>What staff read while a write waits, naming the systems ("Sent to NexHealth, waiting for Dentrix.").</summary>
    string WaitingText { get; }
}

/// <summary>What a reconciliation found.</summary>
public abstract record FindOutcome
{
    private FindOutcome()
    {
    }

    public sealed record Found(string TargetId) : FindOutcome;

    public sealed record NotFound : FindOutcome;

    public sealed record CouldNotCheck(string Reason) : FindOutcome;

    /// <summary>The target holds more than one record that could be this write: a person says which (sending again could double it).</summary>
    public sealed record NeedsPerson(string Reason) : FindOutcome;
}
