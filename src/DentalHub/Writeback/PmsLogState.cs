namespace DentalHub.Writeback;

public enum PmsLogDisplay
{
    Logged,
    BeingLogged,
    NotLogged,
    NeedsReview,
    LoggingOff,
    LoggedByHand,
}

/// <summary>A communication log (of a message sent, a note sent) as staff read it: where it is and, when something is wrong, why.</summary>
public sealed record PmsLogState(PmsLogDisplay State, string Text)
{
    public static PmsLogState Of(WritebackCommand command, string system) => command.State switch
    {
        WritebackState.Confirmed => new(PmsLogDisplay.Logged, $"Logged in {system}"),
        WritebackState.HandledByHand => new(PmsLogDisplay.LoggedByHand, $"Logged in {system} by hand"),
        WritebackState.Rejected => new(PmsLogDisplay.NotLogged, $"Not logged: {command.LastError}"),
        WritebackState.NeedsReview => new(PmsLogDisplay.NeedsReview, $"Needs review: {command.LastError}"),
        _ => new(PmsLogDisplay.BeingLogged, command.LastError is null
            ? $"Being logged in {system}"
            : $"Being logged in {system} (retrying: {command.LastError})"),
    };

    /// <summary>Something sent without a command: logging was off then, or the note says why it could not be logged.</summary>
    public static PmsLogState WithoutCommand(string? note) => note is null
        ? new(PmsLogDisplay.LoggingOff, "Logging off")
        : new(PmsLogDisplay.NotLogged, $"Not logged: {note}");
}
