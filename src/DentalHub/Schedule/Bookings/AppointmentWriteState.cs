using DentalHub.Connectors.Contract;
using DentalHub.Writeback;

namespace DentalHub.Schedule.Bookings;

public enum AppointmentWriteDisplay
{
    Done,
    Pending,
    Refused,
    NeedsReview,
    WritebackOff,
}

/// <summary>A booking or change as staff read it where the appointment is shown: "Booked in Open Dental", "Not moved: why".</summary>
/// <param name="CommandId">The change's command, which a person can retry or mark done by hand when it is stuck.</param>
/// <param name="What">What that command writes, as the "Entered by hand?" question names it.</param>
public sealed record AppointmentWriteState(AppointmentWriteDisplay State, string Text, Guid? CommandId = null, string What = "appointment")
{
    /// <summary>Refused or parked for review: a person decides (<see cref="WriteFix"/>).</summary>
    public bool Stuck => CommandId is not null && State is AppointmentWriteDisplay.Refused or AppointmentWriteDisplay.NeedsReview;

    public static AppointmentWriteState WritebackOff { get; } = new(AppointmentWriteDisplay.WritebackOff, "Writeback off");

    public static AppointmentWriteState Of(AppointmentWriteAction action, WritebackCommand command, string system)
    {
        var (done, being, not) = Words(action);
        AppointmentWriteState state = command.State switch
        {
            WritebackState.Confirmed => new(AppointmentWriteDisplay.Done, $"{done} in {system}"),
            WritebackState.HandledByHand => new(AppointmentWriteDisplay.Done, $"{done} in {system} by hand"),
            WritebackState.Rejected => new(AppointmentWriteDisplay.Refused, $"{not}: {command.LastError}"),
            WritebackState.NeedsReview => new(AppointmentWriteDisplay.NeedsReview, $"Needs review: {command.LastError}"),
            _ => new(AppointmentWriteDisplay.Pending, command.LastError is null
                ? $"{being} in {system}"
                : $"{being} in {system} (retrying: {command.LastError})"),
        };
        return state with { CommandId = command.Id };
    }

    /// <summary>A booking waiting for its patient to be added to the PMS; stuck there, the fixes act on the new patient.</summary>
    public static AppointmentWriteState BehindNewPatient(WritebackCommand newPatient, string system) => (newPatient.State switch
    {
        WritebackState.Rejected => new AppointmentWriteState(AppointmentWriteDisplay.Refused,
            $"Not booked yet: {system} did not add the patient: {newPatient.LastError} Fix the profile and Try again, or add the patient in {system}, "
            + "link the profile to them, then choose Entered by hand.", newPatient.Id),
        WritebackState.NeedsReview => new(AppointmentWriteDisplay.NeedsReview, $"Not booked yet, the new patient needs review: {newPatient.LastError}", newPatient.Id),
        _ => new(AppointmentWriteDisplay.Pending, newPatient.LastError is null
            ? $"Adds the patient to {system} first, then books"
            : $"Adds the patient to {system} first, then books (retrying: {newPatient.LastError})"),
    }) with { What = "new patient (once added in the PMS and linked to this profile)" };

    /// <summary>How it looks: red when it did not get there, amber for review, green once there.</summary>
    public string Style => State switch
    {
        AppointmentWriteDisplay.Refused => "mud-error-text",
        AppointmentWriteDisplay.NeedsReview => "mud-warning-text",
        AppointmentWriteDisplay.Done => "mud-success-text",
        _ => "dh-muted",
    };

    private static (string Done, string Being, string Not) Words(AppointmentWriteAction action) => action switch
    {
        AppointmentWriteAction.Book => ("Booked", "Being booked", "Not booked"),
        AppointmentWriteAction.Move => ("Moved", "Being moved", "Not moved"),
        AppointmentWriteAction.Confirm => ("Confirmed", "Being confirmed", "Not confirmed"),
        _ => ("Cancelled", "Being cancelled", "Not cancelled"),
    };
}
