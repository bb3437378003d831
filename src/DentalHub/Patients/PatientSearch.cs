using DentalHub.Data;
using DentalHub.Patients.Phones;
using DentalHub.Rewards;
using DentalHub.Tenancy;
using Microsoft.EntityFrameworkCore;

namespace DentalHub.Patients;

public sealed record PatientListRow(Guid Id, string FirstName, string LastName, DateOnly? BirthDate, PatientStatus Status, string? Email, string? MobilePhone, string? CardNumber, string? PhotoVersion);

/// <summary>
/// The patient list's search: by card number, e-mail, phone or name, each a query the database
/// answers from an index so a practice of 100k profiles searches in milliseconds:
/// - card: the unique (OrganizationId, Number) index of cards;
/// - e-mail: the expression index on (PracticeId, lower(Email));
/// - name: a range (lower(LastName) >= 'smi' AND &lt; 'smj') on the expression indexes
///   (PracticeId, lower(LastName)) and (PracticeId, lower(FirstName)), which both SQLite and PostgreSQL
///   use for ranges (a LIKE with a parameter would not be);
/// - phone (only digits and the marks numbers are written with, 3 digits or more): PatientPhones, every
///   number of a profile and its extra contacts in digits only, by prefix on (PracticeId, Digits) and, from
///   7 digits on, by the last digits on (PracticeId, ReversedDigits);
/// Results are capped at one page and ordered by the same indexed columns.
/// </summary>
public sealed class PatientSearch(DentalHubDbFactory databases)
{
    public const int PageSize = 50;

    public Task<IReadOnlyList<PatientListRow>> FindAsync(TenantScope tenant, string? text, CancellationToken cancellationToken) =>
        FindAsync(tenant, text, null, cancellationToken);

    /// <summary>With <paramref name="tagId"/>, only patients with that tag (the (TagId, PatientId) index of patient tags).</summary>
    public async Task<IReadOnlyList<PatientListRow>> FindAsync(TenantScope tenant, string? text, Guid? tagId, CancellationToken cancellationToken)
    {
        await using var db = databases.Create(tenant);
        var rows = await Query(db, text, tagId).ToListAsync(cancellationToken);
        return rows;
    }

    /// <summary>The search as one query, for <see cref="FindAsync(TenantScope, string?, Guid?, CancellationToken)"/> and for reading its plan.</summary>
    public static IQueryable<PatientListRow> Query(DentalHubDb db, string? text, Guid? tagId)
    {
        var query = Filter(db, text?.Trim() ?? "");
        if (tagId is { } tag)
        {
            query = query.Where(p => db.PatientTags.Any(t => t.TagId == tag && t.PatientId == p.Id));
        }
        return query.OrderBy(p => p.LastName).ThenBy(p => p.FirstName).ThenBy(p => p.Id).Take(PageSize)
            .Select(p => new PatientListRow(p.Id, p.FirstName, p.LastName, p.BirthDate, p.Status, p.Email, p.MobilePhone,
                db.RewardCards.Where(c => c.ActiveForPatientId == p.Id).Select(c => c.Number).FirstOrDefault(),
                db.PatientPhotos.Where(f => f.PatientId == p.Id).Select(f => f.Version).FirstOrDefault()));
    }

    private static IQueryable<Patient> Filter(DentalHubDb db, string text)
    {
        var patients = db.Patients.AsNoTracking();
        if (text.Length == 0)
        {
            return patients;
        }
        if (CardNumbers.Normalize(text) is { } card)
        {
            return patients.Where(p => db.RewardCards.Any(c => c.Number == card && c.PatientId == p.Id));
        }
        if (text.Contains('@'))
        {
            var email = text.ToLowerInvariant();
            return patients.Where(p => p.Email != null && p.Email.ToLower() == email);
        }
        if (PhoneDigits.LooksLikePhone(text) && PhoneDigits.Normalize(text) is { } digits)
        {
            return patients.Where(p => PhoneMatches(db, digits).Contains(p.Id));
        }
        // "Smith, Anna", "Anna Smith" or one word matched against first or last name.
        var parts = text.ToLowerInvariant().Split([',', ' '], StringSplitOptions.RemoveEmptyEntries);
        if (parts.Length >= 2)
        {
            var (last, first) = text.Contains(',') ? (parts[0], parts[1]) : (parts[^1], parts[0]);
            var (lastEnd, firstEnd) = (UpperBound(last), UpperBound(first));
            return patients.Where(p =>
                p.LastName.ToLower().CompareTo(last) >= 0 && p.LastName.ToLower().CompareTo(lastEnd) < 0
                && p.FirstName.ToLower().CompareTo(first) >= 0 && p.FirstName.ToLower().CompareTo(firstEnd) < 0);
        }
        var word = parts[0];
        var end = UpperBound(word);
        return patients.Where(p =>
            (p.LastName.ToLower().CompareTo(word) >= 0 && p.LastName.ToLower().CompareTo(end) < 0)
            || (p.FirstName.ToLower().CompareTo(word) >= 0 && p.FirstName.ToLower().CompareTo(end) < 0));
    }

    // Numbers that start with the digits typed, and (from 7 digits on) numbers that end with them: their last
    // 7 or 10 digits. Both are ranges on an index of PatientPhones, the second on the reversed digits.
    private static IQueryable<Guid> PhoneMatches(DentalHubDb db, string digits)
    {
        var end = UpperBound(digits);
        var starting = db.PatientPhones.Where(p => p.Digits.CompareTo(digits) >= 0 && p.Digits.CompareTo(end) < 0).Select(p => p.PatientId);
        if (digits.Length < PhoneDigits.MinSuffixDigits)
        {
            return starting;
        }
        var reversed = PhoneDigits.Reverse(digits);
        var reversedEnd = UpperBound(reversed);
        return starting.Union(db.PatientPhones.Where(p => p.ReversedDigits.CompareTo(reversed) >= 0 && p.ReversedDigits.CompareTo(reversedEnd) < 0).Select(p => p.PatientId));
    }

    // The smallest string above every string that starts with the prefix.
    private static string UpperBound(string prefix) => prefix[..^1] + (char)(prefix[^1] + 1);
}
