using DentalHub.Connectors.Contract;
using MySqlConnector;

namespace DentalHub.Connectors.OpenDental.Database;

/// <summary>
/// Open Dental's <c>claim</c> table, changes found by its SecDateTEdit, deletions in the audit log. Amounts
/// are the claim's own totals (ClaimFee billed, InsPayEst estimated, InsPayAmt paid, WriteOff), kept by Open
/// Dental as the sums of the claim's procedures; 0001-01-01 is "no date" (an unsent claim has no DateSent).
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

    /// <summary>
    /// Claims deleted since <paramref name="since"/> (all on a full read). Open Dental deletes the claim row but
    /// logs the deletion in <c>securitylog</c> as permission ClaimDelete (118) with the ClaimNum as FKey; a logged
    /// claim that no longer exists was deleted. LogDateTime is the server's local time, hence the conversion of
    /// the cursor; both columns are indexed. A deletion logged without its ClaimNum stays unnoticed.
    /// </summary>
    public static async Task<IReadOnlyList<string>> DeletedSinceAsync(MySqlConnection connection, DatabaseCursor? since, CancellationToken cancellationToken)
    {
        var sql = "SELECT DISTINCT l.FKey FROM securitylog l LEFT JOIN claim c ON c.ClaimNum = l.FKey " +
                  "WHERE l.PermType = 118 AND l.FKey <> 0 AND c.ClaimNum IS NULL" +
                  (since is null ? "" : " AND l.LogDateTime >= CONVERT_TZ(@since, '+00:00', 'SYSTEM')") + " ORDER BY l.FKey";
        await using var command = new MySqlCommand(sql, connection);
        if (since is not null)
        {
            command.Parameters.AddWithValue("@since", since.SqlTimestamp);
        }
        var deleted = new List<string>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            deleted.Add(PatientMapping.Id(reader.GetInt64(0)));
        }
        return deleted;
    }
}
