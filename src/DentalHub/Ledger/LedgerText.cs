namespace DentalHub.Ledger;

/// <summary>Ledger lines in the words a billing coordinator uses.</summary>
public static class LedgerText
{
    public static string Kind(LedgerEntryKind kind) => kind switch
    {
        LedgerEntryKind.Charge => "Charge",
        LedgerEntryKind.PatientPayment => "Payment",
        LedgerEntryKind.InsurancePayment => "Insurance payment",
        LedgerEntryKind.WriteOff => "Write-off",
        LedgerEntryKind.Adjustment => "Adjustment",
    };
}
