using DentalHub.Patients.Phones;
using DentalHub.Sync;

namespace DentalHub.Patients.Contacts;

/// <summary>What staff type for an extra contact, and what is wrong with it in words they can act on.</summary>
public sealed record ContactInput(string? Name, string? Relationship, string? Phone, string? Email, string? Note, bool MayReceiveMessages)
{
    public const int NameLength = 200;
    public const int RelationshipLength = 100;
    public const int NoteLength = 1000;
    private const int MinPhoneDigits = 7;
    private const int MaxPhoneDigits = 15;

    /// <summary>Trimmed, blanks as null.</summary>
    public ContactInput Cleaned() => new(Clean(Name), Clean(Relationship), Clean(Phone), Clean(Email), Clean(Note), MayReceiveMessages);

    /// <summary>Every problem with the (cleaned) input; empty when it can be saved.</summary>
    public IReadOnlyList<string> Problems()
    {
        var problems = new List<string>();
        if (Name is null)
        {
            problems.Add("Name is required.");
        }
        Limit(problems, "Name", Name, NameLength);
        Limit(problems, "Relationship", Relationship, RelationshipLength);
        Limit(problems, "Note", Note, NoteLength);
        if (Phone is null && Email is null)
        {
            problems.Add("Give a phone number or an e-mail address, so the practice can reach this contact.");
        }
        if (Phone is not null)
        {
            var digits = Phone.Count(char.IsAsciiDigit);
            if (Phone.Length > PatientValidation.PhoneLength || digits is < MinPhoneDigits or > MaxPhoneDigits
                || !PhoneDigits.HasOnlyPhoneMarks(Phone))
            {
                problems.Add($"Phone \"{Phone}\" is not a phone number: use {MinPhoneDigits} to {MaxPhoneDigits} digits, with spaces, dashes, dots or brackets if you like, e.g. (555) 010-2233.");
            }
        }
        if (Email is not null && !PatientValidation.IsValidEmail(Email))
        {
            problems.Add($"E-mail \"{Email}\" is not a valid address, e.g. name@example.com.");
        }
        if (MayReceiveMessages && Email is null)
        {
            problems.Add("To send messages to this contact, add their e-mail address (messages go out by e-mail).");
        }
        return problems;
    }

    private static void Limit(List<string> problems, string label, string? value, int limit)
    {
        if (value?.Length > limit)
        {
            problems.Add($"{label} is at most {limit} characters (it has {value.Length}).");
        }
    }

    private static string? Clean(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
