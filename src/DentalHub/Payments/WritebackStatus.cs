using DentalHub.Writeback;

namespace DentalHub.Payments;

public enum WritebackDisplay
{
    Recorded,
    BeingRecorded,
    WaitingForDailyBatch,
    NotRecorded,
    NeedsReview,
    WritebackOff,
    PostedByHand,
}

/// <summary>A payment's writeback state as staff read it: what happened and, when something is wrong, why.</summary>
public sealed record WritebackStatus(WritebackDisplay State, string Text, string? PmsPaymentId)
{
    public static WritebackStatus Of(Payment payment, WritebackCommand? command, DateTimeOffset now) => command switch
    {
        null => new(WritebackDisplay.WritebackOff, payment.WritebackNote ?? "Not written back.", null),
        { State: WritebackState.Confirmed } => new(WritebackDisplay.Recorded, $"Recorded in the PMS (payment {command.TargetId}).", command.TargetId),
        { State: WritebackState.HandledByHand } => new(WritebackDisplay.PostedByHand, "Posted in the PMS by hand.", null),
        { State: WritebackState.Rejected } => new(WritebackDisplay.NotRecorded, $"Not recorded: {command.LastError}", null),
        { State: WritebackState.NeedsReview } => new(WritebackDisplay.NeedsReview, $"Needs review: {command.LastError}", null),
        { State: WritebackState.Pending, Attempts: 0 } when command.NextAttemptAt > now.AddMinutes(1) =>
            new(WritebackDisplay.WaitingForDailyBatch, "Waiting for the daily batch.", null),
        _ => new(WritebackDisplay.BeingRecorded, command.LastError is null ? "Being recorded in the PMS." : $"Being recorded in the PMS (retrying: {command.LastError}).", null),
    };
}
