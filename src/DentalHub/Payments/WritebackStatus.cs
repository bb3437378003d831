using DentalHub.Writeback;

namespace DentalHub.Payments;

public enum WritebackDisplay
{
    Recorded,
    BeingRecorded,
    WaitingForDailyBatch,

    /// <summary>Held until the processor reports what the write depends on (terminal or online, the fee).</summary>
    WaitingForDetails,
    NotRecorded,
    NeedsReview,
    WritebackOff,
    PostedByHand,

    /// <summary>Nobody has said whose payment it is yet: staff assign it to a patient, then it is written.</summary>
    NeedsPatient,
}

/// <summary>A payment's writeback state as staff read it: what happened and, when something is wrong, why.</summary>
public sealed record WritebackStatus(WritebackDisplay State, string Text, string? PmsPaymentId)
{
    public static WritebackStatus Of(Payment payment, WritebackCommand? command, DateTimeOffset now) => command switch
    {
        null when payment.PatientId is null => new(WritebackDisplay.NeedsPatient, payment.WritebackNote ?? "Assign it to a patient to record it in the PMS.", null),
        null => new(WritebackDisplay.WritebackOff, payment.WritebackNote ?? "Not written back.", null),
        { State: WritebackState.Confirmed } => new(WritebackDisplay.Recorded, $"Recorded in the PMS (payment {command.TargetId}) as {WrittenAmount(payment, command)}.", command.TargetId),
        { State: WritebackState.HandledByHand } => new(WritebackDisplay.PostedByHand, "Posted in the PMS by hand.", null),
        { State: WritebackState.Rejected } => new(WritebackDisplay.NotRecorded, $"Not recorded: {command.LastError}", null),
        { State: WritebackState.NeedsReview } => new(WritebackDisplay.NeedsReview, $"Needs review: {command.LastError}", null),
        { State: WritebackState.Accepted, AcceptedNote: { } waitingFor } => new(WritebackDisplay.BeingRecorded, waitingFor, null),
        { State: WritebackState.Pending, Attempts: 0 } when payment.WritebackNote is { } waiting =>
            new(WritebackDisplay.WaitingForDetails, waiting, null),
        { State: WritebackState.Pending, Attempts: 0 } when command.NextAttemptAt > now.AddMinutes(1) =>
            new(WritebackDisplay.WaitingForDailyBatch, $"Waiting for the daily batch; it will be recorded as {WrittenAmount(payment, command)}.", null),
        _ => new(WritebackDisplay.BeingRecorded, command.LastError is null ? "Being recorded in the PMS." : $"Being recorded in the PMS (retrying: {command.LastError}).", null),
    };

    /// <summary>What the write puts in the PMS, and whether that is the net or the gross amount.</summary>
    private static string WrittenAmount(Payment payment, WritebackCommand command)
    {
        var amount = System.Text.Json.JsonSerializer.Deserialize<Connectors.Contract.PmsPaymentWrite>(command.PayloadJson)?.Amount;
        var text = (amount ?? 0m).ToString("0.00", System.Globalization.CultureInfo.InvariantCulture) + " " + payment.Currency;
        return amount switch
        {
            _ when payment.Fee == 0m => text,
            { } written when written == payment.Net => text + ", the net amount (less the card fee)",
            { } written when written == payment.Gross => text + ", the gross amount (before the card fee)",
            _ => text,
        };
    }

    /// <summary>The state in the words the payments page and its export use.</summary>
    public string Label => State switch
    {
        WritebackDisplay.Recorded => "Recorded",
        WritebackDisplay.BeingRecorded => "Being recorded",
        WritebackDisplay.WaitingForDailyBatch => "Waiting for the daily batch",
        WritebackDisplay.WaitingForDetails => "Waiting for the processor",
        WritebackDisplay.NotRecorded => "Not recorded",
        WritebackDisplay.NeedsReview => "Needs review",
        WritebackDisplay.WritebackOff => "Writeback off",
        WritebackDisplay.PostedByHand => "Posted by hand",
        WritebackDisplay.NeedsPatient => "Needs a patient",
    };
}
