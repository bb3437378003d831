using DentalHub.Connectors.Contract;

namespace DentalHub.Connectors.OpenDental;

/// <summary>
/// A procedure's insurance estimate, write-off and patient portion from its <c>claimproc</c> rows, whichever way they
/// were read, as Open Dental adds them up for a procedure's patient portion (OpenDentBusiness ClaimProcs.GetPatPortion
/// and GetInsPay; column meanings from the claimproc schema documentation):
/// <list type="bullet">
/// <item>Estimate (6) and CapEstimate (8), on no claim yet: <c>InsEstTotalOverride</c> when set (not -1), else
/// <c>InsEstTotal</c>, as the treatment plan shows it (Open Dental copies the same value into InsPayEst whenever it
/// computes estimates, so this is what GetInsPay counts too);</item>
/// <item>NotReceived (0, on a claim created or sent) and InsHist (9): <c>InsPayEst</c>, what the claim expects;</item>
/// <item>the write-off of those: <c>WriteOffEstOverride</c> when set, else <c>WriteOffEst</c> when set, else none;</item>
/// <item>Received (1), Supplemental (4), CapClaim (5) and CapComplete (7): what was paid, <c>InsPayAmt</c>, and written
/// off, <c>WriteOff</c>;</item>
/// <item>Preauth (2) and Adjustment (3) rows count for neither.</item>
/// </list>
/// Each coverage has rows of its own (a primary and a secondary estimate), and they add up. The patient portion is the
/// fee less the insurance and the write-offs, never below zero (Open Dental lets an overpayment take it negative).
/// Adjustments attached to a procedure, which Open Dental's account also subtracts, are not counted here.
/// </summary>
internal static class ClaimProcEstimates
{
    /// <summary>What Open Dental writes in an override or optional amount for "none".</summary>
    private const decimal None = -1m;

    /// <summary>What one claimproc row contributes to its procedure.</summary>
    public readonly record struct Share(decimal Insurance, decimal WriteOff)
    {
        public static readonly Share Nothing = new(0m, 0m);
    }

    public static Share Of(
        int status, decimal insPayEst, decimal insPayAmt, decimal writeOff, decimal insEstTotal, decimal insEstTotalOverride,
        decimal writeOffEst, decimal writeOffEstOverride) => status switch
        {
            6 or 8 => new(LedgerLines.Money(insEstTotalOverride != None ? insEstTotalOverride : insEstTotal), WriteOffEstimate(writeOffEst, writeOffEstOverride)),
            0 or 9 => new(LedgerLines.Money(insPayEst), WriteOffEstimate(writeOffEst, writeOffEstOverride)),
            1 or 4 or 5 or 7 => new(LedgerLines.Money(insPayAmt), LedgerLines.Money(writeOff)),
            _ => Share.Nothing,
        };

    /// <summary><paramref name="procedure"/> with its estimates from <paramref name="shares"/>, its claimprocs' (none: no insurance).</summary>
    public static PmsAppointmentProcedure Apply(PmsAppointmentProcedure procedure, IEnumerable<Share> shares)
    {
        decimal insurance = 0m, writeOff = 0m;
        foreach (var share in shares)
        {
            insurance += share.Insurance;
            writeOff += share.WriteOff;
        }
        return procedure with
        {
            InsuranceEstimate = insurance,
            WriteOffEstimate = writeOff,
            PatientPortion = Math.Max(0m, procedure.Fee - insurance - writeOff),
        };
    }

    private static decimal WriteOffEstimate(decimal estimate, decimal estimateOverride) =>
        estimateOverride != None ? LedgerLines.Money(estimateOverride) : estimate != None ? LedgerLines.Money(estimate) : 0m;
}
