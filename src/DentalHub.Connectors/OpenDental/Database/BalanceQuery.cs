using DentalHub.Connectors.Contract;

namespace DentalHub.Connectors.OpenDental.Database;

/// <summary>
/// Family balances in database mode: Open Dental keeps each family's aging on its guarantor's patient row
/// (Bal_0_30, Bal_31_60, Bal_61_90, BalOver90, BalTotal, InsEst), as its own aging last computed it: daily
/// when the office runs aging automatically, and whenever the family's account is opened or a batch
/// insurance payment is entered. So the figures are Open Dental's, and as stale as its last aging run;
/// the hub's <c>FamilyAging</c> computes the same from the synced ledger at any date. Every patient row that
/// changed is read: a guarantor's is the family's balance; anyone else's means they are not (or no longer)
/// the head of a family, so a balance stored under their id is reported deleted.
/// </summary>
internal static class BalanceQuery
{
    public static TableSource<PmsFamilyBalance> Source { get; } = new("patient", new ChangeQuery<RowChanges<PmsFamilyBalance>>(
            From: "patient",
            Key: "PatNum",
            Stamp: "DateTStamp",
            Columns: "Guarantor, Bal_0_30, Bal_31_60, Bal_61_90, BalOver90, BalTotal, InsEst",
            Read: reader =>
            {
                var patNum = reader.GetInt64(1);
                var guarantor = reader.GetInt64(2);
                // A new patient is their own guarantor; Open Dental briefly stores 0 before setting it.
                if (guarantor != patNum && guarantor != 0)
                {
                    return RowChanges<PmsFamilyBalance>.Gone(PatientMapping.Id(patNum));
                }
                var total = LedgerQuery.Money(reader, 7);
                var insuranceEstimate = LedgerQuery.Money(reader, 8);
                return RowChanges<PmsFamilyBalance>.Of(new PmsFamilyBalance(
                    PmsId: PatientMapping.Id(patNum),
                    GuarantorPmsId: PatientMapping.Id(patNum),
                    Aged0To30: LedgerQuery.Money(reader, 3),
                    Aged31To60: LedgerQuery.Money(reader, 4),
                    Aged61To90: LedgerQuery.Money(reader, 5),
                    AgedOver90: LedgerQuery.Money(reader, 6),
                    Total: total,
                    InsuranceEstimate: insuranceEstimate,
                    PatientPortion: total - insuranceEstimate));
            }),
        "SELECT COUNT(*) FROM patient WHERE Guarantor = PatNum OR Guarantor = 0");
}
