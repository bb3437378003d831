using System.Data.Common;
using DentalHub.Data;
using DentalHub.Patients.Phones;

namespace DentalHub.Sync;

/// <summary>
/// Writes one page's plan set-wise, inside the caller's transaction: upserts of profiles, links and
/// failures, and the deletion of cleared failures. No per-row SaveChanges.
/// </summary>
public interface IPatientBatchWriter
{
    /// <summary>Settings for one sync transaction, before its first page is looked up and written.</summary>
    Task PrepareTransactionAsync(DentalHubDb db, CancellationToken cancellationToken);

    Task WriteAsync(DbConnection connection, DbTransaction transaction, PageTarget target, PatientPagePlan plan, CancellationToken cancellationToken);

    /// <summary>Brings the query planner's statistics of the sync tables up to date after a bulk of writes.</summary>
    Task RefreshStatisticsAsync(DentalHubDb db, CancellationToken cancellationToken);
}

public sealed record PageTarget(Guid PracticeId, Guid ConnectionId, DateTimeOffset Now);

public static class PatientBatchWriters
{
    public static IPatientBatchWriter For(DatabaseProvider provider) => provider switch
    {
        DatabaseProvider.Sqlite => new SqlitePatientBatchWriter(),
        DatabaseProvider.Postgres => new PostgresPatientBatchWriter(),
    };
}

/// <summary>The SQL both databases share: `INSERT … ON CONFLICT … DO UPDATE` works on SQLite and PostgreSQL alike.</summary>
internal static class PatientSql
{
    public static readonly string[] PatientColumns =
    [
        "Id", "PracticeId", "FirstName", "LastName", "MiddleName", "PreferredName", "BirthDate", "Gender", "Status", "Email",
        "HomePhone", "MobilePhone", "WorkPhone", "AddressLine1", "AddressLine2", "City", "State", "PostalCode", "MatchKey", "CreatedAt", "UpdatedAt",
    ];

    public static readonly string[] LinkColumns =
        ["PracticeId", "ConnectionId", "PmsId", "PatientId", "GuarantorPmsId", "ClinicId", "ProviderId", "ContentHash", "LinkedAt", "SyncedAt"];

    public static readonly string[] PhoneColumns = ["PatientId", "Kind", "ContactId", "PracticeId", "Digits", "ReversedDigits"];

    /// <summary>The PMS's numbers of an updated profile are replaced; an extra contact's (DentalHub's own) stay.</summary>
    public static readonly string DeletePmsPhones = $"DELETE FROM \"PatientPhones\" WHERE \"Kind\" <> {(int)PhoneKind.Contact} AND \"PatientId\" ";

    /// <summary>The search rows of the profiles a page writes (digits of their home, mobile and work numbers).</summary>
    public static List<PatientPhone> Phones(PageTarget target, IEnumerable<PatientWrite> patients) =>
        patients.SelectMany(p => PatientPhone.OfPatient(target.PracticeId, p.PatientId, p.Source.Phones.Home, p.Source.Phones.Wireless, p.Source.Phones.Work)).ToList();

    public static readonly string[] FailureColumns =
        ["Id", "PracticeId", "ConnectionId", "PmsId", "PatientName", "Reason", "Severity", "Message", "DetailsJson", "FirstSeenAt", "LastSeenAt"];

    public static string PatientConflict { get; } = Conflict("\"Id\"", PatientColumns.Except(["Id", "PracticeId", "CreatedAt"]));

    public static string LinkConflict { get; } = Conflict("\"ConnectionId\", \"PmsId\"", ["PatientId", "GuarantorPmsId", "ClinicId", "ProviderId", "ContentHash", "SyncedAt"]);

    public static string FailureConflict { get; } = Conflict("\"ConnectionId\", \"PmsId\"", ["PatientName", "Reason", "Severity", "Message", "DetailsJson", "LastSeenAt"]);

    /// <summary>What an update that keeps the indexed names and match key sets (everything else the PMS owns).</summary>
    public static readonly string[] PatientDetailColumns =
    [
        "MiddleName", "PreferredName", "BirthDate", "Gender", "Status", "Email",
        "HomePhone", "MobilePhone", "WorkPhone", "AddressLine1", "AddressLine2", "City", "State", "PostalCode", "UpdatedAt",
    ];

    /// <summary>What an update of a link that keeps its profile and guarantor sets.</summary>
    public static readonly string[] LinkDetailColumns = ["ClinicId", "ProviderId", "ContentHash", "SyncedAt"];

    public static string Columns(IEnumerable<string> columns) => string.Join(", ", columns.Select(c => $"\"{c}\""));

    private static string Conflict(string key, IEnumerable<string> updated) =>
        $"ON CONFLICT ({key}) DO UPDATE SET {string.Join(", ", updated.Select(c => $"\"{c}\" = excluded.\"{c}\""))}";
}
