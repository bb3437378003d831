namespace DentalHub.Connectors.Contract;

/// <summary>
/// A connector that can post adjustments (credits and debits with a type: a membership discount, a refund) to a
/// patient's account in the PMS. Like payments, an adjustment carries our reference and is found again by it after
/// an unknown outcome, never sent blind twice.
/// </summary>
public interface IWritesAdjustments
{
    /// <summary>Posts one adjustment. Outcomes are returned, not thrown.</summary>
    Task<WriteOutcome> WriteAdjustmentAsync(PmsAdjustmentWrite adjustment, CancellationToken cancellationToken);

    /// <summary>Looks in the PMS for an adjustment posted earlier with this adjustment's reference.</summary>
    Task<FindOutcome> FindWrittenAdjustmentAsync(PmsAdjustmentWrite adjustment, CancellationToken cancellationToken);

    /// <summary>The PMS's adjustment types, for the writeback settings and the form (Open Dental: definitions of category 1).</summary>
    Task<IReadOnlyList<PmsAdjustmentType>> ReadAdjustmentTypesAsync(CancellationToken cancellationToken);
}

/// <summary>
/// An adjustment to post. <see cref="Amount"/> is signed by its effect on what the patient owes, as the ledger is:
/// a debit (a refund paid out, a fee) is positive, a credit (a discount) negative. <see cref="Date"/> is the
/// practice's day. <see cref="PmsProviderId"/> null lets the PMS choose (Open Dental: the patient's primary provider).
/// <see cref="Reference"/> is ours, stored where it can be read back (Open Dental: in AdjNote).
/// </summary>
public sealed record PmsAdjustmentWrite(
    string Reference,
    string PmsPatientId,
    decimal Amount,
    DateOnly Date,
    string AdjustmentTypeId,
    string? PmsProviderId,
    string Note);

/// <summary>An adjustment type of the PMS and which way it moves a balance.</summary>
public sealed record PmsAdjustmentType(string Id, string Name, AdjustmentEffect Effect, bool Hidden);

public enum AdjustmentEffect
{
    /// <summary>Adds to what the patient owes (Open Dental: ItemValue "+").</summary>
    Debit,

    /// <summary>Takes from what the patient owes (Open Dental: ItemValue "-").</summary>
    Credit,
}
