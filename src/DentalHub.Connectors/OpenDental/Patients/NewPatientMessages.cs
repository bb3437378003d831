using DentalHub.Connectors.OpenDental.Writes;

namespace DentalHub.Connectors.OpenDental.Patients;

/// <summary>What staff read about adding a patient to Open Dental. Never includes the keys or the patient's details.</summary>
internal static class NewPatientMessages
{
    public static WriteMessages Patient { get; } = new("patient", "PatNum");

    public static WriteMessages Field { get; } = new("patient field", "PatFieldNum");

    public static WriteMessages FieldDef { get; } = new("patient field definition", "PatFieldDefNum");

    public const string NeedsKeys =
        "Adding a patient to Open Dental needs its API keys: add the developer key and customer key to this connection, or add the patient in Open Dental and link the profile.";

    public const string BadReference = "The profile's DentalHub reference cannot be stored in an Open Dental patient field.";
    public const string NoName = "A patient needs a first and a last name before Open Dental takes them: add them to the profile, then try again.";
    public const string BadProvider = "The patient's provider is not an Open Dental provider number (ProvNum).";
    public const string BadClinic = "The patient's clinic is not an Open Dental clinic number (ClinicNum).";

    public static string HiddenField(string name) =>
        $"The patient field \"{name}\" is hidden in Open Dental (Setup › Patient Field Defs), so DentalHub cannot mark the patients it adds: show it again, then try again.";

    public static string MarkNotStored(string reason) =>
        $"Open Dental added the patient but DentalHub could not mark them as its own ({reason}). DentalHub will find the patient it added before adding anyone again.";

    public static string SeveralCandidates(int count) =>
        $"{count} patients with this name and birthdate were added in Open Dental since the booking was made, and none carries DentalHub's mark: open the profile, link it to the right one, then mark this entered by hand.";
}
