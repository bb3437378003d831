using System.Text.Json;
using DentalHub.Connectors.Contract;
using DentalHub.ImportFailures;
using DentalHub.Patients;

namespace DentalHub.Sync;

/// <summary>
/// Decides, for one page of PMS patients, what to create, update, link, skip as unchanged or
/// report as an import failure. Pure: all it knows of the database is in <see cref="PageLookups"/>.
/// </summary>
public sealed class PatientPagePlanner(DateOnly practiceToday, string pmsName)
{
    // Keys created earlier in this run, so two unlinked records with one key in the same run are caught.
    private readonly Dictionary<string, (Guid PatientId, string PmsId)> createdThisRun = [];

    public PatientPagePlan Plan(IReadOnlyList<PmsPatient> page, PageLookups lookups)
    {
        var plan = new PatientPagePlan();
        foreach (var record in page)
        {
            var problems = PatientValidation.Check(record, practiceToday, pmsName);
            var error = problems.FirstOrDefault(p => p.Severity == ImportFailureSeverity.Error);
            if (error is not null)
            {
                plan.Failures.Add(new FailureWrite(record, Combine(problems), DetailsOf(record, [])));
                plan.Failed++;
                continue;
            }
            var warning = problems.FirstOrDefault();
            var email = warning?.Reason == ImportFailureReason.InvalidEmail ? null : Clean(record.Email);
            var key = MatchKeys.For(record.FirstName!, record.LastName!, record.BirthDate!.Value);
            var hash = PatientHash.Of(record);

            if (lookups.LinksByPmsId.TryGetValue(record.PmsId, out var link))
            {
                // A record with an open failure is never "unchanged": importing it must clear the failure.
                if (link.ContentHash == hash && !lookups.PmsIdsWithFailures.Contains(record.PmsId))
                {
                    plan.Unchanged++;
                    continue;
                }
                var stored = link.Identity;
                var keepsIdentity = stored is not null && stored.MatchKey == key
                    && stored.FirstName == record.FirstName!.Trim() && stored.LastName == record.LastName!.Trim();
                var keepsKeys = stored is not null && stored.GuarantorPmsId == record.GuarantorPmsId;
                plan.AddPatient(new PatientWrite(link.PatientId, false, record, key, email, keepsIdentity));
                plan.Links.Add(new LinkWrite(record.PmsId, link.PatientId, record, hash, keepsKeys));
                plan.Updated++;
            }
            else if (!TryLinkOrCreate(record, key, email, hash, lookups, plan))
            {
                plan.Failed++;
                continue;
            }
            if (warning is not null)
            {
                plan.Failures.Add(new FailureWrite(record, warning, null));
                plan.Warnings++;
            }
            else if (lookups.PmsIdsWithFailures.Contains(record.PmsId) || plan.Failures.Any(f => f.Source.PmsId == record.PmsId))
            {
                // Only a record that has a failure to clear costs a delete; most records never had one.
                plan.Cleared.Add(record.PmsId);
            }
        }
        return plan;
    }

    private bool TryLinkOrCreate(PmsPatient record, string key, string? email, long hash, PageLookups lookups, PatientPagePlan plan)
    {
        var candidates = lookups.CandidatesByKey.TryGetValue(key, out var found) ? found : [];
        if (createdThisRun.TryGetValue(key, out var created))
        {
            candidates = [.. candidates.Where(c => c.PatientId != created.PatientId), new MatchCandidate(created.PatientId, NameOf(record), record.BirthDate, created.PmsId)];
        }
        // A profile already linked to another record of this PMS is that record's: this one is either the same
        // person entered twice or a different person with the same name and birthdate, which a person decides.
        var linkable = candidates.Where(c => c.LinkedPmsIdOnConnection is null).ToList();
        if (candidates.Count == 0)
        {
            var patientId = Guid.CreateVersion7();
            createdThisRun[key] = (patientId, record.PmsId);
            plan.AddPatient(new PatientWrite(patientId, true, record, key, email));
            plan.Links.Add(new LinkWrite(record.PmsId, patientId, record, hash));
            plan.Created++;
            return true;
        }
        if (candidates.Count == 1 && linkable.Count == 1)
        {
            plan.AddPatient(new PatientWrite(candidates[0].PatientId, false, record, key, email));
            plan.Links.Add(new LinkWrite(record.PmsId, candidates[0].PatientId, record, hash));
            plan.Updated++;
            return true;
        }
        var problem = linkable.Count == 0
            ? new RecordProblem(ImportFailureReason.DuplicateInPms, ImportFailureSeverity.Error,
                $"{Others(candidates, pmsName)} the same name and date of birth. Open this failure and choose: the same person (both records share one profile; merging the two records there is tidier still), or different people (each gets a profile).")
            : new RecordProblem(ImportFailureReason.AmbiguousMatch, ImportFailureSeverity.Error,
                $"{candidates.Count} DentalHub profiles have this name and date of birth. Open this failure and choose which profile is this patient, or create a new one.");
        plan.Failures.Add(new FailureWrite(record, problem, DetailsOf(record, candidates)));
        return false;
    }

    private static string Others(IReadOnlyList<MatchCandidate> candidates, string pmsName)
    {
        var ids = candidates.Select(c => c.LinkedPmsIdOnConnection).Distinct().ToList();
        return ids.Count == 1 ? $"Another patient in {pmsName} (id {ids[0]}) has" : $"Other patients in {pmsName} (ids {string.Join(", ", ids)}) have";
    }

    private static RecordProblem Combine(List<RecordProblem> problems) =>
        problems.Count == 1
            ? problems[0]
            : problems[0] with { Message = string.Join(" ", problems.Select(p => p.Message)) };

    private static string? Clean(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();

    private static string NameOf(PmsPatient record) => $"{record.FirstName} {record.LastName}".Trim();

    private static string DetailsOf(PmsPatient record, IReadOnlyList<MatchCandidate> candidates) =>
        JsonSerializer.Serialize(new FailureDetails(record, candidates), FailureDetails.Json);
}

/// <summary>What a failure keeps so a person can see the record and resolve it without another sync.</summary>
public sealed record FailureDetails(PmsPatient Record, IReadOnlyList<MatchCandidate> Candidates)
{
    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);
}
