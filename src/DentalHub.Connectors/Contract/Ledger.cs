namespace DentalHub.Connectors.Contract;

/// <summary>
/// A connector that can read the patient ledger: charges, payments, adjustments and insurance payments.
/// </summary>
public interface IReadsLedger
{
    IChangeFeed<PmsLedgerEntry> LedgerEntries { get; }
}

/// <summary>A connector that can read each family's balance and its aging as the PMS computes it.</summary>
public interface IReadsBalances
{
    IChangeFeed<PmsFamilyBalance> Balances { get; }
}

/// <summary>
/// One line of a patient's ledger. <b>The sign convention, once for all of DentalHub:</b> <see cref="Amount"/>
/// is the line's effect on what the family owes. A charge or a debit adjustment is positive; a patient
/// payment, an insurance payment, a write-off or a credit adjustment is negative. A payment split across
/// family members is one line per patient, each with its part.
/// </summary>
/// <param name="PmsId">Unique across kinds: the connector prefixes it with the kind (e.g. "proc:12", "split:7").</param>
/// <param name="SourcePmsId">The PMS record the line comes from (a payment's id for each of its splits).</param>
public sealed record PmsLedgerEntry(
    string PmsId,
    string? PatientPmsId,
    PmsLedgerKind Kind,
    DateOnly Date,
    decimal Amount,
    string? Code,
    string? Description,
    string? ProviderPmsId,
    string? ClinicPmsId,
    string? SourcePmsId) : IPmsRecord;

public enum PmsLedgerKind
{
    Charge,
    PatientPayment,
    InsurancePayment,
    WriteOff,
    Adjustment,
}

/// <summary>
/// A family's balance, on its guarantor (the account holder). Aging buckets sum to <see cref="Total"/>, except
/// for a family in credit: then every bucket is zero and <see cref="Total"/> is negative (Open Dental's aging
/// applies credits to charges and never shows a negative bucket). <see cref="PatientPortion"/> is what the
/// family owes once insurance pays its estimate.
/// </summary>
public sealed record PmsFamilyBalance(
    string PmsId,
    string GuarantorPmsId,
    decimal Aged0To30,
    decimal Aged31To60,
    decimal Aged61To90,
    decimal AgedOver90,
    decimal Total,
    decimal InsuranceEstimate,
    decimal PatientPortion) : IPmsRecord;
