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
    /// <summary>What an update that keeps the indexed names and match key sets (everything else the PMS owns).</summary>
    public static readonly string[] PatientDetailColumns =
    [
        "MiddleName", "PreferredName", "BirthDate", "Gender", "Status", "Email",
        "HomePhone", "MobilePhone", "WorkPhone", "AddressLine1", "AddressLine2", "City", "State", "PostalCode", "UpdatedAt",
    ];

    /// <summary>A whole profile row: the key, the indexed names, the details (without their UpdatedAt), the match key and the times.</summary>
    public static readonly string[] PatientColumns =
        ["Id", "PracticeId", "FirstName", "LastName", .. PatientDetailColumns[..^1], "MatchKey", "CreatedAt", "UpdatedAt"];

    public static readonly string[] LinkColumns =
        ["PracticeId", "ConnectionId", "PmsId", "PatientId", "GuarantorPmsId", "ClinicId", "ProviderId", "ContentHash", "LinkedAt", "SyncedAt"];

    public static readonly string[] PhoneColumns = ["PatientId", "Kind", "ContactId", "PracticeId", "Digits", "ReversedDigits"];

    /// <summary>
    /// A profile's number is written only when its digits changed: an unchanged row is neither rewritten
    /// nor re-indexed, so an incremental run touches the search indexes only for numbers that moved.
    /// </summary>
    public static readonly string PhoneConflict =
        "ON CONFLICT (\"PatientId\", \"Kind\", \"ContactId\") DO UPDATE SET \"Digits\" = excluded.\"Digits\", \"ReversedDigits\" = excluded.\"ReversedDigits\" " +
        "WHERE \"PatientPhones\".\"Digits\" <> excluded.\"Digits\"";

    /// <summary>Removes one of a profile's own numbers (an extra contact's, DentalHub's own, have their own ContactId and stay).</summary>
    public static readonly string DeletePmsPhone = "DELETE FROM \"PatientPhones\" WHERE \"ContactId\" = @c AND \"PatientId\" = @p AND \"Kind\" = @k";

    /// <summary>The search rows of the profiles a page writes (digits of their home, mobile and work numbers).</summary>
    public static List<PatientPhone> Phones(PageTarget target, IEnumerable<PatientWrite> patients) =>
        patients.SelectMany(p => PatientPhone.OfPatient(target.PracticeId, p.PatientId, p.Source.Phones.Home, p.Source.Phones.Mobile, p.Source.Phones.Work)).ToList();

    /// <summary>The numbers an updated profile no longer has in the PMS (a new profile has none to remove).</summary>
    public static List<(Guid PatientId, PhoneKind Kind)> PhonesGone(IEnumerable<PatientWrite> patients) =>
        patients.Where(p => !p.IsNew).SelectMany(p => new (PhoneKind Kind, string? Number)[]
            {
                (PhoneKind.Home, p.Source.Phones.Home),
                (PhoneKind.Mobile, p.Source.Phones.Mobile),
                (PhoneKind.Work, p.Source.Phones.Work),
            }
            .Where(phone => PhoneDigits.Normalize(phone.Number) is null)
            .Select(phone => (p.PatientId, phone.Kind)))
            .ToList();

    public static readonly string[] FailureColumns =
        ["Id", "PracticeId", "ConnectionId", "Resource", "PmsId", "Label", "Reason", "Severity", "Message", "DetailsJson", "FirstSeenAt", "LastSeenAt"];

    public static string PatientConflict { get; } = Conflict("\"Id\"", PatientColumns.Except(["Id", "PracticeId", "CreatedAt"]));

    public static string LinkConflict { get; } = Conflict("\"ConnectionId\", \"PmsId\"", ["PatientId", "GuarantorPmsId", "ClinicId", "ProviderId", "ContentHash", "SyncedAt"]);

    public static string FailureConflict { get; } = Conflict("\"ConnectionId\", \"Resource\", \"PmsId\"", ["Label", "Reason", "Severity", "Message", "DetailsJson", "LastSeenAt"]);

    /// <summary>What an update of a link that keeps its profile and guarantor sets.</summary>
    public static readonly string[] LinkDetailColumns = ["ClinicId", "ProviderId", "ContentHash", "SyncedAt"];

    public static string Columns(IEnumerable<string> columns) => string.Join(", ", columns.Select(c => $"\"{c}\""));

    private static string Conflict(string key, IEnumerable<string> updated) =>
        $"ON CONFLICT ({key}) DO UPDATE SET {string.Join(", ", updated.Select(c => $"\"{c}\" = excluded.\"{c}\""))}";
}
