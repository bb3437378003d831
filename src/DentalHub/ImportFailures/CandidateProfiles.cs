using DentalHub.Data;
using DentalHub.Patients;
using DentalHub.Sync;
using DentalHub.Tenancy;
using Microsoft.EntityFrameworkCore;

namespace DentalHub.ImportFailures;

/// <summary>A PMS record of a candidate profile, by connection and the id it has there.</summary>
public sealed record CandidateRecord(Guid ConnectionId, string ConnectionName, string PmsId);

/// <summary>Who is responsible for the account: the profile itself, another profile, or a PMS patient not synced yet.</summary>
/// <param name="PatientId">The account holder's profile; null when it is this one or not synced.</param>
public sealed record CandidateHolder(string Name, Guid? PatientId);

/// <summary>
/// A profile a PMS patient could be, with what tells it apart from the others of the same name and birthdate:
/// contact details, reward card, PMS records and account holder.
/// </summary>
public sealed record CandidateProfile(
    Guid PatientId, string Name, DateOnly? BirthDate, string? Email, string? Phone, string? CardNumber,
    CandidateHolder? AccountHolder, IReadOnlyList<CandidateRecord> PmsRecords);

/// <summary>The failing PMS record's own details, to compare with the candidates.</summary>
public sealed record FailingRecord(string? Email, string? Phone, CandidateHolder? AccountHolder);

/// <summary>What a person sees to settle a failure: the failing record and each profile it could be.</summary>
public sealed record MatchChoiceView(FailingRecord Record, IReadOnlyList<CandidateProfile> Candidates);

/// <summary>Reads what tells candidate profiles apart, as they are now (not as they were when the failure was seen).</summary>
public sealed class CandidateProfiles(DentalHubDbFactory databases)
{
    public const string Self = "Self";

    public async Task<IReadOnlyDictionary<Guid, CandidateProfile>> OfAsync(TenantScope tenant, IReadOnlyCollection<Guid> patientIds, CancellationToken cancellationToken)
    {
        if (patientIds.Count == 0)
        {
            return new Dictionary<Guid, CandidateProfile>();
        }
        await using var db = databases.Create(tenant);
        var ids = patientIds.Distinct().ToList();
        var profiles = await db.Patients.AsNoTracking().Where(p => EF.Parameter(ids).Contains(p.Id))
            .Select(p => new { p.Id, p.FirstName, p.LastName, p.BirthDate, p.Email, p.MobilePhone, p.HomePhone, p.WorkPhone })
            .ToListAsync(cancellationToken);
        var cards = await db.RewardCards.AsNoTracking().Where(c => c.ActiveForPatientId != null && EF.Parameter(ids).Contains(c.ActiveForPatientId!.Value))
            .Select(c => new { PatientId = c.ActiveForPatientId!.Value, c.Number })
            .ToDictionaryAsync(c => c.PatientId, c => c.Number, cancellationToken);
        var links = (await ProfileLinks.OfAsync(db, ids, cancellationToken)).ToLookup(l => l.PatientId);
        // Each profile's account holder comes from its preferred link that names one.
        var guarantors = ids.Select(id => links[id].FirstOrDefault(l => l.GuarantorPmsId is not null)).OfType<ProfileLink>().ToList();
        var holders = await HoldersAsync(db, guarantors.Select(l => (l.ConnectionId, l.GuarantorPmsId!, l.PmsId)), cancellationToken);
        return profiles.ToDictionary(p => p.Id, p =>
        {
            var preferred = links[p.Id].FirstOrDefault(l => l.GuarantorPmsId is not null);
            return new CandidateProfile(
                p.Id, $"{p.FirstName} {p.LastName}", p.BirthDate, p.Email, p.MobilePhone ?? p.HomePhone ?? p.WorkPhone, cards.GetValueOrDefault(p.Id),
                preferred is null ? null : holders[(preferred.ConnectionId, preferred.GuarantorPmsId!, preferred.PmsId)],
                links[p.Id].Select(l => new CandidateRecord(l.ConnectionId, l.ConnectionName, l.PmsId)).ToList());
        });
    }

    /// <summary>The choice a failure a person settles offers; null for one fixed in the PMS.</summary>
    public async Task<MatchChoiceView?> ChoiceOfAsync(TenantScope tenant, ImportFailureRow row, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(row);
        if (!ImportFailureResolution.IsResolvable(row.Reason) || row.Details() is not { } details)
        {
            return null;
        }
        var profiles = await OfAsync(tenant, details.Candidates.Select(c => c.PatientId).ToList(), cancellationToken);
        return new MatchChoiceView(
            await RecordOfAsync(tenant, row.ConnectionId, details, cancellationToken),
            details.Candidates.Select(c => profiles.GetValueOrDefault(c.PatientId)).OfType<CandidateProfile>().ToList());
    }

    /// <summary>The failing record's contact details and account holder, as the PMS sent them.</summary>
    private async Task<FailingRecord> RecordOfAsync(TenantScope tenant, Guid connectionId, FailureDetails details, CancellationToken cancellationToken)
    {
        var record = details.Record;
        CandidateHolder? holder = null;
        if (record.GuarantorPmsId is { } guarantor)
        {
            await using var db = databases.Create(tenant);
            holder = (await HoldersAsync(db, [(connectionId, guarantor, record.PmsId)], cancellationToken)).Values.Single();
        }
        return new FailingRecord(record.Email, record.Phones.Mobile ?? record.Phones.Home ?? record.Phones.Work, holder);
    }

    private static async Task<Dictionary<(Guid ConnectionId, string GuarantorPmsId, string PmsId), CandidateHolder>> HoldersAsync(
        DentalHubDb db, IEnumerable<(Guid ConnectionId, string GuarantorPmsId, string PmsId)> wanted, CancellationToken cancellationToken)
    {
        var list = wanted.Distinct().ToList();
        var linked = await LinkedPatients.OfAsync(db, list.Where(w => w.GuarantorPmsId != w.PmsId).Select(w => (w.ConnectionId, (string?)w.GuarantorPmsId)), cancellationToken);
        var holderIds = linked.Values.Distinct().ToList();
        var names = await db.Patients.AsNoTracking().Where(p => EF.Parameter(holderIds).Contains(p.Id))
            .ToDictionaryAsync(p => p.Id, p => $"{p.FirstName} {p.LastName}", cancellationToken);
        return list.ToDictionary(w => w, w =>
            w.GuarantorPmsId == w.PmsId ? new CandidateHolder(Self, null)
            : linked.TryGetValue((w.ConnectionId, w.GuarantorPmsId), out var id) && names.TryGetValue(id, out var name) ? new CandidateHolder(name, id)
            : new CandidateHolder($"PMS patient {w.GuarantorPmsId} (not in DentalHub yet)", null));
    }
}
