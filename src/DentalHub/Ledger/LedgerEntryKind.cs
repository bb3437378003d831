namespace DentalHub.Ledger;

/// <summary>What a ledger line is. Its sign is in <see cref="LedgerEntry.Amount"/>: a charge is positive, a payment negative.</summary>
public enum LedgerEntryKind
{
    Charge,
    PatientPayment,
    InsurancePayment,
    WriteOff,

    /// <summary>Either way: a debit adjustment is positive, a credit adjustment (a discount, a reversal) negative.</summary>
    Adjustment,
}
