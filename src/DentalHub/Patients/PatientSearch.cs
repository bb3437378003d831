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
/// Each search reads the matching ids from its index first (at most <see cref="MatchLimit"/>), then the page
/// of those profiles by primary key, sorted by name; the unfiltered list reads the (PracticeId, LastName,
/// FirstName) index in order. bench/ `search` measures every path at 10k and 100k patients.
/// </summary>
public sealed class PatientSearch(DentalHubDbFactory databases)
{
    public const int PageSize = 50;

    /// <summary>
    /// The most matches a search sorts into its page. A text that matches more (one letter of a name, three
    /// digits) shows 50 of the first matches its index yields, and the page asks for more of the text.
    /// </summary>
    public const int MatchLimit = 1000;

    public Task<IReadOnlyList<PatientListRow>> FindAsync(TenantScope tenant, string? text, CancellationToken cancellationToken) =>
        FindAsync(tenant, text, null, cancellationToken);

    /// <summary>With <paramref name="tagId"/>, only patients with that tag (the (TagId, PatientId) index of patient tags).</summary>
    public async Task<IReadOnlyList<PatientListRow>> FindAsync(TenantScope tenant, string? text, Guid? tagId, CancellationToken cancellationToken)
    {
        await using var db = databases.Create(tenant);
        if (Matches(db, text, tagId) is not { } matches)
        {
            return await Rows(db, FirstPage(db, tagId)).ToListAsync(cancellationToken);
        }
        // Sorted here, not in SQL: asked to sort, SQLite walks the practice's name index instead of
        // looking the matches up by primary key (measured: 300 ms instead of 1 ms at 100k patients).
        var ids = await matches.Take(MatchLimit).ToListAsync(cancellationToken);
        var names = await ById(db, ids).Select(p => new { p.Id, p.LastName, p.FirstName }).ToListAsync(cancellationToken);
        var page = names.OrderBy(n => n.LastName, StringComparer.Ordinal).ThenBy(n => n.FirstName, StringComparer.Ordinal).ThenBy(n => n.Id)
            .Take(PageSize).Select(n => n.Id).ToList();
        var rows = await Rows(db, ById(db, page)).ToListAsync(cancellationToken);
        return rows.OrderBy(r => page.IndexOf(r.Id)).ToList();
    }

    /// <summary>
    /// Step one of a search: the ids that match the text, read from the index of that search path alone. Null
    /// for no text. Kept apart from the ordered page, because a database asked for "the first 50 by name that
    /// match" walks the name index of the whole practice and tests each row (SQLite measured 300 ms at 100k
    /// patients) rather than looking the few matches up and sorting them.
    /// </summary>
    public static IQueryable<Guid>? Matches(DentalHubDb db, string? text, Guid? tagId)
    {
        var trimmed = text?.Trim() ?? "";
        if (trimmed.Length == 0)
        {
            return null;
        }
        var ids = Filter(db, trimmed);
        return tagId is { } tag ? ids.Where(id => db.PatientTags.Any(t => t.TagId == tag && t.PatientId == id)) : ids;
    }

    /// <summary>Profiles by primary key, in no order (the caller sorts).</summary>
    public static IQueryable<Patient> ById(DentalHubDb db, IReadOnlyCollection<Guid> ids)
    {
        if (!db.Database.IsSqlite())
        {
            return db.Patients.AsNoTracking().Where(p => ids.Contains(p.Id));
        }
        // Without statistics SQLite takes the tenant filter "PracticeId = ?" for a handful of rows and walks
        // the practice rather than look up more than a few ids. A CROSS JOIN fixes SQLite's join order: the
        // ids outside, one primary-key lookup each. (Ids are stored as upper-case text.)
        var json = System.Text.Json.JsonSerializer.Serialize(ids.Select(id => id.ToString().ToUpperInvariant()));
        return db.Patients.FromSqlRaw("SELECT p.* FROM json_each({0}) AS ids CROSS JOIN \"Patients\" AS p ON p.\"Id\" = ids.value", json).AsNoTracking();
    }

    /// <summary>The list without search text: the practice's first page by name, read in order from the (PracticeId, LastName, FirstName) index.</summary>
    public static IQueryable<Patient> FirstPage(DentalHubDb db, Guid? tagId)
    {
        var query = db.Patients.AsNoTracking();
        if (tagId is { } tag)
        {
            query = query.Where(p => db.PatientTags.Any(t => t.TagId == tag && t.PatientId == p.Id));
        }
        return query.OrderBy(p => p.LastName).ThenBy(p => p.FirstName).ThenBy(p => p.Id).Take(PageSize);
    }

    public static IQueryable<PatientListRow> Rows(DentalHubDb db, IQueryable<Patient> patients) =>
        patients.Select(p => new PatientListRow(p.Id, p.FirstName, p.LastName, p.BirthDate, p.Status, p.Email, p.MobilePhone,
            db.RewardCards.Where(c => c.ActiveForPatientId == p.Id).Select(c => c.Number).FirstOrDefault(),
            db.PatientPhotos.Where(f => f.PatientId == p.Id).Select(f => f.Version).FirstOrDefault()));

    private static IQueryable<Guid> Filter(DentalHubDb db, string text)
    {
        var patients = db.Patients.AsNoTracking();
        if (CardNumbers.Normalize(text) is { } card)
        {
            // The organization too, so the unique (OrganizationId, Number) index answers it.
            var organization = db.Tenant.OrganizationId;
            return db.RewardCards.Where(c => c.OrganizationId == organization && c.Number == card).Select(c => c.PatientId);
        }
        if (text.Contains('@'))
        {
            var email = text.ToLowerInvariant();
            return patients.Where(p => p.Email != null && p.Email.ToLower() == email).Select(p => p.Id);
        }
        if (PhoneDigits.LooksLikePhone(text) && PhoneDigits.Normalize(text) is { } digits)
        {
            return PhoneMatches(db, digits);
        }
        // "Smith, Anna", "Anna Smith" or one word matched against first or last name.
        var parts = text.ToLowerInvariant().Split([',', ' '], StringSplitOptions.RemoveEmptyEntries);
        if (parts.Length >= 2)
        {
            var (last, first) = text.Contains(',') ? (parts[0], parts[1]) : (parts[^1], parts[0]);
            var (lastEnd, firstEnd) = (UpperBound(last), UpperBound(first));
            return patients.Where(p =>
                p.LastName.ToLower().CompareTo(last) >= 0 && p.LastName.ToLower().CompareTo(lastEnd) < 0
                && p.FirstName.ToLower().CompareTo(first) >= 0 && p.FirstName.ToLower().CompareTo(firstEnd) < 0).Select(p => p.Id);
        }
        var word = parts[0];
        var end = UpperBound(word);
        return patients.Where(p =>
            (p.LastName.ToLower().CompareTo(word) >= 0 && p.LastName.ToLower().CompareTo(end) < 0)
            || (p.FirstName.ToLower().CompareTo(word) >= 0 && p.FirstName.ToLower().CompareTo(end) < 0)).Select(p => p.Id);
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
