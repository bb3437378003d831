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

/// <summary>
/// A write to a patient's chart or account in the PMS (a communication log, an adjustment) as staff read it: where it is
/// and, when something is wrong, why. The states are shared; the words are the kind's (<see cref="PmsWriteWords"/>).
/// <paramref name="CommandId"/> is the write's command, which a person can retry or mark done by hand when it is stuck.
/// </summary>
public sealed record PmsLogState(PmsLogDisplay State, string Text, Guid? CommandId = null)
{
    /// <summary>Refused or parked for review: a person decides (<see cref="WriteFix"/>).</summary>
    public bool Stuck => CommandId is not null && State is PmsLogDisplay.NotLogged or PmsLogDisplay.NeedsReview;

    public static PmsLogState Of(WritebackCommand command, string system) => Of(command, system, PmsWriteWords.Log);

    public static PmsLogState Of(WritebackCommand command, string system, PmsWriteWords words) => Display(command, system, words) with { CommandId = command.Id };

    private static PmsLogState Display(WritebackCommand command, string system, PmsWriteWords words) => command.State switch
    {
        WritebackState.Confirmed => new(PmsLogDisplay.Logged, $"{words.Done} in {system}"),
        WritebackState.HandledByHand => new(PmsLogDisplay.LoggedByHand, $"{words.Done} in {system} by hand"),
        WritebackState.Rejected => new(PmsLogDisplay.NotLogged, $"Not {words.Done.ToLowerInvariant()}: {command.LastError}"),
        WritebackState.NeedsReview => new(PmsLogDisplay.NeedsReview, $"Needs review: {command.LastError}"),
        WritebackState.Accepted when command.AcceptedNote is { } waitingFor => new(PmsLogDisplay.BeingLogged, waitingFor),
        _ => new(PmsLogDisplay.BeingLogged, command.LastError is null
            ? $"{words.Doing} in {system}"
            : $"{words.Doing} in {system} (retrying: {command.LastError})"),
    };

    /// <summary>The state as the API spells it for a recorded kind: recorded, recorded-by-hand, being-recorded, not-recorded, needs-review, writeback-off.</summary>
    public string ApiState => State switch
    {
        PmsLogDisplay.Logged => "recorded",
        PmsLogDisplay.LoggedByHand => "recorded-by-hand",
        PmsLogDisplay.NotLogged => "not-recorded",
        PmsLogDisplay.NeedsReview => "needs-review",
        PmsLogDisplay.LoggingOff => "writeback-off",
        _ => "being-recorded",
    };

    /// <summary>Something sent without a command: logging was off then, or the note says why it could not be logged.</summary>
    public static PmsLogState WithoutCommand(string? note) => note is null
        ? new(PmsLogDisplay.LoggingOff, "Logging off")
        : new(PmsLogDisplay.NotLogged, $"Not logged: {note}");
}

/// <summary>How staff say a kind of write is done and under way ("Logged", "Being logged"; "Recorded", "Being recorded").</summary>
public sealed record PmsWriteWords(string Done, string Doing)
{
    public static PmsWriteWords Log { get; } = new("Logged", "Being logged");

    public static PmsWriteWords Record { get; } = new("Recorded", "Being recorded");
}
