using DentalHub.Connectors.OpenDental.Writes;

namespace DentalHub.Connectors.OpenDental.Appointments;

/// <summary>What staff read about an appointment write. Never includes the keys or the appointment's note.</summary>
internal static class AppointmentMessages
{
    public static WriteMessages Write { get; } = new("appointment", "AptNum");

    public const string NeedsKeys =
        "Booking and changing appointments needs Open Dental's API keys: add the developer key and customer key to this connection.";

    public const string BadReference = "The booking's DentalHub reference cannot be stored in Open Dental's appointment note.";
    public const string BadPatient = "The appointment's patient is not an Open Dental patient number (PatNum).";
    public const string BadAppointment = "The appointment to change is not an Open Dental appointment number (AptNum).";
    public const string BadProvider = "The booking's provider is not an Open Dental provider number (ProvNum).";
    public const string BadOperatory = "The booking's chair is not an Open Dental operatory number (Op).";
    public const string NoStart = "The booking has no start time.";
    public const string BadLength =
        "The booking's length must be 5 to 540 minutes in steps of 5 (Open Dental keeps an appointment's time in 5-minute steps), or an appointment type must give it.";
    public const string BadType = "The booking's appointment type is not an Open Dental appointment type number (AppointmentTypeNum).";
}
