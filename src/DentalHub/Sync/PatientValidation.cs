using System.Net.Mail;
using DentalHub.Connectors.Contract;
using DentalHub.ImportFailures;

namespace DentalHub.Sync;

/// <summary>A problem with a PMS record, said so a front-desk person can fix it in the PMS.</summary>
public sealed record RecordProblem(ImportFailureReason Reason, ImportFailureSeverity Severity, string Message);

/// <summary>
/// Decides whether a PMS patient can be imported. Errors keep the record out; warnings import it
/// without the bad value.
/// </summary>
public static class PatientValidation
{
    public const int NameLength = 100;
    public const int EmailLength = 254;
    public const int PhoneLength = 40;
    public const int AddressLength = 200;
    public const int CityLength = 100;
    public const int StateLength = 50;
    public const int PostalCodeLength = 20;
    private static readonly DateOnly Earliest = new(1880, 1, 1);

    public static List<RecordProblem> Check(PmsPatient patient, DateOnly practiceToday, string pmsName)
    {
        var problems = new List<RecordProblem>();
        var where = $"on the patient's record in {pmsName}";
        if (string.IsNullOrWhiteSpace(patient.FirstName))
        {
            problems.Add(new(ImportFailureReason.MissingFirstName, ImportFailureSeverity.Error, $"First name is missing: add it {where}."));
        }
        if (string.IsNullOrWhiteSpace(patient.LastName))
        {
            problems.Add(new(ImportFailureReason.MissingLastName, ImportFailureSeverity.Error, $"Last name is missing: add it {where}."));
        }
        switch (patient.BirthDate)
        {
            case null:
            case { Year: 1, Month: 1, Day: 1 }:
                problems.Add(new(ImportFailureReason.MissingBirthDate, ImportFailureSeverity.Error,
                    $"Date of birth is missing: add it {where}."));
                break;
            case { } birth when birth < Earliest || birth > practiceToday:
                problems.Add(new(ImportFailureReason.ImpossibleBirthDate, ImportFailureSeverity.Error,
                    $"Date of birth {birth:yyyy-MM-dd} cannot be right: correct it {where}."));
                break;
        }
        foreach (var (label, value, limit) in LimitedFields(patient))
        {
            if (value is not null && value.Trim().Length > limit)
            {
                problems.Add(new(ImportFailureReason.ValueTooLong, ImportFailureSeverity.Error,
                    $"{label} is longer than DentalHub stores ({value.Trim().Length} characters, at most {limit}): shorten it {where}."));
            }
        }
        if (!string.IsNullOrWhiteSpace(patient.Email) && !IsValidEmail(patient.Email.Trim()))
        {
            problems.Add(new(ImportFailureReason.InvalidEmail, ImportFailureSeverity.Warning,
                $"E-mail address \"{patient.Email.Trim()}\" is not valid, so the patient was imported without it: correct it {where}."));
        }
        return problems;
    }

    public static bool IsValidEmail(string email) =>
        email.Length <= EmailLength
        && MailAddress.TryCreate(email, out var address)
        && address.Address == email
        && address.Host.Contains('.', StringComparison.Ordinal)
        && !address.Host.EndsWith('.');

    private static IEnumerable<(string Label, string? Value, int Limit)> LimitedFields(PmsPatient p) =>
    [
        ("First name", p.FirstName, NameLength),
        ("Last name", p.LastName, NameLength),
        ("Middle name", p.MiddleName, NameLength),
        ("Preferred name", p.PreferredName, NameLength),
        ("Home phone", p.Phones.Home, PhoneLength),
        ("Mobile phone", p.Phones.Mobile, PhoneLength),
        ("Work phone", p.Phones.Work, PhoneLength),
        ("Address", p.Address.Line1, AddressLength),
        ("Address line 2", p.Address.Line2, AddressLength),
        ("City", p.Address.City, CityLength),
        ("State", p.Address.State, StateLength),
        ("Postal code", p.Address.PostalCode, PostalCodeLength),
    ];
}
