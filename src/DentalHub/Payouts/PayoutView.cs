using System.Text.Json;
using DentalHub.Writeback;

namespace DentalHub.Payouts;

/// <summary>A payout as the bookkeeper reads it: its state, why, and every error QuickBooks gave.</summary>
public sealed record PayoutView(Payout Payout, PayoutState Status, string Text, IReadOnlyList<string> Errors, bool CanRetry)
{
    /// <summary>The bookkeeper may say they entered the deposit in the books themselves.</summary>
    public bool CanMarkPostedByHand { get; init; }

    /// <summary>Marked as entered in the books by hand, which the bookkeeper may take back.</summary>
    public bool CanUndoPostedByHand => Payout is { Status: PayoutState.Posted, DepositId: null, ProcessorFailed: false };

    /// <summary>Waits on a fix made in the books: a deposit whose total does not match, or one to delete after the payout failed.</summary>
    public bool WaitsOnTheBooks => Payout.DepositId is not null && (Payout.ProcessorFailed || Payout.Difference is { } difference && difference != 0m);

    public static PayoutView Of(Payout payout, WritebackCommand? command)
    {
        var errors = JsonSerializer.Deserialize<List<string>>(payout.ErrorDetailsJson) ?? [];
        if (payout.Status is PayoutState.Pending && command is { State: WritebackState.NeedsReview or WritebackState.Rejected })
        {
            // Parked by the engine after many tries: a person decides.
            var error = command.LastError ?? "QuickBooks did not accept it.";
            return new(payout, PayoutState.Failed, error, errors.Count > 0 ? errors : [error], true);
        }
        var text = payout.Status switch
        {
            PayoutState.Posted when payout.DepositId is null => "Entered in the books by hand; DentalHub did not send it.",
            PayoutState.Posted => $"In QuickBooks as deposit {payout.DepositId}." + (payout.HeldReason is null ? "" : " " + payout.HeldReason),
            PayoutState.Pending => payout.HeldReason ?? "Being written to QuickBooks.",
            _ => payout.HeldReason ?? "",
        };
        // Lines that do not add up stay so until the processor (or the API) sends the payout again: retrying changes nothing.
        var canMarkPosted = payout.Status is PayoutState.Held or PayoutState.Failed && !payout.ProcessorFailed;
        var canRetry = payout.Status is PayoutState.Held or PayoutState.Failed && !payout.ProcessorFailed
            && !IsShort(payout);
        return new(payout, payout.Status, text, errors, canRetry) { CanMarkPostedByHand = canMarkPosted };
    }

    /// <summary>Held because its lines do not add up to what the bank receives (flagged whether or not QuickBooks is connected).</summary>
    public bool LinesDoNotAddUp => Status == PayoutState.Held && IsShort(Payout);

    private static bool IsShort(Payout payout) => payout.Status == PayoutState.Held && payout.Difference is { } difference && difference != 0m;

    /// <summary>The state in the words the page and the export use.</summary>
    public string Label => Status switch
    {
        PayoutState.Posted when Payout.DepositId is null => "Posted by hand",
        PayoutState.Posted => "In QuickBooks",
        PayoutState.Pending => "Being written",
        PayoutState.Held when LinesDoNotAddUp => "Lines do not add up",
        PayoutState.Held => "Held",
        PayoutState.Failed => "Not accepted",
        PayoutState.Reversed => "Reversed",
    };
}
