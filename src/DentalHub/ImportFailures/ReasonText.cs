namespace DentalHub.ImportFailures;

public static class ReasonText
{
    public static string Of(ImportFailureReason reason) => reason switch
    {
        ImportFailureReason.MissingBirthDate => "Missing date of birth",
        ImportFailureReason.ImpossibleBirthDate => "Impossible date of birth",
        ImportFailureReason.MissingFirstName => "Missing first name",
        ImportFailureReason.MissingLastName => "Missing last name",
        ImportFailureReason.AmbiguousMatch => "Several matching profiles",
        ImportFailureReason.DuplicateInPms => "Duplicate in the PMS",
        ImportFailureReason.InvalidEmail => "Invalid e-mail (imported without it)",
        ImportFailureReason.ValueTooLong => "Value too long",
        ImportFailureReason.MissingValue => "Missing value",
        ImportFailureReason.InvalidValue => "Value cannot be right",
    };
}
