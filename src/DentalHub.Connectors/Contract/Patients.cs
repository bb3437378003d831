namespace DentalHub.Connectors.Contract;

/// <summary>A connector that can read the practice's patients, change-based and paged.</summary>
public interface IReadsPatients
{
    /// <summary>
    /// Pages of patients changed since <paramref name="cursor"/> (everything when null). Each page
    /// carries the cursor to resume from once that page has been stored.
    /// </summary>
    IAsyncEnumerable<ChangePage<PmsPatient>> ReadPatientsChangedSince(SyncCursor? cursor, CancellationToken cancellationToken);

    /// <summary>How many patients a full read would return, for progress; null when unknown.</summary>
    Task<int?> CountPatientsAsync(CancellationToken cancellationToken);
}

/// <summary>An opaque resume point, produced by the connector that reads with it.</summary>
public sealed record SyncCursor(string Value);

/// <summary>One page of a change-based read, and the cursor to resume from once it is stored.</summary>
public sealed record ChangePage<T>(IReadOnlyList<T> Rows, SyncCursor NextCursor)
{
    /// <summary>Ids of records the system reports as deleted since the last read (where it tracks deletions).</summary>
    public IReadOnlyList<string> Deleted { get; init; } = [];
}

/// <summary>A patient as the PMS holds it. Values are as read: validation happens in the hub.</summary>
public sealed record PmsPatient(
    string PmsId,
    string? GuarantorPmsId,
    string? FirstName,
    string? LastName,
    string? MiddleName,
    string? PreferredName,
    DateOnly? BirthDate,
    PmsGender Gender,
    PmsPatientStatus Status,
    string? Email,
    PmsPhones Phones,
    PmsAddress Address,
    string? ClinicId,
    string? PrimaryProviderId,
    DateTimeOffset? ChangedAt) : IPmsRecord;

public sealed record PmsPhones(string? Home, string? Mobile, string? Work)
{
    public static PmsPhones None { get; } = new(null, null, null);
}

public sealed record PmsAddress(string? Line1, string? Line2, string? City, string? State, string? PostalCode)
{
    public static PmsAddress None { get; } = new(null, null, null, null, null);
}

public enum PmsGender
{
    Unknown,
    Male,
    Female,
    Other,
}

public enum PmsPatientStatus
{
    Active,
    NonPatient,
    Inactive,
    Archived,
    Deceased,
    Deleted,
    Prospective,
}
