using DentalHub.Connectors.Contract;

namespace DentalHub.Adjustments;

/// <summary>
/// An adjustment as a person enters it: how much (more than zero), whether it is a credit or a debit, the PMS type
/// (null: the practice's default for discounts or refunds), the practice's day (null: today) and a note.
/// </summary>
public sealed record AdjustmentInput(decimal Amount, AdjustmentEffect Effect, string? TypeId, DateOnly? Date, string? Note);

/// <summary>What the "Add adjustment" form offers for one patient: where it goes and the practice's defaults.</summary>
/// <param name="System">The PMS the patient's adjustments go to; null when none can take them (<paramref name="NotPossible"/> says why).</param>
public sealed record AdjustmentForm(
    string? System,
    bool WritebackOn,
    string? DiscountType,
    string? RefundType,
    string? NotPossible)
{
    public string? DefaultType(AdjustmentEffect effect) => effect == AdjustmentEffect.Credit ? DiscountType : RefundType;
}

/// <summary>An adjustment and where it is in the PMS.</summary>
public sealed record AdjustmentLine(
    Guid Id, decimal Amount, DateOnly Date, string Type, string Note, string EnteredBy, DateTimeOffset EnteredAt, Writeback.PmsLogState State);
