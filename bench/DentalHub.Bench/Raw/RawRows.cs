using DentalHub.Connectors.Contract;
using DentalHub.Patients.Phones;
using DentalHub.Sync;

namespace DentalHub.Bench.Raw;

public sealed record RawPatient(
    Guid Id, string FirstName, string LastName, string? MiddleName, string? PreferredName, DateOnly BirthDate, int Gender, int Status,
    string? Email, string? HomePhone, string? MobilePhone, string? WorkPhone, string? AddressLine1, string? AddressLine2,
    string? City, string? State, string? PostalCode, string MatchKey);

public sealed record RawLink(string PmsId, Guid PatientId, string? GuarantorPmsId, string? ClinicId, string? ProviderId, long ContentHash);

/// <summary>
/// Exactly the Patients, PatientLinks and PatientPhones rows an initial sync of these records writes: the engine's own
/// planner decides them (same ids, match keys, hashes, trimmed values), once, before any timing, so the
/// raw baseline writes the same contents and only the writing is timed.
/// </summary>
public sealed class RawRows
{
    private RawRows(List<RawPatient> patients, List<RawLink> links, List<PatientPhone> phones, Guid practiceId, Guid connectionId, DateTimeOffset now)
    {
        Patients = patients;
        Links = links;
        Phones = phones;
        PracticeId = practiceId;
        ConnectionId = connectionId;
        Now = now;
    }

    public List<RawPatient> Patients { get; }
    public List<RawLink> Links { get; }
    public List<PatientPhone> Phones { get; }
    public Guid PracticeId { get; }
    public Guid ConnectionId { get; }
    public DateTimeOffset Now { get; }

    public static RawRows Plan(IReadOnlyList<PmsPatient> records, Guid practiceId, Guid connectionId, DateOnly practiceToday, string pmsName)
    {
        var planner = new PatientPagePlanner(practiceToday, pmsName);
        var empty = new PageLookups(new Dictionary<string, ExistingLink>(), new Dictionary<string, IReadOnlyList<MatchCandidate>>(), new HashSet<string>());
        var patients = new List<RawPatient>(records.Count);
        var links = new List<RawLink>(records.Count);
        var phones = new List<PatientPhone>(records.Count * 2);
        var now = TimeProvider.System.GetUtcNow();
        foreach (var page in records.Chunk(1000))
        {
            var plan = planner.Plan(page, empty);
            phones.AddRange(PatientSql.Phones(new PageTarget(practiceId, connectionId, now), plan.Patients));
            patients.AddRange(plan.Patients.Select(Patient));
            links.AddRange(plan.Links.Select(l => new RawLink(l.PmsId, l.PatientId, l.Source.GuarantorPmsId, l.Source.ClinicId, l.Source.PrimaryProviderId, l.ContentHash)));
        }
        return new RawRows(patients, links, phones, practiceId, connectionId, now);
    }

    private static RawPatient Patient(PatientWrite p)
    {
        var s = p.Source;
        return new RawPatient(p.PatientId, s.FirstName!.Trim(), s.LastName!.Trim(), Trim(s.MiddleName), Trim(s.PreferredName), s.BirthDate!.Value,
            (int)s.Gender, (int)s.Status, p.Email, Trim(s.Phones.Home), Trim(s.Phones.Mobile), Trim(s.Phones.Work),
            Trim(s.Address.Line1), Trim(s.Address.Line2), Trim(s.Address.City), Trim(s.Address.State), Trim(s.Address.PostalCode), p.MatchKey);
    }

    private static string? Trim(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
