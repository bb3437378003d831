using DentalHub.Connectors.Contract;
using MySqlConnector;

namespace DentalHub.Connectors.OpenDental.Database;

/// <summary>
/// Open Dental's <c>claim</c> table, changes found by its SecDateTEdit. Amounts are the claim's own totals
/// (ClaimFee billed, InsPayEst estimated, InsPayAmt paid, WriteOff), kept by Open Dental as the sums of the
/// claim's procedures; 0001-01-01 is "no date" (an unsent claim has no DateSent).
/// </summary>
internal static class ClaimQuery
{
    public static ChangeQuery<PmsClaim> Query { get; } = new(
        From: "claim",
        Key: "ClaimNum",
        Stamp: "SecDateTEdit",
        Columns: "PatNum, PlanNum, ClaimStatus, ClaimType, DateService, DateSent, DateReceived, ClaimFee, InsPayEst, InsPayAmt, WriteOff",
        Read: Read);

    private static PmsClaim Read(MySqlDataReader reader) => new(
        PmsId: PatientMapping.Id(reader.GetInt64(1)),
        PatientPmsId: Rows.Key(reader, 2),
        PlanPmsId: Rows.Key(reader, 3),
        Status: InsuranceCodes.ClaimStatus(Rows.Text(reader, 4)),
        ClaimType: InsuranceCodes.ClaimType(Rows.Text(reader, 5)),
        ServiceDate: InsuranceCodes.Date(reader.GetDateTime(6)),
        SentOn: InsuranceCodes.Date(reader.GetDateTime(7)),
        ReceivedOn: InsuranceCodes.Date(reader.GetDateTime(8)),
        Billed: InsuranceCodes.Money(reader.GetDouble(9)),
        EstimatedPayment: InsuranceCodes.Money(reader.GetDouble(10)),
        Paid: InsuranceCodes.Money(reader.GetDouble(11)),
        WriteOff: InsuranceCodes.Money(reader.GetDouble(12)));
}
