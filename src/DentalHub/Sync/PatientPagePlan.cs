using DentalHub.Connectors.Contract;
using DentalHub.ImportFailures;
using DentalHub.Patients;

namespace DentalHub.Sync;

/// <summary>What the database already knows about a page's records, read in a few set-wise queries.</summary>
public sealed record PageLookups(
    IReadOnlyDictionary<string, ExistingLink> LinksByPmsId,
    IReadOnlyDictionary<string, IReadOnlyList<MatchCandidate>> CandidatesByKey,
    IReadOnlySet<string> PmsIdsWithFailures);

public sealed record ExistingLink(Guid PatientId, long ContentHash, StoredIdentity? Identity = null);

/// <summary>
/// The indexed values a linked record has in the hub. When a changed record keeps them, only its other
/// columns are written: on a large practice, rewriting index entries of 1,000 scattered rows is what made
/// an incremental run cost follow the practice's size instead of its changes.
/// </summary>
public sealed record StoredIdentity(string FirstName, string LastName, string MatchKey, string? GuarantorPmsId);

/// <summary>A profile with the same match key, and the PMS id it is already linked to on this connection, if any.</summary>
public sealed record MatchCandidate(Guid PatientId, string Name, DateOnly? BirthDate, string? LinkedPmsIdOnConnection);

/// <summary>A profile to insert or update with the PMS-owned fields of this record.</summary>
/// <param name="KeepsIdentity">An update whose names and match key are already stored: the indexed columns are left alone.</param>
public sealed record PatientWrite(Guid PatientId, bool IsNew, PmsPatient Source, string MatchKey, string? Email, bool KeepsIdentity = false);

/// <param name="KeepsKeys">An existing link whose profile and guarantor are unchanged: the indexed columns are left alone.</param>
public sealed record LinkWrite(string PmsId, Guid PatientId, PmsPatient Source, long ContentHash, bool KeepsKeys = false);

public sealed record FailureWrite(PmsPatient Source, RecordProblem Problem, string? DetailsJson);

/// <summary>Everything one page changes, decided in memory before one transaction writes it.</summary>
public sealed class PatientPagePlan
{
    private readonly Dictionary<Guid, int> patientIndex = [];

    /// <summary>At most one write per profile: a set-wise upsert may not touch a row twice.</summary>
    public List<PatientWrite> Patients { get; } = [];
    public List<LinkWrite> Links { get; } = [];
    public List<FailureWrite> Failures { get; } = [];

    /// <summary>PMS ids imported without any problem: their earlier failures are cleared.</summary>
    public List<string> Cleared { get; } = [];

    /// <summary>
    /// Adds a profile's write; when two records of the page are one profile (a person linked both), the later one
    /// replaces the earlier, as the later read would have overwritten it.
    /// </summary>
    public void AddPatient(PatientWrite write)
    {
        if (patientIndex.TryGetValue(write.PatientId, out var at))
        {
            Patients[at] = write with { KeepsIdentity = false };
            return;
        }
        patientIndex[write.PatientId] = Patients.Count;
        Patients.Add(write);
    }

    public int Created { get; set; }
    public int Updated { get; set; }
    public int Unchanged { get; set; }
    public int Failed { get; set; }
    public int Warnings { get; set; }
}
